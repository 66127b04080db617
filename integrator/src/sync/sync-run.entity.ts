import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** One run of one sync operation: what it read and wrote, and how it ended. */
@Entity({ tableName: 'sync_run' })
@Index({ properties: ['operation', 'startedAt'] })
// The staff dashboard's failed runs of a day.
@Index({ properties: ['status', 'startedAt'] })
export class SyncRunEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'text' })
  operation: string;

  /** SCHEDULE, MANUAL, ONCE or STARTUP. */
  @Property({ type: 'text' })
  trigger: string;

  /** RUNNING, SUCCEEDED or FAILED. */
  @Index()
  @Property({ type: 'text' })
  status: string;

  @Property({ type: 'timestamptz' })
  startedAt: Date;

  @Property({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Property({ type: 'integer' })
  pages: number;

  @Property({ type: 'integer' })
  rowsRead: number;

  @Property({ type: 'integer' })
  rowsInserted: number;

  @Property({ type: 'integer' })
  rowsUpdated: number;

  @Property({ type: 'integer' })
  rowsDeleted: number;

  @Property({ type: 'text', nullable: true })
  error: string | null;
}
