import { Pool, PoolClient } from 'pg';
import { CarrierAdapter } from '@hub/carrier-contract';
import { ErpAdapter } from '@hub/erp-contract';
import { instrumentPool } from '@hub/database';
import { publishEvent } from '@hub/events';
import { databaseCheck, HealthCheck } from '@hub/observability';
import { observeIntegratorState } from './integrator-metrics';
import { SubgraphModule } from '@hub/subgraph-kit';
import { SYNC_RUN_UPDATED_TOPIC } from './integrator-subgraph';
import { collectOutboxes } from './outbox/outbox-registry';
import { OutboxDispatcher } from './outbox/outbox-dispatcher';
import { SyncRegistry } from './sync/sync-registry';
import { ensureSyncOperations, SyncScheduler } from './sync/sync-scheduler';
import { SyncRunOutcome } from './sync/sync-runner';

export interface IntegratorWorkerOptions {
  databaseUrl: string;
  adapter: ErpAdapter;
  /** The parcel carrier: modules' carrier feeds are polled at it on their schedule (without one, each poll fails visibly). */
  carrier?: CarrierAdapter | null;
  /** The hub's modules: their declared sync kinds are scheduled and their outboxes dispatched. */
  modules: readonly SubgraphModule<any>[];
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
  registry: SyncRegistry;
  scheduler: SyncScheduler;
  dispatcher: OutboxDispatcher;
  startupOutcomes: Record<string, SyncRunOutcome> | null;
  /** The worker's part of a readiness check: its database pool answers. */
  readinessChecks: HealthCheck[];
  stop(): Promise<void>;
}

/** The integrator's background work: the sync scheduler and the outbox dispatcher, for every module's declarations. */
export async function startIntegratorWorker(options: IntegratorWorkerOptions): Promise<IntegratorWorker> {
  const registry = new SyncRegistry(options.modules);
  const outboxes = collectOutboxes(options.modules, registry);
  const pool = instrumentPool(new Pool({ connectionString: options.databaseUrl, max: 6, application_name: 'hub-integrator-worker' }), 'integrator-worker');
  observeIntegratorState(pool, outboxes);
  pool.on('error', (error) => options.log?.(`database connection lost: ${error.message}`));
  await ensureSyncOperations(pool, registry);
  // Staff watching `syncRunUpdated` hear of every run as it starts and ends.
  const announceRun = (runId: string) => {
    options.onRunChanged?.(runId);
    publishEvent(pool, SYNC_RUN_UPDATED_TOPIC, { key: runId }).catch((error) => options.log?.(`could not announce sync run ${runId}: ${(error as Error).message}`));
  };
  const scheduler = new SyncScheduler({
    pool,
    adapter: options.adapter,
    carrier: options.carrier,
    registry,
    tickMs: options.schedulerTickMs,
    pageSize: options.pageSize,
    onRunChanged: announceRun,
    afterPage: options.afterPage,
  });
  const dispatcher = new OutboxDispatcher({
    pool,
    adapter: options.adapter,
    outboxes,
    registry,
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
    registry,
    scheduler,
    dispatcher,
    startupOutcomes,
    readinessChecks: [databaseCheck('integrator-worker:database', async (sql) => (await pool.query(sql)).rows)],
    stop: async () => {
      await scheduler.stop();
      await dispatcher.stop();
      await pool.end();
    },
  };
}
