import { configurableProducts } from './configurable-products';
import Decimal from 'decimal.js';
import { buildDemoDataset } from '@hub/demo-data';
import { ErpRecordOf, SYNC_KINDS, SyncKind, recordKey } from '@hub/erp-contract';
import { DemoErp, buildDemoErpTables } from './demo-erp';
import { CursorError } from './erp-state';
import { LARGE_SIZES } from './large-data';
import { execFileSync } from 'node:child_process';
import { unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { BaseTable } from './tables';
import { DEFAULT_SEED } from './reference';
import { renderDocument } from './printed-document';
import { SELLER } from './erp-documents';

function all<T>(table: BaseTable<T>): T[] {
  return Array.from({ length: table.size }, (_, i) => table.at(i));
}

function drain<K extends SyncKind>(erp: DemoErp, kind: K, cursor: string | null, limit: number) {
  const rows: Array<ErpRecordOf<K>> = [];
  const deletions: string[] = [];
  let pages = 0;
  for (;;) {
    const page = erp.state.changes(kind, cursor, limit);
    rows.push(...page.rows);
    deletions.push(...page.deletions);
    cursor = page.nextCursor;
    pages++;
    if (!page.hasMore) return { rows, deletions, cursor, pages };
  }
}

describe('demo ERP data, small scale', () => {
  const data = buildDemoDataset();
  const tables = buildDemoErpTables('small');
  const companyNumber = new Map(data.companies.map((c) => [c.id, c.erpNumber]));
  const skuOf = new Map(data.products.map((p) => [p.id, p.sku]));

  it('holds exactly the demo dataset', () => {
    expect(all(tables.customers).map((c) => c.customerNumber)).toEqual(data.companies.map((c) => c.erpNumber));
    expect(all(tables.customers).map((c) => [c.name, c.currency, c.country])).toEqual(data.companies.map((c) => [c.name, c.currency, c.country]));
    const customerUsers = data.users.filter((u) => u.kind === 'CUSTOMER');
    expect(all(tables.contacts).map((c) => [c.email, c.name, c.customerNumber])).toEqual(customerUsers.map((u) => [u.email, u.name, companyNumber.get(u.companyId!)]));
    // The dataset's items, then the configurable ones (P7).
    expect(all(tables.products).map((p) => [p.sku, p.name, p.listPrice, p.unit])).toEqual([...data.products, ...configurableProducts()].map((p) => [p.sku, p.name, p.listPrice, p.unit]));
    const customerPrices = all(tables.prices).filter((p) => p.customerNumber !== null);
    expect(customerPrices).toHaveLength(data.customerPrices.length);
    expect(all(tables.orders).map((o) => [o.orderNumber, o.status, o.total, o.lines.length, o.hubOrderId])).toEqual(
      data.orders.map((o) => [o.number, o.status, o.total, o.lines.length, null]),
    );
    expect(all(tables.invoices).map((i) => [i.invoiceNumber, i.total, i.status])).toEqual(data.invoices.map((i) => [i.number, i.total, i.status]));
  });

  it('has the dataset customer prices under their ERP keys', () => {
    const known = data.customerPrices[0];
    const key = `C:${companyNumber.get(known.companyId)}:${skuOf.get(known.productId)}:1`;
    expect(tables.prices.find(key)).toMatchObject({ key, price: known.price, currency: known.currency, minQuantity: '1', customerGroup: null, promotion: false });
    for (const cp of data.customerPrices) {
      expect(tables.prices.find(`C:${companyNumber.get(cp.companyId)}:${skuOf.get(cp.productId)}:1`)?.price).toBe(cp.price);
    }
    const extras = all(tables.prices).filter((p) => p.customerNumber === null);
    expect(extras.some((p) => p.promotion && p.validFrom && p.validTo)).toBe(true);
    expect(extras.some((p) => Number(p.minQuantity) > 1)).toBe(true);
  });

  it('keeps documents consistent', () => {
    const orders = new Map(all(tables.orders).map((o) => [o.orderNumber, o]));
    for (const inv of all(tables.invoices)) {
      expect(new Decimal(inv.netTotal).plus(inv.taxTotal).toFixed(2)).toBe(inv.total);
      expect(inv.netTotal).toBe(orders.get(inv.orderNumber!)!.total);
      expect(inv.openAmount).toBe(inv.status === 'PAID' ? '0.00' : inv.total);
    }
    const shipped = [...orders.values()].filter((o) => ['SHIPPED', 'DELIVERED', 'INVOICED'].includes(o.status));
    expect(all(tables.deliveryNotes).map((d) => d.orderNumber).sort()).toEqual(shipped.map((o) => o.orderNumber).sort());
    expect(all(tables.openItems).map((o) => o.documentNumber)).toEqual(all(tables.invoices).filter((i) => i.status === 'OPEN').map((i) => i.invoiceNumber));
    const categories = new Set(all(tables.categories).map((c) => c.code));
    for (const c of all(tables.categories)) if (c.parentCode) expect(categories.has(c.parentCode)).toBe(true);
    for (const p of all(tables.products)) {
      expect(p.categoryCodes.length).toBeGreaterThanOrEqual(1);
      expect(p.categoryCodes.length).toBeLessThanOrEqual(2);
      for (const code of p.categoryCodes) expect(categories.has(code)).toBe(true);
    }
    expect(new Set(all(tables.stock).map((s) => s.warehouseCode)).size).toBe(3);
    expect(all(tables.exchangeRates).map((r) => r.key)).toEqual(['EUR:SEK', 'EUR:PLN', 'EUR:USD', 'EUR:GBP']);
  });
});

describe('demo ERP data, large scale', () => {
  it('computes the same row i in two generator instances, without materialising rows', () => {
    const a = buildDemoErpTables('large', 7);
    const b = buildDemoErpTables('large', 7);
    expect(a.prices.size).toBe(1_000_000);
    expect(a.customers.size).toBe(5_000);
    expect(a.products.size).toBe(100_000);
    expect(a.stock.size).toBe(400_000);
    for (const i of [0, 1, 199, 200, 123_456, 999_999]) expect(a.prices.at(i)).toEqual(b.prices.at(i));
    for (const kind of SYNC_KINDS) {
      const t = a[kind] as BaseTable<any>;
      for (const i of [0, Math.floor(t.size / 2), t.size - 1]) {
        const row = t.at(i);
        expect(t.find(recordKey(kind, row))).toEqual(row);
      }
    }
    expect(buildDemoErpTables('large', 8).prices.at(123_456)).not.toEqual(a.prices.at(123_456));
  });

  it('gives every customer 200 prices for distinct products', () => {
    const t = buildDemoErpTables('large');
    for (const c of [0, 1, 2500, 4999]) {
      const rows = Array.from({ length: LARGE_SIZES.pricesPerCustomer }, (_, j) => t.prices.at(c * 200 + j));
      expect(new Set(rows.map((r) => r.customerNumber)).size).toBe(1);
      expect(new Set(rows.map((r) => r.sku)).size).toBe(200);
      for (const r of rows) expect(t.products.find(r.sku)).toBeDefined();
    }
    const warehouses = new Set(Array.from({ length: 4 }, (_, k) => t.stock.at(4 * 777 + k).warehouseCode));
    expect(warehouses.size).toBe(4);
  });
});

describe('change log', () => {
  it('serves a full sync in pages, then only the changes since it started', () => {
    const erp = new DemoErp('small');
    const full = drain(erp, 'products', null, 100);
    expect(full.pages).toBe(3);
    expect(full.rows).toHaveLength(287);
    expect(drain(erp, 'products', full.cursor, 100).rows).toEqual([]);

    const changed = { ...full.rows[5], name: 'Renamed product' };
    erp.upsertRecord('products', changed);
    erp.upsertRecord('products', { ...changed, listPrice: '1.23' });
    erp.deleteRecord('products', full.rows[6].sku);
    const delta = drain(erp, 'products', full.cursor, 100);
    expect(delta.rows).toEqual([{ ...changed, listPrice: '1.23' }]);
    expect(delta.deletions).toEqual([full.rows[6].sku]);
    expect(drain(erp, 'products', delta.cursor, 100).rows).toEqual([]);

    const again = drain(erp, 'products', null, 1000);
    expect(again.rows).toHaveLength(286);
    expect(again.rows.find((p) => p.sku === full.rows[6].sku)).toBeUndefined();
    expect(again.rows[5]).toEqual({ ...changed, listPrice: '1.23' });
  });

  it('pages deltas and lists created rows after the base rows', () => {
    const erp = new DemoErp('small');
    const start = drain(erp, 'exchangeRates', null, 10).cursor;
    for (let n = 0; n < 5; n++) erp.upsertRecord('exchangeRates', { key: `EUR:X${n}`, fromCurrency: 'EUR', toCurrency: `X${n}`, rate: '1.0000', date: '2026-11-01' });
    const first = erp.state.changes('exchangeRates', start, 2);
    expect(first.rows.map((r) => r.key)).toEqual(['EUR:X0', 'EUR:X1']);
    expect(first.hasMore).toBe(true);
    expect(drain(erp, 'exchangeRates', first.nextCursor, 2).rows.map((r) => r.key)).toEqual(['EUR:X2', 'EUR:X3', 'EUR:X4']);
    expect(drain(erp, 'exchangeRates', null, 3).rows.map((r) => r.key)).toEqual(['EUR:SEK', 'EUR:PLN', 'EUR:USD', 'EUR:GBP', 'EUR:X0', 'EUR:X1', 'EUR:X2', 'EUR:X3', 'EUR:X4']);
  });

  it('refuses malformed cursors and cursors of another kind; restarts a full sync for a cursor of an earlier run', () => {
    const erp = new DemoErp('small');
    const restarted = new DemoErp('small');
    const full = drain(erp, 'products', null, 1000);
    expect(() => erp.state.changes('products', 'not-a-cursor', 10)).toThrow(CursorError);
    expect(() => erp.state.changes('prices', full.cursor, 10)).toThrow(CursorError);
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(full.cursor, 'base64url').toString()), v: 99 })).toString('base64url');
    expect(() => erp.state.changes('products', forged, 10)).toThrow(/ahead/);
    expect(drain(restarted, 'products', full.cursor, 1000).rows).toEqual(full.rows);
  });

  it('advances deterministically and keeps documents consistent', () => {
    // The same clock for both: the ERP's own changes are dated by it.
    const clock = () => new Date('2027-01-04T10:00:00Z');
    const a = new DemoErp('small', 42, 'run', clock);
    const b = new DemoErp('small', 42, 'run', clock);
    const cursor = a.state.changes('orders', null, 1000).nextCursor;
    a.advance(30);
    b.advance(30);
    expect(a.state.version).toBe(b.state.version);
    expect(a.state.version).toBeGreaterThan(0);
    for (const kind of SYNC_KINDS) expect(drain(a, kind, null, 5000).rows).toEqual(drain(b, kind, null, 5000).rows);
    expect(drain(a, 'orders', cursor, 1000).rows.length).toBeGreaterThan(0);
    const invoices = drain(a, 'invoices', null, 5000).rows;
    const open = invoices.filter((i) => i.status === 'OPEN');
    expect(drain(a, 'openItems', null, 5000).rows.map((o) => o.documentNumber).sort()).toEqual(open.map((i) => i.invoiceNumber).sort());
    expect(a.state.count('openItems')).toBe(open.length);
    const statuses = new Set(drain(a, 'orders', null, 5000).rows.map((o) => o.status));
    expect(statuses.has('INVOICED')).toBe(true);
  });

  it("moves the hub's orders one status per step, links their documents to them, and pays the invoice a step later", () => {
    const erp = new DemoErp('small', 42, 'run');
    const customer = drain(erp, 'customers', null, 10).rows[0];
    const product = drain(erp, 'products', null, 1).rows[0];
    const pushed = erp.submitOrder('hub-key-1', {
      hubOrderId: 'hub-order-1', customerNumber: customer.customerNumber, placedAt: new Date().toISOString(), currency: 'EUR',
      lines: [{ lineNo: 1, sku: product.sku, quantity: '2', unitPrice: '10.00' }],
    });
    const orderNumber = (pushed.body as { orderNumber: string }).orderNumber;
    const status = () => erp.state.get('orders', orderNumber)!.status;
    const seen = [status()];
    for (let step = 0; step < 4; step++) {
      erp.advance(1);
      seen.push(status());
    }
    expect(seen).toEqual(['CONFIRMED', 'PICKED', 'SHIPPED', 'DELIVERED', 'INVOICED']);
    const digits = orderNumber.replace(/^SO-/, '');
    expect(erp.state.get('deliveryNotes', `DN-${digits}`)).toMatchObject({ orderNumber, hubOrderId: 'hub-order-1' });
    expect(erp.state.get('invoices', `INV-${digits}`)).toMatchObject({ orderNumber, hubOrderId: 'hub-order-1', status: 'OPEN' });
    erp.advance(1);
    expect(erp.state.get('invoices', `INV-${digits}`)).toMatchObject({ status: 'PAID', openAmount: '0.00' });
    expect(erp.state.get('openItems', `INV-${digits}`)).toBeUndefined();
  });
});

