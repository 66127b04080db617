import { Entity, Enum, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

export enum NewsletterStatus {
  DRAFT = 'DRAFT',
  SENT = 'SENT',
}

/** A newsletter staff composed: its text, the catalogue items and discount codes it shows, and when it went out. */
@Entity({ tableName: 'newsletter' })
export class NewsletterEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  title: string;

  @Property({ type: 'text' })
  intro: string;

  /** Products (products subgraph ids) shown, in this order. */
  @Property({ type: 'uuid[]' })
  productIds: string[];

  @Property({ type: 'text[]' })
  discountCodes: string[];

  @Enum({ items: () => NewsletterStatus, type: 'text' })
  status: NewsletterStatus & Opt = NewsletterStatus.DRAFT;

  /** How many consenting users it was queued for. */
  @Property({ type: 'integer' })
  recipients: number & Opt = 0;

  @Property({ type: 'uuid' })
  createdBy: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  sentAt: Date | null = null;
}
