import { execFileSync } from 'node:child_process';
import Decimal from 'decimal.js';
import { ErpAdapter, ErpCreditNoteRecord, ErpError, ErpInvoiceRecord, ErpOpenItemRecord, ErpOrderSubmission, ErpProductRecord, ErpWarehouseRecord } from '@hub/erp-contract';

/** What the conformance suite needs around one adapter: a running ERP and ways to change it behind the adapter's back. */
export interface ConformanceHarness {
  adapter: ErpAdapter;
  /** The same ERP, reached with a wrong password or API key. */
  adapterWithWrongCredentials: ErpAdapter;
  /** The adapter aimed at a port nothing listens on. */
  adapterForUnreachableErp: ErpAdapter;
  /** Renames a product in the ERP itself. */
  renameProduct(sku: string, name: string): Promise<void>;
  /** Retires a product in the ERP (deletes it, or deactivates it where the ERP keeps history). */
  retireProduct(sku: string): Promise<void>;
  /** The customer paid all that is open on the invoice: the ERP books the payment against it. */
  payInvoice(invoiceNumber: string): Promise<void>;
  /** An order the ERP accepts (customer and products it has). */
  order(hubOrderId: string, quantity: string): ErpOrderSubmission;
  stop(): Promise<void>;
}

async function drain(adapter: ErpAdapter, kind: string, cursor: string | null, pageSize: number) {
  const rows: any[] = [];
  const deletions: string[] = [];
  let pages = 0;
  for (;;) {
    const page = await adapter.pullChanges(kind, cursor, pageSize);
    rows.push(...page.rows);
    deletions.push(...page.deletions);
    cursor = page.nextCursor;
    pages++;
    if (!page.hasMore) return { rows, deletions, cursor: cursor as string, pages };
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

/**
 * The behaviours every ERP adapter must show, written once and run against each adapter (the demo
 * ERP's and Tryton's): full pull in pages, delta after a change, retirement, a change made while a
 * pull runs, invoices and open items that agree and a payment arriving as a delta, an invoice's PDF,
 * a push and its look-up by key, a replayed push, and errors classified.
 */
export function describeErpAdapterConformance(name: string, start: () => Promise<ConformanceHarness>): void {
  describe(`ERP adapter conformance: ${name}`, () => {
    let h: ConformanceHarness;
    beforeAll(async () => {
      h = await start();
    }, 180_000);
    afterAll(async () => {
      await h?.stop();
    });

    it("gives a product's warranty as whole months or none (an ERP without the field: null or absent)", async () => {
      const { rows } = await drain(h.adapter, 'products', null, 50_000);
      const bad = (rows as ErpProductRecord[]).filter((p) => p.warrantyMonths !== undefined && p.warrantyMonths !== null && !(Number.isInteger(p.warrantyMonths) && p.warrantyMonths > 0));
      expect(bad.map((p) => p.sku)).toEqual([]);
    });

    it('pulls everything in pages that add up to one full pull, each record once', async () => {
      const whole = await drain(h.adapter, 'products', null, 50_000);
      expect(whole.rows.length).toBeGreaterThan(10);
      const paged = await drain(h.adapter, 'products', null, 7);
      expect(paged.pages).toBeGreaterThan(1);
      const skus = paged.rows.map((p: ErpProductRecord) => p.sku);
      expect(new Set(skus).size).toBe(skus.length);
      expect([...skus].sort()).toEqual(whole.rows.map((p: ErpProductRecord) => p.sku).sort());
      for (const kind of ['categories', 'prices', 'stock', 'customers']) expect((await drain(h.adapter, kind, null, 1000)).rows.length).toBeGreaterThan(0);
    });

    it('serves warehouses (an optional kind: none where the ERP cannot tell a store), every store with its address', async () => {
      const { rows } = await drain(h.adapter, 'warehouses', null, 1000);
      for (const w of rows as ErpWarehouseRecord[]) {
        expect(w).toEqual({ code: expect.any(String), name: expect.any(String), isStore: expect.any(Boolean), address: w.isStore ? expect.objectContaining({ city: expect.any(String), country: expect.stringMatching(/^[A-Z]{2}$/) }) : null, phone: w.phone === null ? null : expect.any(String), openingHours: expect.any(Array) });
      }
      if (rows.length > 0) expect(await h.adapter.fetchRecord('warehouses', rows[0].code)).toEqual(rows[0]);
    });

    it('delivers a changed record in the next delta, and far fewer rows than a full pull', async () => {
      const full = await drain(h.adapter, 'products', null, 1000);
      const sku = full.rows[3].sku as string;
      await h.renameProduct(sku, `Renamed in the ERP ${Date.now()}`);
      const delta = await drain(h.adapter, 'products', full.cursor, 1000);
      const changed = delta.rows.find((p: ErpProductRecord) => p.sku === sku);
      expect(changed?.name).toMatch(/^Renamed in the ERP/);
      expect(delta.rows.length).toBeLessThan(full.rows.length);
    });

    it('never loses a change made while a pull runs', async () => {
      const full = await drain(h.adapter, 'products', null, 1000);
      // A chain of small pages; between its first and second page the ERP changes a record already delivered.
      const first = await h.adapter.pullChanges('products', full.cursor, 1);
      const early = full.rows[0].sku as string;
      await h.renameProduct(early, `Changed during the pull ${Date.now()}`);
      let cursor = first.nextCursor;
      let hasMore = first.hasMore;
      while (hasMore) {
        const page = await h.adapter.pullChanges('products', cursor, 1);
        cursor = page.nextCursor;
        hasMore = page.hasMore;
      }
      const next = await drain(h.adapter, 'products', cursor, 1000);
      expect(next.rows.find((p: ErpProductRecord) => p.sku === early)?.name).toMatch(/^Changed during the pull/);
    });

    it('reports a retired record as a deletion or as inactive, and a full pull does not show it active', async () => {
      const full = await drain(h.adapter, 'products', null, 1000);
      const sku = full.rows[5].sku as string;
      await h.retireProduct(sku);
      const delta = await drain(h.adapter, 'products', full.cursor, 1000);
      const retired = delta.deletions.includes(sku) || delta.rows.some((p: ErpProductRecord) => p.sku === sku && p.active === false);
      expect(retired).toBe(true);
      const again = await drain(h.adapter, 'products', null, 1000);
      expect(again.rows.some((p: ErpProductRecord) => p.sku === sku && p.active)).toBe(false);
    });

    it('serves invoices and open items that agree, prints an invoice as a PDF, and a payment booked in the ERP arrives with the next delta', async () => {
      const invoices = await drain(h.adapter, 'invoices', null, 1000);
      const items = await drain(h.adapter, 'openItems', null, 1000);
      const rows = invoices.rows as ErpInvoiceRecord[];
      expect(rows.length).toBeGreaterThan(0);
      for (const i of rows) {
        expect(i).toEqual(expect.objectContaining({
          invoiceNumber: expect.any(String), customerNumber: expect.any(String), issuedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), dueAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
          currency: expect.stringMatching(/^[A-Z]{3}$/), status: expect.stringMatching(/^(OPEN|PAID)$/), digitallySigned: expect.any(Boolean),
        }));
        expect(new Decimal(i.netTotal).plus(i.taxTotal).toFixed(2)).toBe(new Decimal(i.total).toFixed(2));
      }
      // Every open invoice is an open item of the same amount; a paid one is none and owes nothing.
      const open = new Map((items.rows as ErpOpenItemRecord[]).filter((o) => o.documentType === 'INVOICE').map((o) => [o.documentNumber, o]));
      const disagreeing = rows.filter((i) => (i.status === 'PAID' ? open.has(i.invoiceNumber) || !new Decimal(i.openAmount).isZero() : !new Decimal(open.get(i.invoiceNumber)?.openAmount ?? 'NaN').eq(i.openAmount)));
      expect(disagreeing.map((i) => i.invoiceNumber)).toEqual([]);
      expect([...open.keys()].filter((n) => !rows.some((i) => i.invoiceNumber === n))).toEqual([]);

      const unpaid = rows.find((i) => i.status === 'OPEN' && new Decimal(i.openAmount).gt(0));
      expect(unpaid).toBeDefined();
      const pdf = await h.adapter.fetchDocument('invoice', unpaid!.invoiceNumber);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      // Read back as a viewer would (pdftotext, poppler-utils).
      expect(execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8')).toContain(unpaid!.invoiceNumber);
      expect((await erpError(h.adapter.fetchDocument('invoice', 'NO-SUCH-INVOICE-1'))).kind).toBe('VALIDATION');

      await h.payInvoice(unpaid!.invoiceNumber);
      const paid = (await drain(h.adapter, 'invoices', invoices.cursor, 1000)).rows.find((i: ErpInvoiceRecord) => i.invoiceNumber === unpaid!.invoiceNumber);
      expect(paid).toMatchObject({ status: 'PAID', openAmount: '0.00', total: unpaid!.total });
      const itemsAfter = await drain(h.adapter, 'openItems', items.cursor, 1000);
      expect(itemsAfter.deletions).toContain(unpaid!.invoiceNumber);
      expect(itemsAfter.rows.some((o: ErpOpenItemRecord) => o.documentNumber === unpaid!.invoiceNumber)).toBe(false);
      expect(await h.adapter.fetchRecord('openItems', unpaid!.invoiceNumber)).toBeNull();
    });

    it('serves credit notes with positive amounts, their open items negative, and prints a credit note as a PDF', async () => {
      const notes = (await drain(h.adapter, 'creditNotes', null, 1000)).rows as ErpCreditNoteRecord[];
      expect(notes.length).toBeGreaterThan(0);
      for (const n of notes) {
        expect(new Decimal(n.total).gt(0)).toBe(true);
        expect(new Decimal(n.netTotal).plus(n.taxTotal).toFixed(2)).toBe(new Decimal(n.total).toFixed(2));
      }
      const items = ((await drain(h.adapter, 'openItems', null, 1000)).rows as ErpOpenItemRecord[]).filter((o) => o.documentType === 'CREDIT_NOTE');
      const numbers = new Set(notes.map((n) => n.creditNoteNumber));
      expect(items.filter((o) => !numbers.has(o.documentNumber) || new Decimal(o.openAmount).gt(0)).map((o) => o.documentNumber)).toEqual([]);
      const pdf = await h.adapter.fetchDocument('creditNote', notes[0].creditNoteNumber);
      expect(execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8')).toContain(notes[0].creditNoteNumber);
    });

    it('accepts a push once per key, finds it by the key, replays it and refuses the key for other content', async () => {
      const key = `conformance-${name}-${Date.now()}`;
      expect(await h.adapter.findByKey('orders', key)).toBeNull();
      const receipt = await h.adapter.push('orders', h.order(key, '2'), key);
      expect(receipt.orderNumber).toEqual(expect.any(String));
      expect(receipt.status).toBe('CONFIRMED');
      expect(await h.adapter.findByKey('orders', key)).toMatchObject({ orderNumber: receipt.orderNumber, status: receipt.status });
      expect(await h.adapter.push('orders', h.order(key, '2'), key)).toMatchObject({ orderNumber: receipt.orderNumber });
      expect((await erpError(h.adapter.push('orders', h.order(key, '5'), key))).kind).toBe('CONFLICT');
      const order = await h.adapter.fetchRecord('orders', receipt.orderNumber);
      expect(order).toMatchObject({ orderNumber: receipt.orderNumber, hubOrderId: key });
      expect(order?.lines.map((l) => l.quantity)).toEqual(h.order(key, '2').lines.map((l) => l.quantity));
    });

    it('classifies failures: wrong credentials AUTH, an unreachable ERP TRANSIENT, content the ERP refuses VALIDATION', async () => {
      expect((await erpError(h.adapterWithWrongCredentials.pullChanges('products', null, 10))).kind).toBe('AUTH');
      const unreachable = await erpError(h.adapterForUnreachableErp.pullChanges('products', null, 10));
      expect(unreachable.kind).toBe('TRANSIENT');
      expect(unreachable.retryable).toBe(true);
      const bad = { ...h.order('x', '1'), customerNumber: 'NO-SUCH-CUSTOMER' };
      const refused = await erpError(h.adapter.push('orders', bad, `conformance-bad-${name}-${Date.now()}`));
      expect(refused.kind).toBe('VALIDATION');
      expect(refused.retryable).toBe(false);
    });
  });
}
