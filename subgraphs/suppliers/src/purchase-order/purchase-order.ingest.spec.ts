import { randomUUID } from 'node:crypto';
import { ErpPurchaseOrderRecord } from '@hub/erp-contract';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { OutboxMessage } from '@hub/outbox';
import { suppliersSubgraph } from '../index';
import { ingestPurchaseOrders } from './purchase-order.ingest';
import { acknowledgePurchaseOrder, confirmationKey } from './purchase-order-outbox';

describe('purchase orders from the ERP and its receipts (real PostgreSQL)', () => {
  let db: SpecDatabase;
  const supplierId = randomUUID();

  beforeAll(async () => {
    db = await createSpecDatabase([suppliersSubgraph]);
  });
  afterAll(() => db?.drop());

  async function order(status: string, lineStatus = 'OPEN'): Promise<string> {
    const id = randomUUID();
    await db.pool.query(
      `insert into suppliers.purchase_order (id, number, supplier_id, currency, status, created_by_user_id, created_at, updated_at) values ($1, $2, $3, 'EUR', $4, $5, now(), now())`,
      [id, `HPO-${id.slice(0, 8)}`, supplierId, status, randomUUID()],
    );
    await db.pool.query(
      `insert into suppliers.purchase_order_line (id, purchase_order_id, line_no, product_id, sku, quantity, unit_price, delivery_date, status, received_quantity)
       values ($1, $2, 1, $3, 'HB-S0001', 40, 10.2, '2027-01-10', $4, 0)`,
      [randomUUID(), id, randomUUID(), lineStatus],
    );
    return id;
  }

  const record = (id: string, status: ErpPurchaseOrderRecord['status'], n: number, received = '0'): ErpPurchaseOrderRecord => ({
    key: `PO-${n}`, purchaseOrderNumber: `PO-${n}`, hubPurchaseOrderId: id, supplierNumber: 'S20001', status, orderedAt: '2026-12-01T10:00:00.000Z', currency: 'EUR',
    lines: [{ lineNo: 1, sku: 'HB-S0001', quantity: '48', unitPrice: '10.1', deliveryDate: '2027-01-12', receivedQuantity: received }],
  });
  const read = async (id: string) => (await db.pool.query(
    `select po.status, po.erp_number, l.quantity::text, l.unit_price::text, to_char(l.delivery_date, 'YYYY-MM-DD') as delivery_date, l.received_quantity::text,
            (select array_agg(kind order by at) from suppliers.purchase_order_event e where e.purchase_order_id = po.id) as events
       from suppliers.purchase_order po join suppliers.purchase_order_line l on l.purchase_order_id = po.id where po.id = $1`, [id])).rows[0];

  it("takes the ERP's number always; its status and lines once past OPEN, where the state machine reaches them", async () => {
    const negotiating = await order('CHANGE_PROPOSED', 'CHANGE_PROPOSED');
    const confirmed = await order('CONFIRMED', 'CONFIRMED');
    const received = await order('RECEIVED', 'CONFIRMED');
    const result = await ingestPurchaseOrders(db.pool as never, {
      rows: [record(negotiating, 'OPEN', 1), record(confirmed, 'PARTLY_RECEIVED', 2, '20'), record(received, 'CANCELLED', 3), record(randomUUID(), 'OPEN', 4), { ...record(negotiating, 'OPEN', 5), hubPurchaseOrderId: null }],
      deletions: [],
    });
    expect(result.read).toBe(5);
    // Still negotiated on the hub: only the ERP's number; its lines stay the hub's.
    expect(await read(negotiating)).toMatchObject({ status: 'CHANGE_PROPOSED', erp_number: 'PO-1', quantity: '40.000', unit_price: '10.2000', delivery_date: '2027-01-10', events: null });
    // Confirmed: the ERP is master of status and lines; the move lands on the timeline.
    expect(await read(confirmed)).toMatchObject({ status: 'PARTLY_RECEIVED', erp_number: 'PO-2', quantity: '48.000', unit_price: '10.1000', delivery_date: '2027-01-12', received_quantity: '20.000', events: ['STATUS'] });
    // An end is not left again.
    expect(await read(received)).toMatchObject({ status: 'RECEIVED', erp_number: 'PO-3' });
  });

  it('changes nothing when the same page comes again', async () => {
    const id = await order('CONFIRMED', 'CONFIRMED');
    const page = { rows: [record(id, 'RECEIVED', 6, '48')], deletions: [] };
    expect((await ingestPurchaseOrders(db.pool as never, page)).updated).toBeGreaterThan(0);
    expect((await ingestPurchaseOrders(db.pool as never, page)).updated).toBe(0);
    expect(await read(id)).toMatchObject({ status: 'RECEIVED', events: ['STATUS'] });
  });

  it('writes the agreement for the ERP when an order confirmed on its way is acknowledged, once', async () => {
    const id = await order('CONFIRMED', 'CONFIRMED');
    const message = { id: randomUUID(), topic: 'purchaseOrder.placed', key: id, payload: { hubPurchaseOrderId: id } } as unknown as OutboxMessage;
    await acknowledgePurchaseOrder(db.pool as never, message, { purchaseOrderNumber: 'PO-7', status: 'OPEN' });
    await acknowledgePurchaseOrder(db.pool as never, message, { purchaseOrderNumber: 'PO-7', status: 'OPEN' });
    const { rows } = await db.pool.query(`select topic, payload from suppliers.outbox_message where key = $1`, [confirmationKey(id)]);
    expect(rows).toEqual([{ topic: 'purchaseOrder.confirmed', payload: expect.objectContaining({ purchaseOrderNumber: 'PO-7', lines: [{ lineNo: 1, quantity: '40', unitPrice: '10.2', deliveryDate: '2027-01-10' }] }) }]);
    expect(await read(id)).toMatchObject({ erp_number: 'PO-7', events: ['IN_ERP'] });
    // A sent order (not yet agreed) gets no agreement message.
    const sent = await order('SENT');
    await acknowledgePurchaseOrder(db.pool as never, { ...message, key: sent, payload: { hubPurchaseOrderId: sent } } as OutboxMessage, { purchaseOrderNumber: 'PO-8', status: 'OPEN' });
    expect((await db.pool.query(`select 1 from suppliers.outbox_message where key = $1`, [confirmationKey(sent)])).rowCount).toBe(0);
  });
});
