import { Pool } from 'pg';
import { requireStaffPermission, Viewer } from '@hub/auth';
import { badUserInput, notFound } from '@hub/errors';
import { OutboxMessage, OutboxStatus } from '@hub/outbox';
import { checkPageSize, isUuid } from '@hub/subgraph-kit';
import { RegisteredOutbox } from './outbox-registry';

const MAX_PAGE = 500;

/** Staff's view of every subgraph's outbox: the dead-letter list and resending. Needs staff.sync. */
export class OutboxStaffService {
  constructor(
    private readonly pool: Pool,
    private readonly outboxes: readonly RegisteredOutbox[],
  ) {}

  async messages(viewer: Viewer | null, status: OutboxStatus | null | undefined, first: number): Promise<Array<{ source: string; message: OutboxMessage }>> {
    requireStaffPermission(viewer, 'staff.sync');
    const limit = checkPageSize(first, { max: MAX_PAGE });
    const all = [];
    for (const outbox of this.outboxes) {
      for (const message of await outbox.store.list(this.pool, status ?? null, limit)) all.push({ source: outbox.source, message });
    }
    return all.sort((a, b) => b.message.createdAt.getTime() - a.message.createdAt.getTime()).slice(0, limit);
  }

  /** Puts a dead (or waiting) message back in the queue, due now. A delivered message cannot be resent. */
  async resend(viewer: Viewer | null, id: string): Promise<{ source: string; message: OutboxMessage }> {
    requireStaffPermission(viewer, 'staff.sync');
    if (!isUuid(id)) throw badUserInput('Outbox message id must be a UUID.', 'id');
    for (const outbox of this.outboxes) {
      const existing = await outbox.store.get(this.pool, id);
      if (!existing) continue;
      if (existing.status === 'DELIVERED') throw badUserInput('This message was already delivered.', 'id');
      const message = await outbox.store.resend(this.pool, id);
      if (message) return { source: outbox.source, message };
    }
    throw notFound('Outbox message', id);
  }
}
