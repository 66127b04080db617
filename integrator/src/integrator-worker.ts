import { Pool, PoolClient } from 'pg';
import { publishEvent } from '@hub/events';
import { ErpAdapter } from './adapter';
import { OUTBOX_STORES } from './integrator-subgraph';
import { OutboxDispatcher } from './outbox/outbox-dispatcher';
import { ensureSyncOperations, SyncScheduler } from './scheduler/sync-scheduler';
import { SyncRunOutcome } from './sync/sync-runner';

/** The event behind `subscription { syncRunUpdated }`; its key is the run id. */
export const SYNC_RUN_UPDATED_TOPIC = 'syncRunUpdated';

export interface IntegratorWorkerOptions {
  databaseUrl: string;
  adapter: ErpAdapter;
  /** Run every operation once before the schedule starts (npm start does). */
  syncOnStart?: boolean;
  schedulerTickMs?: number;
  dispatcherTickMs?: number;
  pageSize?: number;
  maxDeliveryAttempts?: number;
  retryBaseDelayMs?: number;
  retryMaxDelayMs?: number;
  onRunChanged?: (runId: string) => void;
  afterPage?: (client: PoolClient, operation: string, changedKeys: string[]) => Promise<void>;
  log?: (line: string) => void;
}

export interface IntegratorWorker {
  scheduler: SyncScheduler;
  dispatcher: OutboxDispatcher;
  startupOutcomes: Record<string, SyncRunOutcome> | null;
  stop(): Promise<void>;
}

/** The integrator's background work: the sync scheduler and the outbox dispatcher. */
export async function startIntegratorWorker(options: IntegratorWorkerOptions): Promise<IntegratorWorker> {
  const pool = new Pool({ connectionString: options.databaseUrl, max: 6 });
  pool.on('error', (error) => options.log?.(`database connection lost: ${error.message}`));
  await ensureSyncOperations(pool);
  // Staff watching `syncRunUpdated` hear of every run as it starts and ends.
  const announceRun = (runId: string) => {
    options.onRunChanged?.(runId);
    publishEvent(pool, SYNC_RUN_UPDATED_TOPIC, { key: runId }).catch((error) => options.log?.(`could not announce sync run ${runId}: ${(error as Error).message}`));
  };
  const scheduler = new SyncScheduler({
    pool,
    adapter: options.adapter,
    tickMs: options.schedulerTickMs,
    pageSize: options.pageSize,
    onRunChanged: announceRun,
    afterPage: options.afterPage,
  });
  const dispatcher = new OutboxDispatcher({
    pool,
    adapter: options.adapter,
    stores: OUTBOX_STORES,
    tickMs: options.dispatcherTickMs,
    maxAttempts: options.maxDeliveryAttempts,
    baseDelayMs: options.retryBaseDelayMs,
    maxDelayMs: options.retryMaxDelayMs,
  });
  let startupOutcomes: Record<string, SyncRunOutcome> | null = null;
  if (options.syncOnStart) {
    startupOutcomes = await scheduler.runAllOnce('STARTUP');
    const failed = Object.entries(startupOutcomes).filter(([, o]) => o.status === 'FAILED');
    options.log?.(failed.length ? `first sync: ${failed.length} operations failed (${failed.map(([n]) => n).join(', ')})` : 'first sync done');
  }
  scheduler.start();
  dispatcher.start();
  return {
    scheduler,
    dispatcher,
    startupOutcomes,
    stop: async () => {
      await scheduler.stop();
      await dispatcher.stop();
      await pool.end();
    },
  };
}
