import { Entity, Enum, Index, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

export enum MarketingMaterialKind {
  BROCHURE = 'BROCHURE',
  PRICE_SHEET = 'PRICE_SHEET',
  IMAGE = 'IMAGE',
  OTHER = 'OTHER',
}

/**
 * A file staff publish to customers: to all of them (no groups) or to the companies of chosen
 * customer groups (the ERP's customer_group), from validFrom through validUntil. Its bytes are kept
 * here, beside its metadata, and served behind signed links.
 */
@Entity({ tableName: 'marketing_material' })
@Index({ properties: ['validFrom', 'validUntil'] })
export class MarketingMaterialEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Enum({ items: () => MarketingMaterialKind, type: 'text' })
  kind: MarketingMaterialKind;

  @Property({ type: 'text' })
  title: string;

  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Property({ type: 'text' })
  fileName: string;

  @Property({ type: 'text' })
  contentType: string;

  @Property({ type: 'integer' })
  size: number;

  /** Hex SHA-256 of the bytes, shown so a download can be checked. */
  @Property({ type: 'text' })
  sha256: string;

  @Property({ type: 'blob', lazy: true })
  content: Buffer & Opt;

  /** Empty: every customer. */
  @Property({ type: 'text[]' })
  customerGroups: string[] & Opt = [];

  @Property({ type: 'date' })
  validFrom: string;

  /** Null: until withdrawn. */
  @Property({ type: 'date', nullable: true })
  validUntil: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null = null;

  @Property({ type: 'uuid' })
  publishedBy: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}
