import { randomUUID } from 'node:crypto';
import { as, demo, demoUser, failure, tokenFor } from './support/hub-client';
import { fieldMetrics, gatewayMetrics, RecordedSubscription, untilMetrics, wsClient } from './support/subscription-client';
import { erpAdmin, eventually, outboxMessages } from './support/staff-client';

/**
 * A web order reaches its documents: the ERP invoices and ships it under its own order number, and
 * its invoice and delivery note carry the hub's order id (the ERP keeps it with the order), so the
 * hub links them both ways: order → invoices / delivery notes, and invoice / delivery note → order.
 */
describe("a web order's invoice and delivery note", () => {
  const buyer = demoUser(3, 'buyer');
  const admin = demoUser(3, 'customer admin');
  const product = demo.products[60];
  /** The documents of the web order, for the second test. */
  const documents: { invoiceId?: string; invoiceNumber?: string; deliveryNoteId?: string } = {};

  async function syncNow(operations: string[]): Promise<void> {
    const staff = await as('sync@hub.example');
    for (const operation of operations) await staff.request('mutation($o: String!) { runSyncNow(operation: $o) { runRequested } }', { o: operation });
  }

  it('link to the order and back, and the order shows them', async () => {
    const api = await as(buyer.email);
    const { placeOrder } = await api.request<{ placeOrder: { id: string } }>(
      'mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }',
      { i: { idempotencyKey: `documents-${randomUUID()}`, lines: [{ productId: product.id, quantity: 2 }] } },
    );
    const delivered = await eventually(async () => (await outboxMessages('DELIVERED')).find((m) => m.key === placeOrder.id), 30_000, 'the order to reach the ERP');
    const erpNumber: string = JSON.parse(delivered.result!).orderNumber;

    // A subscriber watching the order, with its documents.
    const ws = wsClient({ token: await tokenFor(admin.email) });
    // Other test files open and close orderStatusChanged subscriptions on the shared gateway meanwhile: wait on the
    // count of checks (it only grows), not on the number open, which can fall while ours is added.
    const before = fieldMetrics(await gatewayMetrics(), 'orderStatusChanged').checks;
    const watch = new RecordedSubscription(ws, 'subscription($id: ID!) { orderStatusChanged(orderId: $id) { status invoices { number } deliveryNotes { number } } }', { id: placeOrder.id });
    await untilMetrics((m) => fieldMetrics(m, 'orderStatusChanged').checks > before && fieldMetrics(m, 'orderStatusChanged').active > 0);

    // The ERP picks, ships, delivers and invoices this order (and only this one).
    expect(await erpAdmin('POST', `/admin/orders/${erpNumber}/advance`, { steps: 4 })).toEqual({ orderNumber: erpNumber, status: 'INVOICED' });
    await syncNow(['orders', 'invoices', 'deliveryNotes']);
    // The invoice's own sync announces the order to its subscribers (the documents' topic feeds orderStatusChanged too).
    const digitsOf = erpNumber.replace(/^SO-/, '');
    await watch.until((s) => s.results.some((r) => r.data?.orderStatusChanged?.invoices?.[0]?.number === `INV-${digitsOf}`), 30_000);
    await watch.until((s) => s.results.some((r) => r.data?.orderStatusChanged?.deliveryNotes?.[0]?.number === `DN-${digitsOf}`), 30_000);
    expect(watch.results.every((r) => r.errors === undefined)).toBe(true);
    await ws.dispose();

    const reader = await as(admin.email);
    const order = await eventually(async () => {
      const { order: o } = await reader.request<{ order: any }>(
        `query($id: ID!) { order(id: $id) {
          id number status
          invoices { id number status order { id number } }
          deliveryNotes { id number carrier trackingNumber deliveredAt lines { sku quantity } order { id number } }
        } }`,
        { id: placeOrder.id },
      );
      return o.status === 'INVOICED' && o.invoices?.length === 1 && o.deliveryNotes?.length === 1 ? o : undefined;
    }, 30_000, 'the invoice and delivery note to be synced');
    const digits = erpNumber.replace(/^SO-/, '');
    expect(order.number).toBe(erpNumber);
    expect(order.invoices).toEqual([{ id: expect.any(String), number: `INV-${digits}`, status: 'OPEN', order: { id: placeOrder.id, number: erpNumber } }]);
    Object.assign(documents, { invoiceId: order.invoices[0].id, invoiceNumber: `INV-${digits}`, deliveryNoteId: order.deliveryNotes[0].id });
    expect(order.deliveryNotes).toEqual([
      expect.objectContaining({ number: `DN-${digits}`, deliveredAt: expect.any(String), lines: [{ sku: product.sku, quantity: '2' }], order: { id: placeOrder.id, number: erpNumber } }),
    ]);

    // From the invoice list, without an error for the order of any invoice.
    const { invoices } = await reader.request<{ invoices: Array<{ number: string; order: { id: string; number: string } | null }> }>('{ invoices(first: 200) { number order { id number } } }');
    expect(invoices.find((i) => i.number === `INV-${digits}`)).toEqual({ number: `INV-${digits}`, order: { id: placeOrder.id, number: erpNumber } });
  });

  it("another company's user finds neither document, in its lists or by id", async () => {
    expect(documents.invoiceId).toBeDefined();
    const outsider = await as(demoUser(0, 'customer admin').email);
    const { invoices } = await outsider.request<{ invoices: Array<{ number: string }> }>('{ invoices(first: 200) { number } }');
    expect(invoices.length).toBeGreaterThan(0);
    expect(invoices.map((i) => i.number)).not.toContain(documents.invoiceNumber);
    for (const [query, id] of [['query($id: ID!) { invoice(id: $id) { number } }', documents.invoiceId], ['query($id: ID!) { deliveryNote(id: $id) { number } }', documents.deliveryNoteId]] as const) {
      const outcome = await failure(outsider.request(query, { id }));
      expect(outcome.codes).toEqual(['NOT_FOUND']);
    }
  });
});
