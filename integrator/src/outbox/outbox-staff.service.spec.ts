import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { Viewer } from '@hub/auth';
import type { OutboxMessage, OutboxStatus, OutboxStore } from '@hub/outbox';
import { RegisteredOutbox } from './outbox-registry';
import { OutboxStaffService } from './outbox-staff.service';

const message = (status: OutboxStatus, minutesAgo: number, overrides: Partial<OutboxMessage> = {}): OutboxMessage => ({
  id: randomUUID(), topic: 'order.placed', key: `k-${minutesAgo}`, payload: {}, status, attempts: 1, nextAttemptAt: new Date(), lastError: null, result: null,
  createdAt: new Date(Date.parse('2026-11-22T12:00:00Z') - minutesAgo * 60_000), deliveredAt: null, traceparent: null, ...overrides,
});

/** An outbox store over an array, as the staff service uses it (list newest first, get, resend). */
function store(schema: string, messages: OutboxMessage[]): OutboxStore & { lists: Array<[OutboxStatus | null, number]> } {
  const lists: Array<[OutboxStatus | null, number]> = [];
  return {
    schema,
    lists,
    list: async (_pool: Pool, status: OutboxStatus | null, limit: number) => {
      lists.push([status, limit]);
      return messages.filter((m) => status === null || m.status === status).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).slice(0, limit);
    },
    get: async (_pool: Pool, id: string) => messages.find((m) => m.id === id) ?? null,
    resend: async (_pool: Pool, id: string) => {
      const m = messages.find((x) => x.id === id && x.status !== 'DELIVERED');
      if (!m) return null;
      Object.assign(m, { status: 'PENDING', attempts: 0, lastError: null });
      return m;
    },
  } as unknown as OutboxStore & { lists: Array<[OutboxStatus | null, number]> };
}

const viewer = (permissions = ['staff.sync']): Viewer => ({ userId: randomUUID(), kind: 'STAFF', companyId: null, supplierId: null, permissions });

describe('OutboxStaffService', () => {
  const deadOrder = message('DEAD', 5, { lastError: 'VALIDATION: unknown SKU' });
  const deliveredOrder = message('DELIVERED', 1);
  const pendingCustomer = message('PENDING', 3, { topic: 'customer.registered' });
  const deadCustomer = message('DEAD', 8, { topic: 'customer.registered' });
  const orders = store('orders', [deadOrder, deliveredOrder]);
  const customers = store('customers', [pendingCustomer, deadCustomer]);
  const outboxes: RegisteredOutbox[] = [
    { source: 'orders', store: orders, topics: new Map() },
    { source: 'customers', store: customers, topics: new Map() },
  ];
  const service = new OutboxStaffService({} as Pool, outboxes);

  it("lists every subgraph's messages together, newest first, limited to the page", async () => {
    expect((await service.messages(viewer(), null, 10)).map((m) => [m.source, m.message.key])).toEqual([
      ['orders', 'k-1'],
      ['customers', 'k-3'],
      ['orders', 'k-5'],
      ['customers', 'k-8'],
    ]);
    expect((await service.messages(viewer(), 'DEAD', 1)).map((m) => m.message.id)).toEqual([deadOrder.id]);
    expect((await service.messages(viewer(['staff.admin']), undefined, 2)).map((m) => m.message.key)).toEqual(['k-1', 'k-3']);
    expect(orders.lists.slice(0, 2)).toEqual([[null, 10], ['DEAD', 1]]);
  });

  it('needs staff.sync, and a page of 1 to 500', async () => {
    await expect(service.messages(viewer(['staff.orders']), null, 10)).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(service.resend(viewer(['staff.users']), deadOrder.id)).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(service.messages(null, null, 10)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    await expect(service.messages(viewer(), null, 0)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    await expect(service.messages(viewer(), null, 501)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    await expect(service.messages(viewer(), null, 500)).resolves.toHaveLength(4);
  });

  it("resends a dead message from whichever outbox holds it, naming that outbox", async () => {
    const resent = await service.resend(viewer(), deadCustomer.id);
    expect(resent).toEqual({ source: 'customers', message: expect.objectContaining({ id: deadCustomer.id, status: 'PENDING', attempts: 0 }) });
    expect((await service.resend(viewer(), deadOrder.id)).source).toBe('orders');
  });

  it('refuses to resend a delivered message, an id that is not a UUID, and one no outbox has', async () => {
    await expect(service.resend(viewer(), deliveredOrder.id)).rejects.toMatchObject({ message: 'This message was already delivered.', extensions: { code: 'BAD_USER_INPUT', field: 'id' } });
    await expect(service.resend(viewer(), 'k-5')).rejects.toMatchObject({ message: 'Outbox message id must be a UUID.', extensions: { code: 'BAD_USER_INPUT', field: 'id' } });
    const missing = randomUUID();
    await expect(service.resend(viewer(), missing)).rejects.toMatchObject({ message: `Outbox message ${missing} was not found.`, extensions: { code: 'NOT_FOUND' } });
    expect(deliveredOrder.status).toBe('DELIVERED');
  });
});
