import { PDFDocument } from 'pdf-lib';
import { createServer } from 'node:net';
import { ErpError, ErpOrderSubmission, ErpRecordOf, SyncKind } from '@hub/erp-contract';
import { buildDemoErpTables, DemoErpAdminClient, DemoErpHandle, startDemoErp } from '@hub/demo-erp';
import { erpRoute, HttpErpAdapter } from './http-erp-adapter';

async function drain<K extends SyncKind>(adapter: HttpErpAdapter, kind: K, cursor: string | null, pageSize: number) {
  const rows: Array<ErpRecordOf<K>> = [];
  const deletions: string[] = [];
  let pages = 0;
  for (;;) {
    const page = await adapter.pullChanges(kind, cursor, pageSize);
    rows.push(...page.rows);
    deletions.push(...page.deletions);
    cursor = page.nextCursor;
    pages++;
    if (!page.hasMore) return { rows, deletions, cursor, pages };
  }
}

async function erpError(promise: Promise<unknown>): Promise<ErpError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ErpError) return error;
    throw error;
  }
  throw new Error('expected an ErpError');
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function order(hubOrderId: string, quantity = '2'): ErpOrderSubmission {
  return {
    hubOrderId, customerNumber: 'C10001', placedAt: '2026-11-02T10:00:00.000Z', currency: 'EUR',
    lines: [{ lineNo: 1, sku: 'HB-S0001', quantity, unitPrice: '10.50' }, { lineNo: 2, sku: 'WS-S0028', quantity: '1.5', unitPrice: '3.00' }],
    deliveryAddressCode: 'D1', customerReference: 'PO-77',
  };
}