describe('orders the hub pushes', () => {
  const now = new Date('2026-11-20T10:00:00Z');
  const erp = new DemoErp('small', 42, 'run', () => now);
  const customer = drain(erp, 'customers', null, 10).rows[0];
  const skus = drain(erp, 'products', null, 30).rows.map((p) => p.sku);
  const available = (sku: string, warehouse: string) => {
    const s = erp.state.get('stock', `${warehouse}:${sku}`)!;
    return Number(s.onHand) - Number(s.reserved);
  };
  const setStock = (sku: string, warehouse: string, onHand: number, nextReceiptDate: string | null) => {
    const s = erp.state.get('stock', `${warehouse}:${sku}`)!;
    erp.upsertRecord('stock', { ...s, onHand: String(onHand), reserved: '0', nextReceiptDate, nextReceiptQuantity: nextReceiptDate ? '500' : null });
  };
  let key = 0;
  const push = (lines: Array<{ sku: string; quantity: string }>, extra: Record<string, unknown> = {}) => {
    const result = erp.submitOrder(`split-${++key}`, {
      hubOrderId: `hub-split-${key}`, customerNumber: customer.customerNumber, placedAt: now.toISOString(), currency: 'EUR',
      lines: lines.map((l, i) => ({ lineNo: i + 1, sku: l.sku, quantity: l.quantity, unitPrice: '10.00' })), ...extra,
    });
    expect(result.status).toBe(201);
    const receipt = result.body as { orderNumber: string; deliveryDate: string };
    return { receipt, order: erp.state.get('orders', receipt.orderNumber)! };
  };

  it('ships a line one warehouse can cover from it, in one line, and promises a date', () => {
    setStock(skus[0], 'MAL', 50, null);
    const { receipt, order } = push([{ sku: skus[0], quantity: '5' }], { deliveryAddressCode: customer.deliveryAddresses[0].code, customerReference: 'PO-1', notes: 'gate 4' });
    expect(order.lines).toEqual([{ lineNo: 1, sku: skus[0], quantity: '5', unitPrice: '10.00', lineTotal: '50.00', orderedLineNo: 1, warehouseCode: 'MAL', backOrdered: false, deliveryDate: '2026-11-22' }]);
    expect(receipt.deliveryDate).toBe('2026-11-22');
    expect(order).toMatchObject({ deliveryDate: '2026-11-22', deliveryAddressCode: customer.deliveryAddresses[0].code, customerReference: 'PO-1' });
  });

  it("keeps a configured item's options on its line and prints them, refuses it without them or options for a plain item, and invoices the delivery charged with the goods", async () => {
    const configuration = { options: [{ code: 'WIDTH', value: '1200' }, { code: 'HEIGHT', value: '1400' }], summary: 'Width 1200 mm, Height 1400 mm' };
    const submit = (lines: object[], extra: Record<string, unknown> = {}) =>
      erp.submitOrder(`cfg-${++key}`, { hubOrderId: `hub-cfg-${key}`, customerNumber: customer.customerNumber, placedAt: now.toISOString(), currency: 'EUR', lines, ...extra });
    const ok = submit([{ lineNo: 1, sku: 'WIN-CFG-01', quantity: '2', unitPrice: '445.60', configuration }, { lineNo: 2, sku: skus[0], quantity: '1', unitPrice: '10.00' }], {
      delivery: { method: 'PARCEL', parcels: 1, pallets: 1, charge: '19.40' },
    });
    expect(ok.status).toBe(201);
    const order = erp.state.get('orders', (ok.body as { orderNumber: string }).orderNumber)!;
    expect(order.lines.filter((l) => l.sku === 'WIN-CFG-01').every((l) => JSON.stringify(l.configuration) === JSON.stringify(configuration))).toBe(true);
    expect(order.lines.find((l) => l.sku === skus[0])!.configuration).toBeUndefined();
    expect(order).toMatchObject({ total: '920.60', delivery: { method: 'PARCEL', parcels: 1, pallets: 1, charge: '19.40' } });
    // The order confirmation shows the options under the window's line and the delivery as a line of its own.
    const printed = execFileSync('pdftotext', ['-layout', '-', '-'], { input: (await erp.document('orderConfirmation', order.orderNumber))! }).toString('utf8');
    expect(printed).toContain('Width 1200 mm, Height 1400 mm');
    expect(printed).toMatch(/DELIVERY\s+Delivery \(PARCEL, 1 parcel, 1 pallet\)\s+1\s+19\.40\s+19\.40/);
    const refused = (lines: object[], extra: Record<string, unknown> = {}) => { const r = submit(lines, extra); return [r.status, (r.body as { error: string }).error]; };
    expect(refused([{ lineNo: 1, sku: 'WIN-CFG-01', quantity: '1', unitPrice: '1.00' }])).toEqual([422, 'line 1: WIN-CFG-01 is built to order and needs its configuration']);
    expect(refused([{ lineNo: 1, sku: 'WIN-CFG-01', quantity: '1', unitPrice: '1.00', configuration: { options: [{ code: 'SHUTTER', value: 'YES' }] } }])).toEqual([422, 'line 1: WIN-CFG-01 has no option SHUTTER']);
    expect(refused([{ lineNo: 1, sku: skus[0], quantity: '1', unitPrice: '1.00', configuration }])).toEqual([422, `line 1: ${skus[0]} is not a configurable product`]);
    expect(refused([{ lineNo: 1, sku: skus[0], quantity: '1', unitPrice: '1.00' }], { delivery: { parcels: -1, pallets: 0, charge: '1.00' } })[0]).toBe(422);
  });

  it('splits a line over warehouses and back-orders what none has until the next receipt, the same way every time', () => {
    setStock(skus[1], 'MAL', 3, null);
    setStock(skus[1], 'POZ', 4, '2026-12-01');
    setStock(skus[1], 'VLC', 0, '2026-11-28');
    const { receipt, order } = push([{ sku: skus[0], quantity: '1' }, { sku: skus[1], quantity: '10' }]);
    expect(order.lines.map((l) => [l.lineNo, l.orderedLineNo, l.sku, l.quantity, l.warehouseCode, l.backOrdered, l.deliveryDate, l.lineTotal])).toEqual([
      [1, 1, skus[0], '1', 'MAL', false, '2026-11-22', '10.00'],
      [2, 2, skus[1], '4', 'POZ', false, '2026-11-22', '40.00'],
      [3, 2, skus[1], '3', 'MAL', false, '2026-11-22', '30.00'],
      [4, 2, skus[1], '3', 'VLC', true, '2026-11-28', '30.00'],
    ]);
    expect(order.total).toBe('110.00');
    expect(receipt.deliveryDate).toBe('2026-11-28');
    // It does not reserve: the stock is as it was.
    expect(available(skus[1], 'POZ')).toBe(4);
    expect(push([{ sku: skus[0], quantity: '1' }, { sku: skus[1], quantity: '10' }]).order.lines.map((l) => l.quantity)).toEqual(['1', '4', '3', '3']);
  });

  it("invoices with the customer's own tax rate", () => {
    erp.upsertRecord('customers', { ...erp.state.get('customers', customer.customerNumber)!, taxRatePercent: '10' });
    const { receipt } = push([{ sku: skus[2], quantity: '2' }]);
    erp.advanceOrder(receipt.orderNumber, 4);
    expect(erp.state.get('invoices', `INV-${receipt.orderNumber.replace(/^SO-/, '')}`)).toMatchObject({ netTotal: '20.00', taxTotal: '2.00', total: '22.00' });
  });

  it('refuses orders of a blocked customer and to a delivery address the customer does not have, with the reason', () => {
    const body = (extra: Record<string, unknown>) => ({
      hubOrderId: 'hub-refused', customerNumber: customer.customerNumber, placedAt: now.toISOString(), currency: 'EUR', lines: [{ lineNo: 1, sku: skus[0], quantity: '1', unitPrice: '1.00' }], ...extra,
    });
    expect(erp.submitOrder('refused-1', body({ deliveryAddressCode: 'NOPE' }))).toMatchObject({ status: 422, body: { error: 'unknown delivery address NOPE' } });
    erp.upsertRecord('customers', { ...erp.state.get('customers', customer.customerNumber)!, blocked: true });
    expect(erp.submitOrder('refused-2', body({}))).toMatchObject({ status: 422, body: { error: `customer ${customer.customerNumber} is blocked` } });
  });
});

