import { EntityManager } from '@mikro-orm/postgresql';
import { requireStaffPermission, Viewer } from '@hub/auth';
import { badUserInput, notFound } from '@hub/errors';
import { checkPageSize, isUuid } from '@hub/subgraph-kit';
import { parseSyncInterval } from './sync-interval';
import { SyncOperationEntity } from './sync-operation.entity';
import { SyncRegistry } from './sync-registry';
import { SyncRunEntity } from './sync-run.entity';

const MAX_PAGE = 500;

/** Staff control of the ERP synchronisation. Every method needs staff.sync. */
export class SyncStaffService {
  constructor(
    private readonly em: EntityManager,
    private readonly registry: SyncRegistry,
  ) {}

  /** The operations in the order a first full sync runs them. */
  async operations(viewer: Viewer | null): Promise<SyncOperationEntity[]> {
    requireStaffPermission(viewer, 'staff.sync');
    const rows = await this.em.find(SyncOperationEntity, { name: { $in: this.registry.names } });
    const order = this.registry.names;
    return rows.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
  }

  description(operation: string): string {
    return this.registry.find(operation)?.description ?? '';
  }

  async runs(viewer: Viewer | null, operation: string | null | undefined, first: number): Promise<SyncRunEntity[]> {
    requireStaffPermission(viewer, 'staff.sync');
    const limit = checkPageSize(first, { max: MAX_PAGE });
    if (operation) this.known(operation);
    return this.em.find(SyncRunEntity, operation ? { operation } : {}, { orderBy: { startedAt: 'desc' }, limit });
  }

  async run(viewer: Viewer | null, id: string): Promise<SyncRunEntity> {
    requireStaffPermission(viewer, 'staff.sync');
    if (!isUuid(id)) throw badUserInput('Sync run id must be a UUID.', 'id');
    const run = await this.em.findOne(SyncRunEntity, { id });
    if (!run) throw notFound('Sync run', id);
    return run;
  }

  runNow(viewer: Viewer | null, operation: string): Promise<SyncOperationEntity> {
    return this.update(viewer, operation, (op) => (op.runRequested = true));
  }

  pause(viewer: Viewer | null, operation: string): Promise<SyncOperationEntity> {
    return this.update(viewer, operation, (op) => (op.paused = true));
  }

  /** Resuming catches up at once when the next run is overdue. */
  resume(viewer: Viewer | null, operation: string): Promise<SyncOperationEntity> {
    return this.update(viewer, operation, (op) => {
      op.paused = false;
      if (!op.nextRunAt || op.nextRunAt < new Date()) op.nextRunAt = new Date();
    });
  }

  setInterval(viewer: Viewer | null, operation: string, interval: string): Promise<SyncOperationEntity> {
    const seconds = parseSyncInterval(interval);
    return this.update(viewer, operation, (op) => {
      op.intervalSeconds = seconds;
      op.nextRunAt = new Date((op.lastRunAt ?? new Date()).getTime() + seconds * 1000);
    });
  }

  scheduleOnce(viewer: Viewer | null, operation: string, at: Date): Promise<SyncOperationEntity> {
    if (Number.isNaN(at.getTime())) throw badUserInput('at must be a date-time.', 'at');
    if (at.getTime() > Date.now() + 366 * 86400_000) throw badUserInput('at must be within a year.', 'at');
    return this.update(viewer, operation, (op) => (op.runOnceAt = at));
  }

  private known(operation: string): void {
    if (!this.registry.find(operation)) {
      throw badUserInput(`Unknown sync operation "${operation}". Known: ${this.registry.names.join(', ')}.`, 'operation');
    }
  }

  private async update(viewer: Viewer | null, operation: string, change: (op: SyncOperationEntity) => void): Promise<SyncOperationEntity> {
    requireStaffPermission(viewer, 'staff.sync');
    this.known(operation);
    const op = await this.em.findOne(SyncOperationEntity, { name: operation });
    if (!op) throw notFound('Sync operation', operation);
    change(op);
    await this.em.flush();
    return op;
  }
}
