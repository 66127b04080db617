import { Opt, Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** A customer company: one ERP debtor account. Name, currency and country are ERP-owned. */
@Entity({ tableName: 'company' })
export class CompanyEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The customer number in the ERP. */
  @Property({ type: 'text', unique: true })
  erpNumber: string;

  @Property({ type: 'text' })
  name: string;

  @Property({ type: 'character', length: 3 })
  currency: string;

  @Property({ type: 'character', length: 2 })
  country: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}
