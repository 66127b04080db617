import { Entity, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/**
 * A debtor's overdue invoices handed to a debt-collection agency by staff (the log of who handed
 * what over, when). Its invoices are not dunned any more.
 */
@Entity({ tableName: 'debt_collection_case' })
export class DebtCollectionCaseEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** DC-<year>-<n>: what the agency and the debtor quote. */
  @Property({ type: 'text', unique: true })
  number: string;

  @Property({ type: 'uuid', index: true })
  companyId: string;

  @Property({ type: 'text' })
  agency: string;

  /** The invoices handed over (each at most once, in one case). */
  @Property({ type: 'text[]' })
  documentNumbers: string[];

  @Property({ type: 'uuid' })
  handedOverBy: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  handedOverAt: Date & Opt = new Date();
}
