import { Field, ID, Int, ObjectType } from 'type-graphql';
import { formatSyncInterval } from './sync-interval';
import { SyncOperationEntity } from './sync-operation.entity';
import { SyncRunEntity } from './sync-run.entity';

@ObjectType('SyncRun', { description: 'One run of one sync operation.' })
export class SyncRunObject {
  @Field(() => ID)
  id: string;

  @Field()
  operation: string;

  @Field({ description: 'SCHEDULE, MANUAL, ONCE or STARTUP.' })
  trigger: string;

  @Field({ description: 'RUNNING, SUCCEEDED or FAILED.' })
  status: string;

  @Field()
  startedAt: Date;

  @Field(() => Date, { nullable: true })
  finishedAt: Date | null;

  @Field(() => Int, { nullable: true, description: 'Wall time in milliseconds, once finished.' })
  durationMs: number | null;

  @Field(() => Int)
  pages: number;

  @Field(() => Int)
  rowsRead: number;

  @Field(() => Int)
  rowsInserted: number;

  @Field(() => Int)
  rowsUpdated: number;

  @Field(() => Int)
  rowsDeleted: number;

  @Field(() => String, { nullable: true })
  error: string | null;

  static from(run: SyncRunEntity): SyncRunObject {
    return Object.assign(new SyncRunObject(), {
      ...run,
      durationMs: run.finishedAt ? run.finishedAt.getTime() - run.startedAt.getTime() : null,
    });
  }
}

@ObjectType('SyncOperation', { description: 'A synchronised kind of ERP data and its schedule.' })
export class SyncOperationObject {
  @Field()
  name: string;

  @Field()
  description: string;

  @Field({ description: 'hh:mm:ss between runs.' })
  interval: string;

  @Field()
  paused: boolean;

  @Field(() => Date, { nullable: true })
  nextRunAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'A one-off run scheduled for this moment.' })
  runOnceAt: Date | null;

  @Field({ description: 'A run was requested and will start within a second.' })
  runRequested: boolean;

  @Field(() => Date, { nullable: true })
  lastRunAt: Date | null;

  @Field(() => Date, { nullable: true })
  lastSuccessAt: Date | null;

  @Field(() => Int, { nullable: true, description: 'Seconds since the stored cursor last moved (null before the first successful run).' })
  cursorAgeSeconds: number | null;

  lastRunId: string | null;

  static from(entity: SyncOperationEntity, description: string, now = new Date()): SyncOperationObject {
    return Object.assign(new SyncOperationObject(), {
      name: entity.name,
      description,
      interval: formatSyncInterval(entity.intervalSeconds),
      paused: entity.paused,
      nextRunAt: entity.paused ? null : entity.nextRunAt,
      runOnceAt: entity.runOnceAt,
      runRequested: entity.runRequested,
      lastRunAt: entity.lastRunAt,
      lastSuccessAt: entity.lastSuccessAt,
      cursorAgeSeconds: entity.cursorUpdatedAt ? Math.floor((now.getTime() - entity.cursorUpdatedAt.getTime()) / 1000) : null,
      lastRunId: entity.lastRunId,
    });
  }
}
