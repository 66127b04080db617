import { requireStaffPermission, Viewer } from '@hub/auth';
import { badUserInput, notFound } from '@hub/errors';
import { isUuid } from '@hub/subgraph-kit';
import { OutboxMessage, OutboxStatus } from '@hub/outbox';
import { IntegratorContext } from '../context';
import { parseSyncInterval } from '../scheduler/sync-interval';
import { findSyncOperation, SYNC_OPERATIONS } from '../sync/sync-operations';
import { SyncOperationEntity } from './sync-operation.entity';
import { SyncRunEntity } from './sync-run.entity';

const MAX_PAGE = 500;

/** Staff control of the ERP synchronisation and the outbox. Every method needs staff.sync. */
export class SyncStaffService {
  constructor(private readonly ctx: IntegratorContext) {}

  async operations(viewer: Viewer | null): Promise<SyncOperationEntity[]> {
    requireStaffPermission(viewer, 'staff.sync');
    const rows = await this.ctx.em.find(SyncOperationEntity, {});
    const order = SYNC_OPERATIONS.map((op) => op.name);
    return rows.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
  }

  async runs(viewer: Viewer | null, operation: string | null | undefined, first: number): Promise<SyncRunEntity[]> {
    requireStaffPermission(viewer, 'staff.sync');
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw badUserInput(`first must be between 1 and ${MAX_PAGE}.`, 'first');
    if (operation) this.known(operation);
    return this.ctx.em.find(SyncRunEntity, operation ? { operation } : {}, { orderBy: { startedAt: 'desc' }, limit: first });
  }

  async run(viewer: Viewer | null, id: string): Promise<SyncRunEntity> {
    requireStaffPermission(viewer, 'staff.sync');
    if (!isUuid(id)) throw badUserInput('Sync run id must be a UUID.', 'id');
    const run = await this.ctx.em.findOne(SyncRunEntity, { id });
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

  async outboxMessages(viewer: Viewer | null, status: OutboxStatus | null | undefined, first: number): Promise<Array<{ source: string; message: OutboxMessage }>> {
    requireStaffPermission(viewer, 'staff.sync');
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw badUserInput(`first must be between 1 and ${MAX_PAGE}.`, 'first');
    const all = [];
    for (const store of this.ctx.outboxStores) {
      for (const message of await store.list(this.ctx.pool, status ?? null, first)) all.push({ source: store.schema, message });
    }
    return all.sort((a, b) => b.message.createdAt.getTime() - a.message.createdAt.getTime()).slice(0, first);
  }

  /** Puts a dead (or waiting) message back in the queue, due now. A delivered message cannot be resent. */
  async resend(viewer: Viewer | null, id: string): Promise<{ source: string; message: OutboxMessage }> {
    requireStaffPermission(viewer, 'staff.sync');
    if (!isUuid(id)) throw badUserInput('Outbox message id must be a UUID.', 'id');
    for (const store of this.ctx.outboxStores) {
      const existing = await store.get(this.ctx.pool, id);
      if (!existing) continue;
      if (existing.status === 'DELIVERED') throw badUserInput('This message was already delivered.', 'id');
      const message = await store.resend(this.ctx.pool, id);
      if (message) return { source: store.schema, message };
    }
    throw notFound('Outbox message', id);
  }

  private known(operation: string): void {
    if (!findSyncOperation(operation)) {
      throw badUserInput(`Unknown sync operation "${operation}". Known: ${SYNC_OPERATIONS.map((op) => op.name).join(', ')}.`, 'operation');
    }
  }

  private async update(viewer: Viewer | null, operation: string, change: (op: SyncOperationEntity) => void): Promise<SyncOperationEntity> {
    requireStaffPermission(viewer, 'staff.sync');
    this.known(operation);
    const op = await this.ctx.em.findOne(SyncOperationEntity, { name: operation });
    if (!op) throw notFound('Sync operation', operation);
    change(op);
    await this.ctx.em.flush();
    return op;
  }
}
