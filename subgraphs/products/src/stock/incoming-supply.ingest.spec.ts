import { ErpProductRecord, ErpPurchaseOrderRecord } from '@hub/erp-contract';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { erpEntityId } from '@hub/erp-ids';
import { productsSubgraph } from '../index';
import { ingestProducts } from '../ingest/products.ingest';
import { ingestIncomingSupply } from './incoming-supply.ingest';
import { StockLevelRepository } from './stock-level.repository';

describe('open purchase-order lines for the availability promise (real PostgreSQL)', () => {
  let db: SpecDatabase;
  const product = (sku: string): ErpProductRecord => ({ sku, name: sku, description: '', unit: 'piece', listPrice: '10.00', currency: 'EUR', minStock: '1', categoryCodes: [], active: true });
  const order = (n: number, status: ErpPurchaseOrderRecord['status'], lines: ErpPurchaseOrderRecord['lines']): ErpPurchaseOrderRecord => ({
    key: `PO-${n}`, purchaseOrderNumber: `PO-${n}`, hubPurchaseOrderId: null, supplierNumber: 'S20001', status, orderedAt: '2026-12-01T00:00:00.000Z', currency: 'EUR', lines,
  });
  const line = (lineNo: number, sku: string, quantity: string, receivedQuantity: string, deliveryDate: string) => ({ lineNo, sku, quantity, unitPrice: '5', deliveryDate, receivedQuantity });
  const incoming = () => new StockLevelRepository(db.em()).incomingOf([erpEntityId('product', 'BOLT'), erpEntityId('product', 'NUT')]);

  beforeAll(async () => {
    db = await createSpecDatabase([productsSubgraph]);
    // The products' merge streams a COPY: it needs a client of its own, in a transaction.
    const client = await db.pool.connect();
    try {
      await client.query('begin');
      await ingestProducts(client, { rows: [product('BOLT'), product('NUT')], deletions: [] });
      await client.query('commit');
    } finally {
      client.release();
    }
  });
  afterAll(() => db?.drop());

  it('keeps what is still to come of open orders, earliest first, and skips unknown items', async () => {
    await ingestIncomingSupply(db.pool as never, {
      rows: [
        order(1, 'PARTLY_RECEIVED', [line(1, 'BOLT', '48', '20', '2027-01-12'), line(2, 'NUT', '10', '10', '2027-01-12')]),
        order(2, 'CONFIRMED', [line(1, 'NUT', '5', '0', '2027-01-05'), line(2, 'NO-SUCH-ITEM', '5', '0', '2027-01-05')]),
        order(3, 'RECEIVED', [line(1, 'BOLT', '7', '7', '2027-01-01')]),
      ],
      deletions: [],
    });
    expect(await incoming()).toEqual([
      { productId: erpEntityId('product', 'NUT'), expectedDate: '2027-01-05', quantity: '5.000' },
      { productId: erpEntityId('product', 'BOLT'), expectedDate: '2027-01-12', quantity: '28.000' },
    ]);
  });

  it("replaces an order's lines when it comes again, and drops received, cancelled and deleted orders", async () => {
    await ingestIncomingSupply(db.pool as never, { rows: [order(1, 'RECEIVED', [line(1, 'BOLT', '48', '48', '2027-01-12')])], deletions: ['PO-2'] });
    expect(await incoming()).toEqual([]);
  });
});
