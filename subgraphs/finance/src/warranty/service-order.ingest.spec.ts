import { randomUUID } from 'node:crypto';
import { ErpServiceOrderRecord } from '@hub/erp-contract';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { financeSubgraph } from '../index';
import { ingestServiceOrders } from './service-order.ingest';

describe('ingestServiceOrders (real PostgreSQL)', () => {
  let db: SpecDatabase;

  beforeAll(async () => {
    db = await createSpecDatabase([financeSubgraph]);
  });
  afterAll(() => db?.drop());

  async function request(status: string): Promise<string> {
    const id = randomUUID();
    await db.pool.query(
      `insert into finance.service_request (id, company_id, registered_product_id, description, status, under_warranty, opened_by_user_id, repair_history, created_at, updated_at)
       values ($1, $2, $3, 'Broken', $4, true, $5, '[]'::jsonb, now(), now())`,
      [id, randomUUID(), randomUUID(), status, randomUUID()],
    );
    return id;
  }

  const order = (hubServiceRequestId: string, status: ErpServiceOrderRecord['status'], n: number): ErpServiceOrderRecord => ({
    key: `SRV-${n}`, serviceOrderNumber: `SRV-${n}`, hubServiceRequestId, customerNumber: 'C-1', serialNumber: `S${n}`, sku: 'DRILL', status,
    receivedAt: status === 'AWAITING_GOODS' ? null : '2026-01-02T10:00:00.000Z', shippedBackAt: status === 'SHIPPED_BACK' ? '2026-01-09T10:00:00.000Z' : null,
    history: [{ at: '2026-01-02T10:00:00.000Z', kind: 'DIAGNOSIS', text: 'Worn brushes' }],
  });

  const read = async (id: string) => (await db.pool.query('select status, erp_service_order_number, received_at, shipped_back_at, repair_history from finance.service_request where id = $1', [id])).rows[0];

  it('takes the workshop\'s data always, and its status where the machine reaches it (several steps at once)', async () => {
    const jumped = await request('OPENED');
    const backwards = await request('REPAIRED');
    const ended = await request('CLOSED');
    const result = await ingestServiceOrders(db.pool as never, {
      rows: [order(jumped, 'SHIPPED_BACK', 1), order(backwards, 'RECEIVED', 2), order(ended, 'IN_REPAIR', 3), order(randomUUID(), 'RECEIVED', 4), { ...order('not-a-uuid', 'RECEIVED', 5) }],
      deletions: [],
    });
    expect(result).toMatchObject({ read: 5, updated: 3 });
    expect(await read(jumped)).toMatchObject({
      status: 'SHIPPED_BACK', erp_service_order_number: 'SRV-1', received_at: new Date('2026-01-02T10:00:00.000Z'), shipped_back_at: new Date('2026-01-09T10:00:00.000Z'),
      repair_history: [{ at: '2026-01-02T10:00:00.000Z', kind: 'DIAGNOSIS', text: 'Worn brushes' }],
    });
    expect(await read(backwards)).toMatchObject({ status: 'REPAIRED', erp_service_order_number: 'SRV-2' });
    expect(await read(ended)).toMatchObject({ status: 'CLOSED', erp_service_order_number: 'SRV-3' });
  });

  it('changes nothing when the same page comes again', async () => {
    const id = await request('OPENED');
    const page = { rows: [order(id, 'RECEIVED', 6)], deletions: [] };
    expect((await ingestServiceOrders(db.pool as never, page)).updated).toBe(1);
    expect((await ingestServiceOrders(db.pool as never, page)).updated).toBe(0);
  });
});