describe('HttpErpAdapter against the demo ERP (small)', () => {
  let erp: DemoErpHandle;
  let adapter: HttpErpAdapter;
  let admin: DemoErpAdminClient;

  beforeAll(async () => {
    erp = await startDemoErp({ scale: 'small', port: 0 });
    adapter = new HttpErpAdapter({ baseUrl: erp.url, apiKey: erp.apiKey, timeoutMs: 5_000 });
    admin = new DemoErpAdminClient(erp.url);
  });
  afterEach(async () => {
    await admin.clearFaults();
  });
  afterAll(async () => {
    adapter.close();
    await erp.stop();
  });

  it('syncs the small dataset in full, then only changes made since', async () => {
    const customers = await drain(adapter, 'customers', null, 1000);
    expect(customers.rows.map((c) => c.customerNumber)).toEqual(['C10001', 'C10002', 'C10003', 'C10004']);
    const products = await drain(adapter, 'products', null, 100);
    expect(products.pages).toBe(3);
    // The demo dataset's 285 items and the demo ERP's two configurable ones (a window and a door).
    expect(products.rows).toHaveLength(287);
    expect((await adapter.pullChanges('products', products.cursor, 100)).rows).toEqual([]);

    const renamed = { ...products.rows[0], name: 'Hex bolt, renamed in the ERP' };
    await admin.upsert('products', renamed);
    const delta = await drain(adapter, 'products', products.cursor, 100);
    expect(delta.rows).toEqual([renamed]);
    expect(delta.deletions).toEqual([]);

    const prices = await drain(adapter, 'prices', null, 1000);
    await admin.advance(1);
    const moved = await drain(adapter, 'prices', prices.cursor, 1000);
    expect(moved.rows.length).toBeGreaterThanOrEqual(1);
    expect(moved.rows.length).toBeLessThanOrEqual(3);
    const before = new Map(prices.rows.map((p) => [p.key, p.price]));
    for (const p of moved.rows) {
      const ratio = Number(p.price) / Number(before.get(p.key));
      expect(Math.abs(ratio - 1)).toBeGreaterThan(0.005);
      expect(Math.abs(ratio - 1)).toBeLessThan(0.06);
    }
    expect((await adapter.pullChanges('prices', moved.cursor, 1000)).rows).toEqual([]);
  });

  it('reports deletions and leaves deleted rows out of a new full sync', async () => {
    const start = await drain(adapter, 'stock', null, 500);
    const victim = start.rows[10];
    expect(await admin.remove('stock', victim.key)).toBe(true);
    const delta = await drain(adapter, 'stock', start.cursor, 500);
    expect(delta.deletions).toEqual([victim.key]);
    expect(delta.rows).toEqual([]);
    const again = await drain(adapter, 'stock', null, 500);
    expect(again.rows).toHaveLength(start.rows.length - 1);
    expect(again.rows.some((s) => s.key === victim.key)).toBe(false);
  });

  it('accepts an order once per idempotency key, and refuses the key for another body', async () => {
    const ordersCursor = (await drain(adapter, 'orders', null, 1000)).cursor;
    const first = await adapter.push('orders', order('hub-order-1'), 'key-1');
    expect(first).toEqual({ orderNumber: expect.stringMatching(/^SO-\d+$/), status: 'CONFIRMED', deliveryDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(await adapter.push('orders', order('hub-order-1'), 'key-1')).toEqual(first);
    expect(await adapter.findByKey('orders', 'key-1')).toEqual(first);
    expect(await adapter.findByKey('orders', 'key-unknown')).toBeNull();
    const conflict = await erpError(adapter.push('orders', order('hub-order-1', '3'), 'key-1'));
    expect(conflict.kind).toBe('CONFLICT');

    const stats = await admin.stats();
    expect(stats.acceptedOrdersByKey['key-1']).toBe(1);
    expect(stats.orders.acceptedByKey['key-1']).toBe(1);
    const delta = await drain(adapter, 'orders', ordersCursor, 1000);
    expect(delta.rows).toEqual([
      expect.objectContaining({ orderNumber: first.orderNumber, hubOrderId: 'hub-order-1', customerNumber: 'C10001', status: 'CONFIRMED', total: '25.50' }),
    ]);

    // Hub orders move one step per tick: after four they are invoiced, with a delivery note and an open item.
    await admin.advance(4);
    const invoiced = (await drain(adapter, 'orders', delta.cursor, 1000)).rows.find((o) => o.orderNumber === first.orderNumber);
    expect(invoiced?.status).toBe('INVOICED');
    const digits = first.orderNumber.slice(3);
    expect(await admin.get('deliveryNotes', `DN-${digits}`)).toMatchObject({ orderNumber: first.orderNumber, deliveredAt: expect.any(String) });
    expect(await admin.get('invoices', `INV-${digits}`)).toMatchObject({ netTotal: '25.50', taxTotal: '5.36', total: '30.86', status: 'OPEN' });
    const pdf = await adapter.fetchDocument('invoice', `INV-${digits}`);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await PDFDocument.load(pdf)).getTitle()).toBe(`Invoice INV-${digits}`);
    expect(pdf.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
  });

  it('rejects invalid orders as VALIDATION', async () => {
    for (const bad of [
      { ...order('bad-1'), customerNumber: 'C99999' },
      { ...order('bad-2'), lines: [] },
      { ...order('bad-3'), lines: [{ lineNo: 1, sku: 'NO-SUCH-SKU', quantity: '1', unitPrice: '1.00' }] },
      { ...order('bad-4'), lines: [{ lineNo: 1, sku: 'HB-S0001', quantity: 'two', unitPrice: '1.00' }] },
    ]) {
      const error = await erpError(adapter.push('orders', bad, `bad-key-${bad.hubOrderId}`));
      expect(error.kind).toBe('VALIDATION');
    }
    expect(await adapter.findByKey('orders', 'bad-key-bad-1')).toBeNull();
  });

  it('turns a connection dropped after the order was stored into UNKNOWN_OUTCOME, and the key finds it', async () => {
    await admin.setFaults({ crashAfterAcceptingOrder: true });
    const error = await erpError(adapter.push('orders', order('hub-order-crash'), 'key-crash'));
    expect(error.kind).toBe('UNKNOWN_OUTCOME');
    const found = await adapter.findByKey('orders', 'key-crash');
    expect(found).toEqual({ orderNumber: expect.stringMatching(/^SO-/), status: 'CONFIRMED', deliveryDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(await adapter.push('orders', order('hub-order-crash'), 'key-crash')).toEqual(found);
    expect((await admin.stats()).orders.acceptedByKey['key-crash']).toBe(1);
  });

  it('classifies outages, rate limits, wrong keys, corrupt pages and bad cursors', async () => {
    await admin.setFaults({ outage: true });
    expect((await erpError(adapter.pullChanges('products', null, 10))).kind).toBe('TRANSIENT');
    expect((await erpError(adapter.push('orders', order('o'), 'key-outage'))).kind).toBe('TRANSIENT');
    await admin.clearFaults();

    await admin.setFaults({ rateLimit: true });
    const limited = await erpError(adapter.pullChanges('products', null, 10));
    expect(limited.kind).toBe('RATE_LIMITED');
    expect(limited.retryAfterMs).toBe(1000);
    await admin.clearFaults();

    await admin.setFaults({ errorRate: 1 });
    expect((await erpError(adapter.findByKey('orders', 'x'))).kind).toBe('TRANSIENT');
    await admin.clearFaults();

    const wrongKey = new HttpErpAdapter({ baseUrl: erp.url, apiKey: 'wrong' });
    expect((await erpError(wrongKey.pullChanges('products', null, 10))).kind).toBe('AUTH');
    expect((await erpError(wrongKey.push('orders', order('o'), 'key-auth'))).kind).toBe('AUTH');
    wrongKey.close();

    await admin.setFaults({ corruptNextPage: 'prices' });
    const corrupt = await erpError(adapter.pullChanges('prices', null, 10));
    expect(corrupt.kind).toBe('TRANSIENT');
    expect(corrupt.message).toMatch(/corrupt page from ERP/);
    expect((await adapter.pullChanges('prices', null, 10)).rows).toHaveLength(10);

    expect((await erpError(adapter.pullChanges('products', 'garbage', 10))).kind).toBe('VALIDATION');
    const productsCursor = (await adapter.pullChanges('products', null, 10)).nextCursor;
    expect((await erpError(adapter.pullChanges('prices', productsCursor, 10))).kind).toBe('VALIDATION');
    expect((await erpError(adapter.pullChanges('products', null, 0))).kind).toBe('VALIDATION');
    expect((await erpError(adapter.pullChanges('no such kind!', null, 10))).kind).toBe('VALIDATION');
  });

  it('reads one record by key, and null for a key the ERP does not have', async () => {
    const product = (await adapter.pullChanges('products', null, 1)).rows[0];
    expect(await adapter.fetchRecord('products', product.sku)).toEqual(product);
    expect(await adapter.fetchRecord('products', 'NO-SUCH-SKU')).toBeNull();
    expect((await erpError(adapter.fetchRecord('no such kind!', 'x'))).kind).toBe('VALIDATION');
  });

  it("serves a deployment's own kinds and collections: empty until written, pushed once per key", async () => {
    const empty = await adapter.pullChanges('memos', null, 10);
    expect(empty).toMatchObject({ rows: [], deletions: [], hasMore: false });
    await admin.upsert('memos', { key: 'M-1', text: 'Closed on Friday' });
    const delta = await adapter.pullChanges('memos', empty.nextCursor, 10);
    expect(delta.rows).toEqual([{ key: 'M-1', text: 'Closed on Friday' }]);
    expect(await adapter.fetchRecord('memos', 'M-1')).toEqual({ key: 'M-1', text: 'Closed on Friday' });

    const receipt = await adapter.push('memoAcknowledgements', { memo: 'M-1', by: 'someone' }, 'ack-1');
    expect(receipt).toEqual({ documentNumber: expect.stringMatching(/^MEMOACKNOWLEDGEMENTS-\d+$/) });
    expect(await adapter.push('memoAcknowledgements', { memo: 'M-1', by: 'someone' }, 'ack-1')).toEqual(receipt);
    expect(await adapter.findByKey('memoAcknowledgements', 'ack-1')).toEqual(receipt);
    expect(await adapter.findByKey('memoAcknowledgements', 'ack-2')).toBeNull();
    expect((await erpError(adapter.push('memoAcknowledgements', { memo: 'M-2' }, 'ack-1'))).kind).toBe('CONFLICT');
    expect((await admin.stats()).acceptedDocumentsByKey).toEqual({ memoAcknowledgements: { 'ack-1': 1 } });
  });

  it('times out slow answers: TRANSIENT for reads, UNKNOWN_OUTCOME for sent pushes', async () => {
    const impatient = new HttpErpAdapter({ baseUrl: erp.url, apiKey: erp.apiKey, timeoutMs: 150 });
    await admin.setFaults({ latencyMs: 600 });
    expect((await erpError(impatient.pullChanges('categories', null, 10))).kind).toBe('TRANSIENT');
    expect((await erpError(impatient.push('orders', order('slow'), 'key-slow'))).kind).toBe('UNKNOWN_OUTCOME');
    impatient.close();
  });

  it('cannot reach a stopped ERP: TRANSIENT, also for pushes', async () => {
    const nowhere = new HttpErpAdapter({ baseUrl: `http://127.0.0.1:${await closedPort()}`, apiKey: 'k' });
    expect((await erpError(nowhere.pullChanges('products', null, 10))).kind).toBe('TRANSIENT');
    expect((await erpError(nowhere.push('orders', order('o'), 'key-nowhere'))).kind).toBe('TRANSIENT');
    nowhere.close();
  });

  it('serves documents as PDF and unknown numbers as VALIDATION', async () => {
    const pdf = await adapter.fetchDocument('orderConfirmation', 'SO-500001');
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    expect((await PDFDocument.load(pdf)).getTitle()).toBe('Order confirmation SO-500001');
    const note = (await adapter.pullChanges('deliveryNotes', null, 1)).rows[0];
    expect((await adapter.fetchDocument('deliveryNote', note.deliveryNumber)).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await erpError(adapter.fetchDocument('invoice', 'INV-0'))).kind).toBe('VALIDATION');
    expect((await erpError(adapter.fetchDocument('creditNote', 'CN-0'))).kind).toBe('VALIDATION');
  });

  it('registers customers and returns idempotently', async () => {
    const contactsCursor = (await drain(adapter, 'contacts', null, 1000)).cursor;
    const registration = {
      hubRegistrationId: 'reg-1', name: 'Nieuw Bouw B.V.', country: 'NL', currency: 'EUR', email: 'inkoop@nieuwbouw.example', vatNumber: 'NL123',
      invoiceAddress: { street: 'Havenweg 1', postalCode: '3011 AA', city: 'Rotterdam', country: 'NL' },
    };
    const receipt = await adapter.push('customers', registration, 'reg-key-1');
    expect(await adapter.push('customers', registration, 'reg-key-1')).toEqual(receipt);
    expect(await adapter.findByKey('customers', 'reg-key-1')).toEqual(receipt);
    expect(await adapter.findByKey('customers', 'reg-key-2')).toBeNull();
    expect((await drain(adapter, 'contacts', contactsCursor, 1000)).rows).toEqual([
      { contactNumber: receipt.contactNumber, customerNumber: receipt.customerNumber, name: 'Nieuw Bouw B.V.', email: 'inkoop@nieuwbouw.example', phone: null },
    ]);
    expect((await erpError(adapter.push('customers', { ...registration, email: 'not-an-email' }, 'reg-key-3'))).kind).toBe('VALIDATION');

    const note = (await adapter.pullChanges('deliveryNotes', null, 1)).rows[0];
    const line = note.lines[0];
    const ret = { hubReturnId: 'ret-1', customerNumber: note.customerNumber, deliveryNumber: note.deliveryNumber, reason: 'damaged', lines: [{ lineNo: 1, sku: line.sku, quantity: line.quantity }] };
    const returned = await adapter.push('returns', ret, 'ret-key-1');
    expect(returned.returnNumber).toMatch(/^RMA-/);
    expect(await adapter.push('returns', ret, 'ret-key-1')).toEqual(returned);
    expect(await adapter.findByKey('returns', 'ret-key-1')).toEqual(returned);
    // Everything delivered is already returned; another return of the same line is too much.
    expect((await erpError(adapter.push('returns', { ...ret, hubReturnId: 'ret-2' }, 'ret-key-2'))).kind).toBe('VALIDATION');
    expect((await erpError(adapter.push('returns', { ...ret, deliveryNumber: 'DN-0' }, 'ret-key-3'))).kind).toBe('VALIDATION');
    expect((await erpError(adapter.push('returns', { ...ret, hubReturnId: 'ret-other' }, 'ret-key-1'))).kind).toBe('CONFLICT');
  });
});

describe('HttpErpAdapter against the demo ERP (large)', () => {
  it('pages customer prices, row for row as the generator computes them', async () => {
    const erp = await startDemoErp({ scale: 'large', port: 0, apiKey: 'bench', seed: 99 });
    const adapter = new HttpErpAdapter({ baseUrl: erp.url, apiKey: 'bench' });
    try {
      const generator = buildDemoErpTables('large', 99);
      let cursor: string | null = null;
      const seen: string[] = [];
      for (let page = 0; page < 3; page++) {
        const result: Awaited<ReturnType<typeof adapter.pullChanges<'prices'>>> = await adapter.pullChanges('prices', cursor, 5000);
        expect(result.rows).toHaveLength(5000);
        expect(result.hasMore).toBe(true);
        result.rows.forEach((row, n) => {
          if (n % 997 === 0) expect(row).toEqual(generator.prices.at(page * 5000 + n));
        });
        seen.push(...result.rows.map((r) => r.key));
        cursor = result.nextCursor;
      }
      expect(new Set(seen).size).toBe(15_000);
      expect(seen.slice(0, 200).every((k) => k.startsWith('C:C100001:'))).toBe(true);
    } finally {
      adapter.close();
      await erp.stop();
    }
  });
});

describe('erpRoute', () => {
  it('names a request by its kind or collection, never by a key or number', () => {
    expect(erpRoute('/changes/prices?limit=5000&cursor=abc')).toBe('changes/prices');
    expect(erpRoute('/records/customers/C100001')).toBe('records/customers');
    expect(erpRoute('/documents/invoice/INV-2026-0001')).toBe('documents/invoice');
    expect(erpRoute('/orders')).toBe('orders');
    expect(erpRoute('/orders/by-key/1fe9caae-3856-5fb2-9d2c-35fd579670a9')).toBe('orders/by-key');
    expect(erpRoute('/health')).toBe('health');
  });
});
