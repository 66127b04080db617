import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { dropDatabase, ensureDatabase } from '@hub/database';
import { ensureSyncOperations, runSyncOperation, SyncRegistry, TrytonErpAdapter, TrytonJsonRpc } from '@hub/integrator';
import { migrateAll } from '@hub/launcher';
import { SUBGRAPH_MODULES } from '@hub/schema';
import { ensureTrytonDatabase, payTrytonInvoice, postTrytonInvoiceForSale, startTrytonServer, TrytonServerHandle } from '@hub/tryton-erp';

/**
 * The hub's sync against a real Tryton 6.0 server (a copy of the seeded company), on a hub
 * database of its own: a full sync of every kind (the seeded invoices, credit note and open items
 * included), a price changed, a payment booked and an invoice posted in Tryton arriving with the
 * next delta, and Tryton stopped failing the run with the reason until it is back.
 */
describe('ERP synchronisation from Tryton', () => {
  const serverUrl = process.env.HUB_TEST_SERVER_URL!;
  const database = `hub_tryton_${process.pid}_${Date.now()}`;
  let pool: Pool;
  let tryton: TrytonServerHandle;
  let adapter: TrytonErpAdapter;
  let rpc: TrytonJsonRpc;
  const registry = new SyncRegistry(SUBGRAPH_MODULES);
  const run = (name: string): Promise<any> => runSyncOperation({ pool, adapter, pageSize: 100 }, registry.find(name)!, 'MANUAL');
  const scalar = async <T>(sql: string, params: unknown[] = []): Promise<T> => (await pool.query(sql, params)).rows[0]?.v as T;

  beforeAll(async () => {
    const databaseUrl = await ensureDatabase(serverUrl, database);
    const orms = await migrateAll(databaseUrl);
    await Promise.all(Object.values(orms).map((orm) => orm.close(true)));
    pool = new Pool({ connectionString: databaseUrl, max: 8 });
    pool.on('error', () => undefined);
    await ensureSyncOperations(pool, registry);
    const db = await ensureTrytonDatabase({ database: `sync_${process.pid}`, reset: true });
    tryton = await startTrytonServer(db);
    const connection = { url: tryton.url, database: tryton.database, user: tryton.user, password: tryton.password };
    adapter = new TrytonErpAdapter({ ...connection, overlapSeconds: 2 });
    rpc = new TrytonJsonRpc(connection);
  }, 180_000);

  afterAll(async () => {
    await tryton?.stop();
    await pool?.end();
    await dropDatabase(serverUrl, database);
  });

  const rowsOf = async (sql: string, params: unknown[] = []): Promise<any[]> => (await pool.query(sql, params)).rows;

  it('a full sync loads products, categories, prices, stock in both warehouses, customers, sales, invoices, a credit note and open items', async () => {
    const started = Date.now();
    for (const operation of registry.erpKinds) {
      const outcome = await run(operation.name);
      expect({ operation: operation.name, status: outcome.status, error: outcome.error ?? null }).toEqual({ operation: operation.name, status: 'SUCCEEDED', error: null });
    }
    console.log(`full sync of the seeded Tryton company: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(await scalar<number>("select count(*)::int as v from products.product where sku like 'TR-%'")).toBe(27);
    expect(await scalar<number>("select count(*)::int as v from products.price_rule where key like 'pl:TC1001:%'")).toBeGreaterThan(0);
    expect(await scalar<number>('select count(distinct warehouse_code)::int as v from products.stock_level')).toBe(2);
    expect(await scalar<number>("select count(*)::int as v from customers.company where erp_number like 'TC%'")).toBe(5);
    expect(await scalar<number>('select count(*)::int as v from orders.customer_order')).toBeGreaterThanOrEqual(3);
    // The accounting category the seed invoices products through is no web category.
    expect(await scalar<number>("select count(*)::int as v from products.category where name like '%accounting%'")).toBe(0);

    // The seeded invoices: TC1001's paid, TC1002's overdue, TC1003's open with a credit note against it; each linked to its sale.
    const invoices = await rowsOf(`select i.number, c.erp_number as customer, i.status, i.total::text, i.net_total::text, i.tax_total::text, i.open_amount::text,
        i.order_number, o.erp_number as linked_order, i.due_at::date - i.issued_at::date as term_days
      from finance.invoice i join customers.company c on c.id = i.company_id left join orders.customer_order o on o.id = i.order_id order by c.erp_number`);
    expect(invoices.map(({ number, ...rest }) => ({ number: /^INV-\d{4}-\d{5}$/.test(number), ...rest }))).toEqual([
      { number: true, customer: 'TC1001', status: 'PAID', total: '55.69', net_total: '46.80', tax_total: '8.89', open_amount: '0.00', order_number: '1', linked_order: '1', term_days: 30 },
      { number: true, customer: 'TC1002', status: 'OPEN', total: '81.40', net_total: '68.40', tax_total: '13.00', open_amount: '81.40', order_number: '2', linked_order: '2', term_days: 30 },
      { number: true, customer: 'TC1003', status: 'OPEN', total: '117.81', net_total: '99.00', tax_total: '18.81', open_amount: '117.81', order_number: '3', linked_order: '3', term_days: 30 },
    ]);
    // Issued 45 days before the company was seeded on 30 days' terms: overdue ever since.
    expect(await scalar<boolean>('select due_at < now() as v from finance.invoice where number = $1', [invoices[1].number])).toBe(true);
    const credit = await rowsOf('select n.number, n.invoice_number, n.total::text from finance.credit_note n');
    expect(credit).toEqual([{ number: expect.stringMatching(/^CN-\d{4}-\d{5}$/), invoice_number: invoices[2].number, total: '16.06' }]);
    const items = await rowsOf(`select o.document_number, o.document_type, o.open_amount::text, o.due_date = (i.due_at at time zone 'UTC')::date as due_as_invoice
      from finance.open_item o left join finance.invoice i on i.number = o.document_number order by o.document_number desc`);
    expect(items).toEqual([
      { document_number: invoices[2].number, document_type: 'INVOICE', open_amount: '117.81', due_as_invoice: true },
      { document_number: invoices[1].number, document_type: 'INVOICE', open_amount: '81.40', due_as_invoice: true },
      { document_number: credit[0].number, document_type: 'CREDIT_NOTE', open_amount: '-16.06', due_as_invoice: null },
    ]);
  });

  it('a payment booked in Tryton and an invoice posted there arrive with the next invoices and open-items runs', async () => {
    const overdue = await scalar<string>("select i.number as v from finance.invoice i join customers.company c on c.id = i.company_id where c.erp_number = 'TC1002'");
    await payTrytonInvoice(rpc, overdue);
    // An order from the hub, invoiced by Tryton's accountant: the invoice names the hub's order.
    const key = randomUUID();
    const order = { hubOrderId: key, customerNumber: 'TC1001', placedAt: new Date().toISOString(), currency: 'EUR', lines: [{ lineNo: 1, sku: 'TR-0002', quantity: '10', unitPrice: '1.8000' }] };
    const receipt = await adapter.push('orders', order, key);
    const posted = await postTrytonInvoiceForSale(rpc, receipt.orderNumber);
    for (const operation of ['invoices', 'openItems']) {
      const outcome = await run(operation);
      expect({ operation, status: outcome.status, error: outcome.error ?? null }).toEqual({ operation, status: 'SUCCEEDED', error: null });
      // A delta: the two invoices changed (and what the overlap window brings again), not everything.
      expect(outcome.rowsRead).toBeLessThanOrEqual(4);
    }
    expect(await rowsOf('select status, open_amount::text from finance.invoice where number = $1', [overdue])).toEqual([{ status: 'PAID', open_amount: '0.00' }]);
    expect(await scalar<number>('select count(*)::int as v from finance.open_item where document_number = $1', [overdue])).toBe(0);
    expect(await rowsOf('select status, order_number, order_id::text, net_total::text, tax_total::text, total::text, open_amount::text from finance.invoice where number = $1', [posted]))
      .toEqual([{ status: 'OPEN', order_number: receipt.orderNumber, order_id: key, net_total: '18.00', tax_total: '3.42', total: '21.42', open_amount: '21.42' }]);
    expect(await rowsOf("select o.document_type, o.open_amount::text, o.due_date - i.issued_at::date as days from finance.open_item o join finance.invoice i on i.number = o.document_number where o.document_number = $1", [posted]))
      .toEqual([{ document_type: 'INVOICE', open_amount: '21.42', days: 30 }]);
  });

  it('a list price changed in Tryton (on the product template) arrives with the next delta, and only that', async () => {
    const [product] = await rpc.call('model.product.product.search_read', [[['code', '=', 'TR-0004']], 0, 1, null, ['template'], {}]);
    // The list price is a company-dependent value: written for the seeded company (id 1).
    await rpc.call('model.product.template.write', [[product.template], { list_price: { __class__: 'Decimal', decimal: '77.7000' } }, { company: 1 }], true);
    const outcome = await run('prices');
    expect(outcome.status).toBe('SUCCEEDED');
    expect(outcome.rowsUpdated).toBeGreaterThanOrEqual(1);
    expect(outcome.rowsRead).toBeLessThan(10);
    expect(await scalar<string>("select price::text as v from products.price_rule where key = 'list:TR-0004'")).toBe('77.7000');
  });

  it('Tryton stopped: the run fails with the reason; started again: the next run succeeds', async () => {
    await tryton.stop();
    const failed = await run('products');
    expect(failed.status).toBe('FAILED');
    expect(failed.error).toMatch(/tryton ERP .*ECONNREFUSED/);
    await tryton.start();
    expect((await run('products')).status).toBe('SUCCEEDED');
  });

  it('an order pushed again after a lost answer, or after Tryton was down, is one sale in Tryton', async () => {
    const key = randomUUID();
    const order = { hubOrderId: key, customerNumber: 'TC1003', placedAt: new Date().toISOString(), currency: 'EUR', lines: [{ lineNo: 1, sku: 'TR-0002', quantity: '4', unitPrice: '1.8000' }] };
    await tryton.stop();
    const down = await adapter.push('orders', order, key).then(() => null, (error) => error);
    expect(down).toMatchObject({ kind: 'TRANSIENT' });
    expect(down.retryable).toBe(true);
    await tryton.start();
    const first = await adapter.push('orders', order, key);
    // The answer to the first push is lost: the outbox looks the key up, or pushes again; both give the same sale.
    expect(await adapter.findByKey('orders', key)).toEqual(first);
    expect(await adapter.push('orders', order, key)).toEqual(first);
    const sales = await rpc.call('model.sale.sale.search_read', [[['reference', '=', key]], 0, null, null, ['number', 'state'], {}]);
    expect(sales).toEqual([expect.objectContaining({ number: first.orderNumber, state: 'processing' })]);
    // The sale reads back into the hub with the next orders run, linked to the hub's order id.
    const readBack = await run('orders');
    expect({ status: readBack.status, error: readBack.error }).toEqual({ status: 'SUCCEEDED', error: null });
    expect(await scalar<string>('select erp_number as v from orders.customer_order where erp_number = $1', [first.orderNumber])).toBe(first.orderNumber);
  });

  it('wrong credentials fail the run as an AUTH problem, with the reason', async () => {
    const wrong = new TrytonErpAdapter({ url: tryton.url, database: tryton.database, user: tryton.user, password: 'not-the-password' });
    const outcome: any = await runSyncOperation({ pool, adapter: wrong, pageSize: 100 }, registry.find('customers')!, 'MANUAL');
    expect(outcome.status).toBe('FAILED');
    expect(outcome.error).toMatch(/wrong user, password or session|login .* refused/);
  });
});
