import { Pool, PoolClient } from 'pg';
import { CarrierAdapter } from '@hub/carrier-contract';
import { ErpAdapter } from '@hub/erp-contract';
import { componentLogger } from '@hub/observability';
import { SyncOperationRepository } from './sync-operation.repository';
import { SyncRegistry } from './sync-registry';
import { runSyncOperation, SyncRunOutcome, SyncTrigger } from './sync-runner';

export interface SyncSchedulerOptions {
  pool: Pool;
  adapter: ErpAdapter;
  /** The parcel carrier the modules' carrier feeds are polled at. */
  carrier?: CarrierAdapter | null;
  registry: SyncRegistry;
  /** How often due operations are looked for. */
  tickMs?: number;
  /** Operations run at once by this process. */
  concurrency?: number;
  pageSize?: number;
  onRunChanged?: (runId: string) => void;
  afterPage?: (client: PoolClient, operation: string, changedKeys: string[]) => Promise<void>;
}

const log = componentLogger('sync-scheduler');

/** Creates the registry's operations with their default intervals (existing settings are kept). */
export function ensureSyncOperations(pool: Pool, registry: SyncRegistry): Promise<void> {
  return new SyncOperationRepository(pool).ensure(registry.all);
}

/**
 * Runs each sync operation on its own interval. All state is in `integrator.sync_operation`, so
 * pausing, re-timing or requesting a run works from any process and survives restarts; any number
 * of integrator processes can run this, and the runner's advisory lock keeps an operation from
 * running twice at once.
 */
export class SyncScheduler {
  private timer: NodeJS.Timeout | null = null;
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private ticking = false;
  private readonly operations: SyncOperationRepository;

  constructor(private readonly options: SyncSchedulerOptions) {
    this.operations = new SyncOperationRepository(options.pool);
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.options.tickMs ?? 1000);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await Promise.allSettled([...this.inFlight.values()]);
  }

  /** One pass: starts every due operation this process is not already running, up to the concurrency limit. */
  async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      for (const due of await this.operations.due()) {
        if (this.inFlight.size >= (this.options.concurrency ?? 2)) break;
        // An operation of another hub's modules (a row this process has no ingest for) is not ours to run.
        if (this.inFlight.has(due.name) || !this.options.registry.find(due.name)) continue;
        const trigger: SyncTrigger = due.runRequested ? 'MANUAL' : due.onceDue ? 'ONCE' : 'SCHEDULE';
        const run = this.runOperation(due.name, trigger).finally(() => this.inFlight.delete(due.name));
        this.inFlight.set(due.name, run);
      }
    } catch (error) {
      log.error({ err: error }, 'scheduler tick failed');
    } finally {
      this.ticking = false;
    }
  }

  /** Runs one operation now and moves its schedule on. */
  async runOperation(name: string, trigger: SyncTrigger): Promise<SyncRunOutcome> {
    const operation = this.options.registry.find(name);
    if (!operation) throw new Error(`Unknown sync operation ${name}`);
    if (!(await this.operations.claim(name, trigger))) return { status: 'SKIPPED' };
    const outcome = await runSyncOperation(
      { pool: this.options.pool, adapter: this.options.adapter, carrier: this.options.carrier, pageSize: this.options.pageSize, onRunChanged: this.options.onRunChanged, afterPage: this.options.afterPage },
      operation,
      trigger,
    );
    if (outcome.status !== 'SKIPPED') await this.operations.scheduleNext(name);
    // A staff request or one-off run that found the operation running elsewhere is not used up by that.
    else await this.operations.unclaim(name, trigger);
    return outcome;
  }

  /** Every operation once, in dependency order (used at start-up). */
  async runAllOnce(trigger: SyncTrigger = 'STARTUP'): Promise<Record<string, SyncRunOutcome>> {
    const outcomes: Record<string, SyncRunOutcome> = {};
    for (const operation of this.options.registry.all) outcomes[operation.name] = await this.runOperation(operation.name, trigger);
    return outcomes;
  }
}