describe('orders collected in a store', () => {
  const erp = new DemoErp('small', 42, 'run');
  const customer = drain(erp, 'customers', null, 10).rows[0];
  const sku = drain(erp, 'products', null, 5).rows[4].sku;
  const body = (hubOrderId: string, extra: Record<string, unknown>) => ({
    hubOrderId, customerNumber: customer.customerNumber, placedAt: new Date().toISOString(), currency: 'EUR', lines: [{ lineNo: 1, sku, quantity: '1', unitPrice: '5.00' }], ...extra,
  });

  it('lists its warehouses, the ones with a counter as stores', () => {
    const warehouses = drain(erp, 'warehouses', null, 10).rows;
    expect(warehouses.map((w) => [w.code, w.isStore])).toEqual([['MAL', true], ['POZ', false], ['VLC', true]]);
    expect(warehouses[0]).toMatchObject({ address: { city: 'Malmö', country: 'SE' }, phone: expect.any(String) });
    expect(warehouses[1]).toMatchObject({ address: null, phone: null, openingHours: [] });
  });

  it('takes an order for a store only, never with a delivery address too', () => {
    expect(erp.submitOrder('pickup-refused-1', body('hub-p-1', { pickupStoreCode: 'POZ' }))).toMatchObject({ status: 422, body: { error: 'POZ is not a store orders can be collected in' } });
    expect(erp.submitOrder('pickup-refused-2', body('hub-p-2', { pickupStoreCode: 'NOPE' }))).toMatchObject({ status: 422 });
    expect(erp.submitOrder('pickup-refused-3', body('hub-p-3', { pickupStoreCode: 'MAL', deliveryAddressCode: 'D1' }))).toMatchObject({ status: 422, body: { error: 'an order is delivered or collected in a store, not both' } });
  });

  it('prepares it, waits READY_FOR_PICKUP with a code, and hands it over once against that code: COLLECTED, with a delivery note, then invoiced', () => {
    const pushed = erp.submitOrder('pickup-1', body('hub-pickup-1', { pickupStoreCode: 'VLC' }));
    const orderNumber = (pushed.body as { orderNumber: string }).orderNumber;
    expect(erp.advanceOrder(orderNumber, 2)).toBe('READY_FOR_PICKUP');
    expect(erp.advanceOrder(orderNumber, 3)).toBe('READY_FOR_PICKUP');
    const order = erp.state.get('orders', orderNumber)!;
    expect(order).toMatchObject({ pickupStoreCode: 'VLC', pickupCode: expect.stringMatching(/^\d{6}$/) });
    const handover = (code: string, storeCode = 'VLC') => ({ hubOrderId: 'hub-pickup-1', orderNumber, storeCode, pickupCode: code, handedOverAt: new Date().toISOString() });
    const wrong = order.pickupCode === '111111' ? '222222' : '111111';
    expect(erp.submitPickup('handover-wrong', handover(wrong))).toMatchObject({ status: 422, body: { error: `wrong pick-up code for order ${orderNumber}` } });
    expect(erp.submitPickup('handover-store', handover(order.pickupCode!, 'MAL'))).toMatchObject({ status: 422 });
    expect(erp.state.get('orders', orderNumber)!.status).toBe('READY_FOR_PICKUP');
    const right = handover(order.pickupCode!);
    expect(erp.submitPickup('handover-1', right)).toMatchObject({ status: 201, body: { orderNumber, status: 'COLLECTED' } });
    expect(erp.submitPickup('handover-1', right)).toMatchObject({ status: 200, body: { orderNumber, status: 'COLLECTED' } });
    expect(erp.stats().pickups.acceptedByKey).toEqual({ 'handover-1': 1 });
    expect(erp.state.get('deliveryNotes', `DN-${orderNumber.replace(/^SO-/, '')}`)).toMatchObject({ orderNumber, hubOrderId: 'hub-pickup-1', deliveredAt: expect.any(String) });
    expect(erp.advanceOrder(orderNumber, 1)).toBe('INVOICED');
  });
});

