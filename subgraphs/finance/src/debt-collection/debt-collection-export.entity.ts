import { Entity, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** One download of a case's export: who, when, which case. */
@Entity({ tableName: 'debt_collection_export' })
export class DebtCollectionExportEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid', index: true })
  caseId: string;

  @Property({ type: 'uuid' })
  downloadedBy: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  downloadedAt: Date & Opt = new Date();
}
