import { Entity, Opt, PrimaryKey, Property } from '@mikro-orm/core';

/** The schedule and progress of one sync operation; lives in PostgreSQL so it survives restarts. */
@Entity({ tableName: 'sync_operation' })
export class SyncOperationEntity {
  @PrimaryKey({ type: 'text' })
  name: string;

  @Property({ type: 'integer' })
  intervalSeconds: number;

  @Property({ type: 'boolean', default: false })
  paused: boolean & Opt = false;

  @Property({ type: 'timestamptz', nullable: true })
  nextRunAt: Date | null = null;

  /** A one-off run requested for this moment (scheduleSyncOnce); runs even when paused. */
  @Property({ type: 'timestamptz', nullable: true })
  runOnceAt: Date | null = null;

  /** runSyncNow sets this; the next scheduler tick picks it up. */
  @Property({ type: 'boolean', default: false })
  runRequested: boolean & Opt = false;

  /** The ERP's opaque cursor after the last successful run. */
  @Property({ type: 'text', nullable: true })
  cursor: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  cursorUpdatedAt: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  lastRunId: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  lastRunAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  lastSuccessAt: Date | null = null;
}
