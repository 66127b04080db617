import { Entity, Index, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** A branch or shop of a customer company (hub-owned: the ERP knows only the debtor and its addresses). */
@Entity({ tableName: 'company_branch' })
export class CompanyBranchEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Index()
  @Property({ type: 'uuid' })
  companyId: string;

  @Property({ type: 'text' })
  name: string;

  /** { street, postalCode, city, country } */
  @Property({ type: 'jsonb' })
  address: Record<string, string>;

  /** The ERP delivery address (its code) goods for this branch go to, if any. */
  @Property({ type: 'text', nullable: true })
  deliveryAddressCode: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();
}