const drainAll = <K extends SyncKind>(erp: DemoErp, kind: K) => drain(erp, kind, null, 100_000).rows;

describe('PDF documents', () => {
  // pdftotext (poppler-utils) reads the PDFs back as a viewer would.
  const textOf = (pdf: Buffer): string => execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');
  const pagesOf = async (pdf: Buffer): Promise<number> => (await PDFDocument.load(pdf)).getPageCount();

  it('prints an invoice with seller, buyer, lines, tax, totals and payment terms, non-Latin-1 names included', async () => {
    const erp = new DemoErp('small', DEFAULT_SEED, 'e');
    const kowalski = erp.state.get('customers', 'C10002')!;
    const inv = [...drainAll(erp, 'invoices')].find((i) => i.customerNumber === 'C10002')!;
    const pdf = (await erp.document('invoice', inv.invoiceNumber))!;
    const text = textOf(pdf);
    expect(text).toContain('INVOICE');
    expect(text).toContain(inv.invoiceNumber);
    expect(text).toContain('Hub Demo Distribution S.A.');
    expect(text).toContain('Łódź');
    expect(text).toContain('Kowalski Hurtownia Sp. z o.o.');
    expect(text).toContain(kowalski.invoiceAddress.street);
    const order = erp.state.get('orders', inv.orderNumber!)!;
    for (const line of order.lines) expect(text).toContain(line.sku);
    expect(text).toContain(erp.state.get('products', order.lines[0].sku)!.name.slice(0, 20));
    expect(text).toMatch(new RegExp(`Total due\\s+${inv.total} EUR`));
    expect(text).toMatch(new RegExp(`VAT 21 %\\s+${inv.taxTotal} EUR`));
    expect(text).toContain(`due ${inv.dueAt.slice(0, 10)}`);
    expect(text).toContain('Page 1 of 1');
    expect(inv.digitallySigned).toBe(false);
    expect(pdf.includes('/ByteRange')).toBe(false);
    // The same document renders to the same bytes (its dates are the document's own).
    expect((await erp.document('invoice', inv.invoiceNumber))!.equals(pdf)).toBe(true);
  });

  it("signs the invoices of its Spanish customers, with a PKCS#7 signature over the file's byte ranges", async () => {
    const erp = new DemoErp('small', DEFAULT_SEED, 'e');
    const inv = [...drainAll(erp, 'invoices')].find((i) => i.customerNumber === 'C10003')!;
    expect(inv.digitallySigned).toBe(true);
    const pdf = (await erp.document('invoice', inv.invoiceNumber))!;
    const text = textOf(pdf);
    expect(text).toContain('Ferretería García S.L.');
    expect(text).toContain('Digitally signed by the seller');
    const byteRange = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(pdf.toString('latin1'))!.slice(1).map(Number);
    // The signed ranges cover the whole file except the signature's own hex string.
    expect(byteRange[0]).toBe(0);
    expect(byteRange[2] + byteRange[3]).toBe(pdf.length);
    const contents = pdf.subarray(byteRange[1], byteRange[2]).toString('latin1');
    expect(contents).toMatch(/^<[0-9a-fA-F]+>$/);
    expect(contents.replace(/0+>$/, '').length).toBeGreaterThan(1000);
    // poppler's pdfsig checks the signature itself (the self-signed certificate's issuer is unknown to it, as expected).
    const file = join(tmpdir(), `signed-${process.pid}.pdf`);
    writeFileSync(file, pdf);
    const verdict = execFileSync('pdfsig', [file]).toString();
    unlinkSync(file);
    expect(verdict).toContain('Signature is Valid.');
    expect(verdict).toContain('Total document signed');
    // The next signed document is signed as well (the certificate is made once, used for each).
    const next = [...drainAll(erp, 'invoices')].filter((i) => i.customerNumber === 'C10003')[1];
    expect((await erp.document('invoice', next.invoiceNumber))!.includes('/ByteRange')).toBe(true);
  });

  it('runs a long invoice over several pages, with the table header and page numbers on each', async () => {
    const erp = new DemoErp('small', DEFAULT_SEED, 'e');
    const products = drainAll(erp, 'products').slice(0, 70);
    const lines = products.map((p, i) => ({ lineNo: i + 1, sku: p.sku, quantity: '2', unitPrice: p.listPrice }));
    const { body } = erp.submitOrder('long-1', { hubOrderId: 'hub-long-1', customerNumber: 'C10001', placedAt: new Date().toISOString(), currency: 'EUR', lines });
    const orderNumber = (body as { orderNumber: string }).orderNumber;
    erp.advanceOrder(orderNumber, 4);
    const number = `INV-${orderNumber.slice(3)}`;
    const pdf = (await erp.document('invoice', number))!;
    const pages = await pagesOf(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    const text = textOf(pdf);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(text).toContain(`${number} (continued)`);
    // The table's header on every page it runs over (the totals may take a page of their own).
    expect(text.split('Unit price').length - 1).toBeGreaterThanOrEqual(pages - 1);
    for (const p of products) expect(text).toContain(p.sku);
  });

  it('prints names beyond Latin-1 as they are written (embedded DejaVu Sans)', async () => {
    const names = ['Łódź Hurt Sp. z o.o.', 'Škoda Díly s.r.o.', 'Ferretería Núñez S.L.', 'Žalgiris UAB', 'Ωmega Εργαλεία', 'Инструмент ООО'];
    const pdf = await renderDocument({
      title: 'Invoice', number: 'INV-UNICODE', date: new Date('2026-11-30T10:00:00Z'), seller: SELLER,
      buyer: { title: names[0], lines: names.slice(1) }, facts: [['Invoice date', '2026-11-30']],
      columns: [{ header: 'Item', width: 1 }, { header: 'Description', width: 3 }], rows: [['SK-1', 'Šroub M8 – Škoda díl'], ['ES-1', 'Tornillo cabeza hexagonal – añadido']],
      totals: [['Total due', '10.00 EUR', true]], notes: ['Płatność w ciągu 30 dni.'], footer: 'Hub Demo Distribution S.A.',
    });
    const text = textOf(pdf);
    for (const name of [...names, 'Šroub M8 – Škoda díl', 'Tornillo cabeza hexagonal – añadido', 'Płatność w ciągu 30 dni.', 'ul. Piotrkowska 104, 90-926 Łódź']) expect(text).toContain(name);
  });

  it('prints delivery notes, order confirmations and credit notes; unknown numbers have none', async () => {
    const erp = new DemoErp('small', DEFAULT_SEED, 'e');
    const dn = drainAll(erp, 'deliveryNotes')[0];
    const dnText = textOf((await erp.document('deliveryNote', dn.deliveryNumber))!);
    expect(dnText).toContain('DELIVERY NOTE');
    expect(dnText).toContain(dn.trackingNumber);
    expect(dnText).toContain(dn.lines[0].sku);
    const confirmation = textOf((await erp.document('orderConfirmation', 'SO-500001'))!);
    expect(confirmation).toContain('ORDER CONFIRMATION');
    expect(confirmation).toContain('SO-500001');
    const { body } = erp.submitReturn('ret-1', { hubReturnId: 'r1', customerNumber: dn.customerNumber, deliveryNumber: dn.deliveryNumber, reason: 'damaged in transit', lines: [{ lineNo: 1, sku: dn.lines[0].sku, quantity: '1' }] });
    const creditNumber = (body as { returnNumber: string }).returnNumber.replace('RMA-', 'CN-');
    const credit = textOf((await erp.document('creditNote', creditNumber))!);
    expect(credit).toContain('CREDIT NOTE');
    expect(credit).toContain('damaged in transit');
    expect(credit).toContain('Total credited');
    // A document is printed once: the delivery note reads the same before and after the goods arrive.
    const products = drainAll(erp, 'products').slice(0, 2);
    const placed = erp.submitOrder('dn-1', { hubOrderId: 'hub-dn-1', customerNumber: 'C10002', placedAt: new Date().toISOString(), currency: 'EUR', lines: products.map((p, i) => ({ lineNo: i + 1, sku: p.sku, quantity: '1', unitPrice: p.listPrice })) });
    const orderNumber = (placed.body as { orderNumber: string }).orderNumber;
    expect(erp.advanceOrder(orderNumber, 2)).toBe('SHIPPED');
    const shipped = (await erp.document('deliveryNote', `DN-${orderNumber.slice(3)}`))!;
    expect(erp.advanceOrder(orderNumber, 1)).toBe('DELIVERED');
    expect((await erp.document('deliveryNote', `DN-${orderNumber.slice(3)}`))!.equals(shipped)).toBe(true);
    expect(await erp.document('invoice', 'INV-0')).toBeUndefined();
    expect(await erp.document('creditNote', 'CN-0')).toBeUndefined();
  });
});

describe('the ledger: invoices, credit notes, payments', () => {
  /** What each customer owes by its documents: invoices less credit notes less payments. */
  function owedByDocuments(erp: DemoErp): Map<string, Decimal> {
    const owed = new Map<string, Decimal>();
    const add = (customer: string, amount: Decimal.Value) => owed.set(customer, (owed.get(customer) ?? new Decimal(0)).plus(amount));
    for (const i of drain(erp, 'invoices', null, 5000).rows) add(i.customerNumber, i.total);
    for (const c of drain(erp, 'creditNotes', null, 5000).rows) add(c.customerNumber, new Decimal(c.total).neg());
    for (const p of drain(erp, 'payments', null, 5000).rows) add(p.customerNumber, new Decimal(p.amount).neg());
    return owed;
  }

  it("adds up to every customer's balance and open invoices, at start and after time passes", () => {
    const erp = new DemoErp('small', 42, 'run', () => new Date());
    const check = () => {
      const owed = owedByDocuments(erp);
      const items = drain(erp, 'openItems', null, 5000).rows;
      for (const c of drain(erp, 'customers', null, 5000).rows) {
        const open = items.filter((i) => i.customerNumber === c.customerNumber).reduce((s, i) => s.plus(i.openAmount), new Decimal(0));
        expect([c.customerNumber, (owed.get(c.customerNumber) ?? new Decimal(0)).toFixed(2)]).toEqual([c.customerNumber, open.toFixed(2)]);
        expect(new Decimal(c.balance).toFixed(2)).toBe(open.toFixed(2));
      }
    };
    expect(drain(erp, 'creditNotes', null, 5000).rows.length).toBeGreaterThan(0);
    expect(drain(erp, 'payments', null, 5000).rows.length).toBeGreaterThan(0);
    check();
    erp.advance(50);
    check();
    // A return's credit enters the ledger too: a credit note at the order's prices and a negative open item.
    const dn = drain(erp, 'deliveryNotes', null, 5000).rows.find((d) => erp.state.get('orders', d.orderNumber)?.lines.some((l) => l.sku === d.lines[0].sku))!;
    const { body } = erp.submitReturn('ledger-return', { hubReturnId: 'lr', customerNumber: dn.customerNumber, deliveryNumber: dn.deliveryNumber, reason: 'damaged', lines: [{ lineNo: 1, sku: dn.lines[0].sku, quantity: '1' }] });
    const number = (body as { returnNumber: string }).returnNumber.replace('RMA-', 'CN-');
    const credit = erp.state.get('creditNotes', number)!;
    const price = erp.state.get('orders', dn.orderNumber)!.lines.find((l) => l.sku === dn.lines[0].sku)!.unitPrice;
    expect(credit.netTotal).toBe(new Decimal(price).toFixed(2));
    expect(erp.state.get('openItems', number)).toMatchObject({ documentType: 'CREDIT_NOTE', openAmount: new Decimal(credit.total).neg().toFixed(2) });
    check();
  });

  it('records a partial and then the final payment of an invoice', () => {
    const erp = new DemoErp('small', 42, 'run', () => new Date('2026-11-20T10:00:00Z'));
    const invoice = drain(erp, 'invoices', null, 5000).rows.find((i) => i.status === 'OPEN')!;
    const balance = () => erp.state.get('customers', invoice.customerNumber)!.balance;
    const before = new Decimal(balance());
    const first = erp.recordPayment(invoice.invoiceNumber, '10.00')!;
    expect(first).toMatchObject({ paymentNumber: `PAY-${invoice.invoiceNumber.slice(4)}-1`, amount: '10.00', invoiceNumber: invoice.invoiceNumber, paidAt: '2026-11-20T10:00:00.000Z' });
    const rest = new Decimal(invoice.total).minus(10).toFixed(2);
    expect(erp.state.get('openItems', invoice.invoiceNumber)).toMatchObject({ openAmount: rest });
    expect(erp.state.get('invoices', invoice.invoiceNumber)).toMatchObject({ status: 'OPEN', openAmount: rest });
    expect(() => erp.recordPayment(invoice.invoiceNumber, new Decimal(rest).plus('0.01').toFixed(2))).toThrow('more than');
    expect(() => erp.recordPayment(invoice.invoiceNumber, '-1')).toThrow('positive');
    expect(erp.recordPayment(invoice.invoiceNumber)).toMatchObject({ paymentNumber: `PAY-${invoice.invoiceNumber.slice(4)}-2`, amount: rest });
    expect(erp.state.get('openItems', invoice.invoiceNumber)).toBeUndefined();
    expect(erp.state.get('invoices', invoice.invoiceNumber)).toMatchObject({ status: 'PAID', openAmount: '0.00' });
    expect(new Decimal(balance()).toFixed(2)).toBe(before.minus(invoice.total).toFixed(2));
    expect(erp.recordPayment(invoice.invoiceNumber)).toBeUndefined();
  });
});

describe('warranty periods and the service workshop', () => {
  const now = new Date('2026-11-20T10:00:00Z');
  const erp = new DemoErp('small', 42, 'run', () => now);
  const notes = drain(erp, 'deliveryNotes', null, 5_000).rows;
  const tracked = notes.flatMap((dn) => dn.lines.filter((l) => l.serialNumbers?.length).map((l) => ({ dn, line: l })));

  it('gives tracked products (tools, machines) 12, 24 or 36 months, most 24, and most other products none', () => {
    const products = drain(erp, 'products', null, 5_000).rows;
    const months = (p: (typeof products)[number]) => p.warrantyMonths ?? null;
    const trackedSkus = new Set(tracked.map((t) => t.line.sku));
    const ofTracked = products.filter((p) => trackedSkus.has(p.sku)).map(months);
    expect(ofTracked.length).toBeGreaterThan(5);
    expect(new Set(ofTracked)).toEqual(new Set([12, 24, 36]));
    expect(ofTracked.filter((m) => m === 24).length).toBeGreaterThan(ofTracked.length / 3);
    const others = products.filter((p) => !trackedSkus.has(p.sku)).map(months);
    expect(others.every((m) => m === null || m === 12 || m === 24 || m === 36)).toBe(true);
    expect(others.filter((m) => m === null).length).toBeGreaterThan(others.length / 2);
  });

  it('opens a service order for a delivered unit once per key and refuses one it did not deliver', () => {
    const { dn, line } = tracked[0];
    const body = { hubServiceRequestId: 'sr-1', customerNumber: dn.customerNumber, deliveryNumber: dn.deliveryNumber, sku: line.sku, serialNumber: line.serialNumbers![0], description: 'Dead', underWarranty: true };
    const first = erp.submitServiceOrder('sr-1', body);
    expect(first.status).toBe(201);
    expect(erp.submitServiceOrder('sr-1', body)).toEqual({ ...first, status: 200 });
    expect(erp.submitServiceOrder('sr-1', { ...body, description: 'Other' }).status).toBe(409);
    expect(erp.submitServiceOrder('sr-2', { ...body, hubServiceRequestId: 'sr-2', serialNumber: 'SN-NOT-DELIVERED' }).status).toBe(422);
    expect(erp.submitServiceOrder('sr-3', { ...body, hubServiceRequestId: 'sr-3', underWarranty: 'yes' }).status).toBe(422);
    expect(erp.stats().serviceOrders.acceptedByKey).toEqual({ 'sr-1': 1 });
  });

  it('moves a service order through the workshop with its history, then leaves it closed', () => {
    const { dn, line } = tracked[1];
    const { body } = erp.submitServiceOrder('sr-walk', { hubServiceRequestId: 'sr-walk', customerNumber: dn.customerNumber, deliveryNumber: dn.deliveryNumber, sku: line.sku, serialNumber: line.serialNumbers![0], description: 'Noisy', underWarranty: false });
    const number = (body as { serviceOrderNumber: string }).serviceOrderNumber;
    expect(erp.advanceServiceOrder(number, 1)).toBe('RECEIVED');
    expect(erp.state.get('serviceOrders', number)).toMatchObject({ status: 'RECEIVED', receivedAt: now.toISOString(), shippedBackAt: null });
    expect(erp.advanceServiceOrder(number, 3)).toBe('SHIPPED_BACK');
    const order = erp.state.get('serviceOrders', number) as any;
    expect(order.shippedBackAt).toBe(now.toISOString());
    expect(order.history.map((h: any) => h.kind)).toEqual(['STATUS', 'STATUS', 'DIAGNOSIS', 'STATUS', 'PARTS', 'LABOUR', 'STATUS', 'STATUS']);
    expect(order.history[0].text).toMatch(/chargeable/);
    // A tick moves the workshop's orders on; after CLOSED nothing moves.
    erp.advance(1);
    expect(erp.state.get('serviceOrders', number)).toMatchObject({ status: 'CLOSED' });
    expect(erp.advanceServiceOrder(number, 2)).toBe('CLOSED');
    expect(erp.advanceServiceOrder('SRV-NONE', 1)).toBeUndefined();
  });
});

describe('blanket orders and discount lines', () => {
  const erp = new DemoErp('small', 42, 'run');
  const blanket = () => erp.state.get('blanketOrders', 'BO-5001') as any;
  const first = blanket();
  const customer = erp.state.get('customers', first.customerNumber)!;
  // One moment for every body: a replay is the same body, and a later placedAt would make it another order.
  const placedAt = new Date().toISOString();
  const body = (hubOrderId: string, lines: Array<{ lineNo: number; sku: string; quantity: string; unitPrice: string }>, extra: Record<string, unknown> = {}) => ({
    hubOrderId, customerNumber: customer.customerNumber, placedAt, currency: 'EUR', lines, blanketOrderNumber: 'BO-5001', ...extra,
  });

  it('holds agreements of its first customers: three lines below list price, split per shop for a multi-shop retailer, partly drawn by its own order', () => {
    const all = ['BO-5001', 'BO-5002', 'BO-5003', 'BO-5004'].map((n) => erp.state.get('blanketOrders', n) as any);
    expect(all.every((b) => b && b.status === 'OPEN' && b.lines.length === 3 && b.validFrom < b.validTo)).toBe(true);
    for (const b of all) {
      const c = erp.state.get('customers', b.customerNumber)!;
      for (const l of b.lines) {
        const product = erp.state.get('products', l.sku)!;
        expect(new Decimal(l.unitPrice).lt(product.listPrice)).toBe(true);
        if (c.deliveryAddresses.length >= 2) expect(l.shops.reduce((sum: Decimal, s: any) => sum.plus(s.quantity), new Decimal(0)).toFixed()).toBe(l.quantity);
        else expect(l.shops).toBeNull();
      }
      expect(b.lines[0].drawnQuantity).not.toBe('0');
      expect(b.drawdowns).toEqual([expect.objectContaining({ hubOrderId: null })]);
    }
  });

  it('counts a drawdown within what remains once, and refuses more than remains, another price, another SKU or the wrong shop', () => {
    const line = first.lines[1];
    const shop = line.shops ? line.shops[0].deliveryAddressCode : null;
    const extra = shop ? { deliveryAddressCode: shop } : {};
    const remaining = new Decimal(line.shops ? line.shops[0].quantity : line.quantity).minus(line.shops ? line.shops[0].drawnQuantity : line.drawnQuantity);
    expect(erp.submitOrder('bo-too-much', body('hub-bo-1', [{ lineNo: 1, sku: line.sku, quantity: remaining.plus(1).toFixed(), unitPrice: line.unitPrice }], extra)).status).toBe(422);
    expect(erp.submitOrder('bo-price', body('hub-bo-2', [{ lineNo: 1, sku: line.sku, quantity: '1', unitPrice: new Decimal(line.unitPrice).plus(1).toFixed(2) }], extra))).toMatchObject({ status: 422, body: { error: expect.stringContaining('is agreed at') } });
    expect(erp.submitOrder('bo-sku', body('hub-bo-3', [{ lineNo: 1, sku: 'NOT-ON-IT', quantity: '1', unitPrice: '1.00' }], extra)).status).toBe(422);
    if (shop) expect(erp.submitOrder('bo-shop', body('hub-bo-4', [{ lineNo: 1, sku: line.sku, quantity: '1', unitPrice: line.unitPrice }])).status).toBe(422);
    expect(blanket().lines[1].drawnQuantity).toBe(line.drawnQuantity);

    const ok = erp.submitOrder('bo-ok', body('hub-bo-5', [{ lineNo: 1, sku: line.sku, quantity: '2', unitPrice: line.unitPrice }], extra));
    expect(ok.status).toBe(201);
    expect(erp.submitOrder('bo-ok', body('hub-bo-5', [{ lineNo: 1, sku: line.sku, quantity: '2', unitPrice: line.unitPrice }], extra)).status).toBe(200);
    const after = blanket();
    expect(after.lines[1].drawnQuantity).toBe(new Decimal(line.drawnQuantity).plus(2).toFixed());
    if (shop) expect(after.lines[1].shops[0].drawnQuantity).toBe(new Decimal(line.shops[0].drawnQuantity).plus(2).toFixed());
    expect(after.drawdowns.map((d: any) => d.hubOrderId)).toEqual([null, 'hub-bo-5']);
    expect(erp.state.get('orders', (ok.body as any).orderNumber)).toMatchObject({ blanketOrderNumber: 'BO-5001' });
  });

  it('takes discount lines off the total, never below zero', () => {
    const sku = first.lines[2].sku;
    const plain = { hubOrderId: 'hub-disc-1', customerNumber: customer.customerNumber, placedAt: new Date().toISOString(), currency: 'EUR', lines: [{ lineNo: 1, sku, quantity: '4', unitPrice: '2.50' }] };
    const ok = erp.submitOrder('disc-1', { ...plain, discounts: [{ reference: 'SPRING-1', description: 'Code SPRING-1', amount: '1.50' }] });
    expect(erp.state.get('orders', (ok.body as any).orderNumber)).toMatchObject({ total: '8.50', discounts: [{ reference: 'SPRING-1', description: 'Code SPRING-1', amount: '1.50' }] });
    expect(erp.submitOrder('disc-2', { ...plain, hubOrderId: 'hub-disc-2', discounts: [{ reference: 'X', description: 'X', amount: '10.01' }] }).status).toBe(422);
    expect(erp.submitOrder('disc-3', { ...plain, hubOrderId: 'hub-disc-3', discounts: [{ reference: 'X', description: 'X', amount: '-1' }] }).status).toBe(422);
  });
});

describe('purchasing: purchase orders and drop-shipping', () => {
  const now = new Date('2026-12-03T10:00:00Z');
  const erp = new DemoErp('small', 42, 'run', () => now);
  const products = drain(erp, 'products', null, 5_000).rows;
  const drill = products.find((p) => p.active && p.categoryCodes.includes('CD'))!;
  const bolt = products.find((p) => p.active && p.categoryCodes.includes('HB'))!;
  const customer = drain(erp, 'customers', null, 5_000).rows.find((c) => !c.blocked && c.deliveryAddresses.length > 0)!;
  const po = { hubPurchaseOrderId: 'po-1', supplierNumber: 'S20001', orderedAt: now.toISOString(), currency: 'EUR', lines: [{ lineNo: 1, sku: bolt.sku, quantity: '40', unitPrice: '10.2', deliveryDate: '2026-12-20' }] };

  it('books a purchase order once per key, refuses unknown suppliers, items and dates, and confirms what was agreed', () => {
    const first = erp.submitPurchaseOrder('po-1', po);
    expect(first).toMatchObject({ status: 201, body: { purchaseOrderNumber: expect.stringMatching(/^PO-\d+$/), status: 'OPEN' } });
    expect(erp.submitPurchaseOrder('po-1', po)).toEqual({ ...first, status: 200 });
    expect(erp.submitPurchaseOrder('po-1', { ...po, currency: 'SEK' }).status).toBe(409);
    expect(erp.submitPurchaseOrder('po-2', { ...po, hubPurchaseOrderId: 'po-2', supplierNumber: 'S99999' }).status).toBe(422);
    expect(erp.submitPurchaseOrder('po-3', { ...po, lines: [{ ...po.lines[0], sku: 'NO-SUCH' }] }).status).toBe(422);
    expect(erp.submitPurchaseOrder('po-4', { ...po, lines: [{ ...po.lines[0], deliveryDate: 'soon' }] }).status).toBe(422);
    const number = (first.body as { purchaseOrderNumber: string }).purchaseOrderNumber;
    const agreed = { hubPurchaseOrderId: 'po-1', purchaseOrderNumber: number, confirmedAt: now.toISOString(), lines: [{ lineNo: 1, quantity: '48', unitPrice: '10.2', deliveryDate: '2026-12-22' }] };
    expect(erp.submitPurchaseOrderConfirmation('c-1', { ...agreed, lines: [{ ...agreed.lines[0], lineNo: 9 }] }).status).toBe(422);
    expect(erp.submitPurchaseOrderConfirmation('c-1', agreed)).toMatchObject({ status: 201, body: { purchaseOrderNumber: number, status: 'CONFIRMED' } });
    expect(erp.state.get('purchaseOrders', number)).toMatchObject({ status: 'CONFIRMED', lines: [{ quantity: '48', deliveryDate: '2026-12-22', receivedQuantity: '0' }] });
    // A second confirmation of a confirmed order is refused.
    expect(erp.submitPurchaseOrderConfirmation('c-2', agreed).status).toBe(422);
    expect(erp.receivePurchaseOrder(number, { 1: '20' })).toMatchObject({ status: 'PARTLY_RECEIVED', lines: [{ receivedQuantity: '20' }] });
    expect(erp.receivePurchaseOrder(number)).toMatchObject({ status: 'RECEIVED', lines: [{ receivedQuantity: '48' }] });
    expect(erp.receivePurchaseOrder('PO-NONE')).toBeUndefined();
  });

  it("routes an assigned group's lines whole to the supplier with the delivery address only, and ships them on the supplier's parcel", () => {
    expect(erp.submitDropShipAssignment('a-1', { productGroup: 'NOPE', supplierNumber: 'S20002' }).status).toBe(422);
    expect(erp.submitDropShipAssignment('a-2', { productGroup: 'CD', supplierNumber: 'S20002' }).status).toBe(201);
    expect(erp.dropShipRouting()).toEqual({ CD: 'S20002' });
    const placed = erp.submitOrder('ds-order', {
      hubOrderId: 'ds-order', customerNumber: customer.customerNumber, placedAt: now.toISOString(), currency: 'EUR',
      lines: [{ lineNo: 1, sku: bolt.sku, quantity: '2', unitPrice: '5' }, { lineNo: 2, sku: drill.sku, quantity: '100000', unitPrice: '99' }],
    });
    const orderNumber = (placed.body as { orderNumber: string }).orderNumber;
    const order = erp.state.get('orders', orderNumber)!;
    // The drill line is not split by stock: all of it goes to the supplier.
    expect(order.lines.filter((l) => l.sku === drill.sku)).toEqual([expect.objectContaining({ lineNo: 2, quantity: '100000', dropShipSupplierNumber: 'S20002', warehouseCode: null, backOrdered: false })]);
    const [ds] = erp.state.changes('dropShipOrders', null, 100).rows as any[];
    expect(ds).toEqual({
      key: ds.dropShipOrderNumber, dropShipOrderNumber: expect.stringMatching(/^DS-\d+$/), supplierNumber: 'S20002', status: 'OPEN', createdAt: now.toISOString(),
      deliveryAddress: { name: customer.deliveryAddresses[0].name, street: customer.deliveryAddresses[0].street, postalCode: customer.deliveryAddresses[0].postalCode, city: customer.deliveryAddresses[0].city, country: customer.deliveryAddresses[0].country },
      lines: [{ lineNo: 2, sku: drill.sku, quantity: '100000' }], carrier: null, parcelNumber: null, shippedAt: null,
    });
    const shipment = { dropShipOrderNumber: ds.dropShipOrderNumber, supplierNumber: 'S20002', carrier: 'DHL', parcelNumber: 'JD01', shippedAt: now.toISOString() };
    expect(erp.submitDropShipment('s-0', { ...shipment, supplierNumber: 'S20001' }).status).toBe(422);
    const shipped = erp.submitDropShipment('s-1', shipment);
    expect(shipped).toMatchObject({ status: 201, body: { dropShipOrderNumber: ds.dropShipOrderNumber } });
    const note = erp.state.get('deliveryNotes', (shipped.body as { deliveryNumber: string }).deliveryNumber)!;
    expect(note).toMatchObject({ orderNumber, customerNumber: customer.customerNumber, carrier: 'DHL', trackingNumber: 'JD01', lines: [{ lineNo: 2, sku: drill.sku, quantity: '100000' }] });
    expect(erp.submitDropShipment('s-2', shipment).status).toBe(422);
    // The ERP's own delivery note of the order carries the bolts only.
    erp.advanceOrder(orderNumber, 2);
    expect(erp.state.get('deliveryNotes', `DN-${orderNumber.replace(/^SO-/, '')}`)!.lines.map((l) => l.sku)).toEqual([bolt.sku]);
    expect(erp.submitDropShipAssignment('a-3', { productGroup: 'CD', supplierNumber: null }).status).toBe(201);
    expect(erp.dropShipRouting()).toEqual({});
  });
});
