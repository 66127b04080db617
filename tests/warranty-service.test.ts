import { as, demoUser, failure, tokenFor } from './support/hub-client';
import { RecordedSubscription, wsClient } from './support/subscription-client';
import { erpAdmin, eventually, outboxMessages } from './support/staff-client';
import { syncNow } from './support/ordering';

/**
 * Service and warranty (O13) through the gateway against the demo ERP: a unit registered by a
 * serial number from one of the company's delivery notes, its warranty end computed here on our
 * own from the note's date and the ERP's warranty period; a service request that reaches the ERP's
 * workshop exactly once, moves on there, and comes back with its repair history and the days in
 * service that extend the warranty; and every refusal with its code, changing nothing.
 */

const buyer = demoUser(0, 'buyer');
const readOnly = demoUser(0, 'read-only');
const otherBuyer = demoUser(1, 'buyer');
const DAY = 86_400_000;

interface NoteLine { lineNo: number; sku: string; serialNumbers: string[] | null }
interface Note { id: string; number: string; shippedAt: string; deliveredAt: string | null; lines: NoteLine[] }
interface Unit { serial: string; sku: string; note: Note }

const SERVICE_FIELDS = `id registeredProductId status description underWarranty statusReason erpServiceOrderNumber receivedAt shippedBackAt daysInService
  repairHistory { at kind text status partNumber quantity hours }`;
const PRODUCT_FIELDS = `id serialNumber sku deliveryNoteNumber purchasedOn warrantyMonths daysInService warrantyEndsOn underWarranty product { id warrantyMonths }
  serviceRequests { ${SERVICE_FIELDS} }`;

interface ServiceRequest {
  id: string; registeredProductId: string; status: string; description: string; underWarranty: boolean; statusReason: string | null; erpServiceOrderNumber: string | null;
  receivedAt: string | null; shippedBackAt: string | null; daysInService: number;
  repairHistory: Array<{ at: string; kind: string; text: string; status: string | null; partNumber: string | null; quantity: string | null; hours: string | null }>;
}
interface Registered {
  id: string; serialNumber: string; sku: string; deliveryNoteNumber: string; purchasedOn: string; warrantyMonths: number | null; daysInService: number;
  warrantyEndsOn: string | null; underWarranty: boolean; product: { id: string; warrantyMonths: number | null }; serviceRequests: ServiceRequest[];
}

async function trackedUnits(email: string): Promise<Unit[]> {
  const { deliveryNotes } = await (await as(email)).request<{ deliveryNotes: Note[] }>('{ deliveryNotes(first: 200) { id number shippedAt deliveredAt lines { lineNo sku serialNumbers } } }');
  return deliveryNotes.flatMap((note) => note.lines.flatMap((l) => (l.serialNumbers ?? []).map((serial) => ({ serial, sku: l.sku, note }))));
}

/** The ERP's product record, as its own admin API shows it. */
const erpProduct = (sku: string): Promise<{ sku: string; warrantyMonths?: number | null }> => erpAdmin('GET', `/admin/records/products/${encodeURIComponent(sku)}`);

/** YYYY-MM-DD, `months` calendar months after the day (the month's last day where it is shorter), then `days` more: computed here, not by the hub. */
function expectedEnd(purchase: string, months: number, days: number): string {
  const [y, m, d] = purchase.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const monthLength = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  const end = Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d, monthLength)) + days * DAY;
  return new Date(end).toISOString().slice(0, 10);
}

const calendarDays = (from: string, to: string): number => Math.round((Date.parse(to.slice(0, 10)) - Date.parse(from.slice(0, 10))) / DAY);

const register = async (email: string, input: Record<string, unknown>): Promise<Registered> =>
  (await (await as(email)).request<{ registerProduct: Registered }>(`mutation($input: RegisterProductInput!) { registerProduct(input: $input) { ${PRODUCT_FIELDS} } }`, { input })).registerProduct;
const registered = async (email = buyer.email): Promise<Registered[]> =>
  (await (await as(email)).request<{ registeredProducts: Registered[] }>(`{ registeredProducts(first: 200) { ${PRODUCT_FIELDS} } }`)).registeredProducts;
const openRequest = async (registeredProductId: string, description: string, email = buyer.email): Promise<ServiceRequest> =>
  (await (await as(email)).request<{ openServiceRequest: ServiceRequest }>(`mutation($id: ID!, $d: String!) { openServiceRequest(registeredProductId: $id, description: $d) { ${SERVICE_FIELDS} } }`, { id: registeredProductId, d: description })).openServiceRequest;
const serviceRequest = async (id: string): Promise<ServiceRequest> =>
  (await (await as(buyer.email)).request<{ serviceRequest: ServiceRequest }>(`query($id: ID!) { serviceRequest(id: $id) { ${SERVICE_FIELDS} } }`, { id })).serviceRequest;
const closeRequest = (id: string, email = buyer.email) => as(email).then((api) => api.request<{ closeServiceRequest: ServiceRequest }>(`mutation($id: ID!) { closeServiceRequest(id: $id) { ${SERVICE_FIELDS} } }`, { id }));
const serviceRequestCount = async (): Promise<number> => (await registered()).reduce((sum, p) => sum + p.serviceRequests.length, 0);
const acceptedByErp = async (requestId: string): Promise<number> => (await erpAdmin('GET', '/admin/stats')).serviceOrders.acceptedByKey?.[requestId] ?? 0;

describe('service and warranty through the gateway', () => {
  afterEach(async () => {
    await erpAdmin('DELETE', '/admin/faults');
  });

  let units: Unit[];
  let withWarranty: Unit & { months: number };
  let unit: Registered;

  beforeAll(async () => {
    units = await trackedUnits(buyer.email);
    for (const u of units) {
      const months = (await erpProduct(u.sku)).warrantyMonths;
      if (typeof months === 'number') {
        withWarranty = { ...u, months };
        break;
      }
    }
    if (!withWarranty) throw new Error('the demo world delivered the company no unit with a warranty');
  });

  it('registers a unit from a delivery note: purchase day from the note, warranty end from the ERP period', async () => {
    const purchase = (withWarranty.note.deliveredAt ?? withWarranty.note.shippedAt).slice(0, 10);
    unit = await register(buyer.email, { serialNumber: withWarranty.serial, deliveryNoteNumber: withWarranty.note.number });
    const end = expectedEnd(purchase, withWarranty.months, 0);
    expect(unit).toMatchObject({
      serialNumber: withWarranty.serial, sku: withWarranty.sku, deliveryNoteNumber: withWarranty.note.number, purchasedOn: purchase, warrantyMonths: withWarranty.months,
      daysInService: 0, warrantyEndsOn: end, underWarranty: end >= new Date().toISOString().slice(0, 10), serviceRequests: [],
    });
    expect((await registered()).map((p) => p.id)).toContain(unit.id);
    // The catalogue shows the same period, synced from the ERP into the products subgraph.
    expect(unit.product.warrantyMonths).toBe(withWarranty.months);
  });

  it('refuses a unit registered already, a foreign or unknown serial number, and bad input, storing nothing', async () => {
    const before = (await registered()).length;
    expect((await failure(register(buyer.email, { serialNumber: withWarranty.serial }))).codes).toEqual(['CONFLICT']);
    const foreign = (await trackedUnits(otherBuyer.email))[0];
    expect(foreign).toBeDefined();
    expect((await failure(register(buyer.email, { serialNumber: foreign.serial }))).codes).toEqual(['NOT_FOUND']);
    expect((await failure(register(buyer.email, { serialNumber: 'SN-NEVER-DELIVERED' }))).codes).toEqual(['NOT_FOUND']);
    // A serial number of the company, but not on the note named.
    const elsewhere = units.find((u) => u.note.number !== withWarranty.note.number && u.serial !== withWarranty.serial);
    if (elsewhere) expect((await failure(register(buyer.email, { serialNumber: elsewhere.serial, deliveryNoteNumber: withWarranty.note.number }))).codes).toEqual(['NOT_FOUND']);
    const blank = await failure(register(buyer.email, { serialNumber: '   ' }));
    expect([blank.codes, blank.fields]).toEqual([['BAD_USER_INPUT'], ['serialNumber']]);
    expect((await failure(register(buyer.email, { serialNumber: 'X'.repeat(101) }))).codes).toEqual(['BAD_USER_INPUT']);
    // Registering needs returns.file.
    expect((await failure(register(readOnly.email, { serialNumber: units[1]?.serial ?? withWarranty.serial }))).codes).toEqual(['FORBIDDEN']);
    // Staff see every company's units but register none themselves.
    expect((await registered('orders@hub.example')).map((p) => p.id)).toContain(unit.id);
    expect((await failure(register('orders@hub.example', { serialNumber: units[1]?.serial ?? withWarranty.serial }))).codes).toEqual(['FORBIDDEN']);
    expect((await registered()).length).toBe(before);
  });

  it('registers a unit of a product without warranty: no warranty end', async () => {
    const other = units.find((u) => u.serial !== withWarranty.serial && u.sku !== withWarranty.sku);
    if (!other) throw new Error('the company has a single tracked product');
    // The ERP's staff record the product as sold without warranty.
    const record = await erpProduct(other.sku);
    await erpAdmin('POST', '/admin/records/products', { ...record, warrantyMonths: null });
    const plain = await register(buyer.email, { serialNumber: other.serial });
    expect(plain).toMatchObject({ serialNumber: other.serial, sku: other.sku, warrantyMonths: null, warrantyEndsOn: null, underWarranty: false });
  });

  it('opens a service request that reaches the ERP once, follows its repair and extends the warranty by the days in service', async () => {
    // Bad input, a foreign unit and a missing permission are refused first, leaving nothing behind.
    const before = await serviceRequestCount();
    const blank = await failure(openRequest(unit.id, '  '));
    expect([blank.codes, blank.fields]).toEqual([['BAD_USER_INPUT'], ['description']]);
    expect((await failure(openRequest('not-a-uuid', 'Broken'))).codes).toEqual(['BAD_USER_INPUT']);
    expect((await failure(openRequest(unit.id, 'Broken', otherBuyer.email))).codes).toEqual(['NOT_FOUND']);
    expect((await failure(openRequest(unit.id, 'Broken', readOnly.email))).codes).toEqual(['FORBIDDEN']);
    expect(await serviceRequestCount()).toBe(before);

    const opened = await openRequest(unit.id, 'Stops after a few seconds under load.');
    // The customer follows it; another company's user hears nothing of it.
    const SUBSCRIBE = 'subscription($id: ID!) { serviceRequestChanged(serviceRequestId: $id) { status erpServiceOrderNumber daysInService repairHistory { kind } } }';
    const subscription = new RecordedSubscription(wsClient({ token: await tokenFor(buyer.email) }), SUBSCRIBE, { id: opened.id });
    const stranger = new RecordedSubscription(wsClient({ token: await tokenFor(otherBuyer.email) }), SUBSCRIBE, { id: opened.id });
    try {
      expect(opened).toMatchObject({ status: 'OPENED', registeredProductId: unit.id, underWarranty: unit.underWarranty, daysInService: 0, receivedAt: null });
      // One open request per unit; closing one the workshop has not shipped back is outside the machine.
      expect((await failure(openRequest(unit.id, 'Again'))).codes).toEqual(['CONFLICT']);
      expect((await failure(closeRequest(opened.id))).codes).toEqual(['CONFLICT']);
      expect(await serviceRequestCount()).toBe(before + 1);

      // The outbox delivers it; the ERP's service order is read back at once.
      const sent = await eventually(async () => {
        const r = await serviceRequest(opened.id);
        return r.erpServiceOrderNumber ? r : undefined;
      }, 30_000, 'the ERP service order number');
      expect(sent.erpServiceOrderNumber).toMatch(/^SRV-\d+$/);
      expect(sent.repairHistory).toEqual([expect.objectContaining({ kind: 'STATUS', status: 'AWAITING_GOODS' })]);
      expect(await acceptedByErp(opened.id)).toBe(1);
      const number = sent.erpServiceOrderNumber!;

      // The workshop receives the unit; as its records tell, that was nine days ago.
      expect((await erpAdmin('POST', `/admin/serviceOrders/${number}/advance`, { steps: 1 })).status).toBe('RECEIVED');
      const received = await erpAdmin('GET', `/admin/records/serviceOrders/${number}`);
      const receivedAt = new Date(Date.now() - 9 * DAY).toISOString();
      await erpAdmin('POST', '/admin/records/serviceOrders', {
        ...received, receivedAt, history: received.history.map((h: { status?: string }) => (h.status === 'RECEIVED' ? { ...h, at: receivedAt } : h)),
      });
      // Still in the workshop: the days so far count already.
      await syncNow('serviceOrders');
      const inWorkshop = await serviceRequest(opened.id);
      expect(inWorkshop).toMatchObject({ status: 'RECEIVED', receivedAt, daysInService: calendarDays(receivedAt, new Date().toISOString()) });

      // Diagnosed, repaired (parts and labour) and shipped back.
      expect((await erpAdmin('POST', `/admin/serviceOrders/${number}/advance`, { steps: 3 })).status).toBe('SHIPPED_BACK');
      await syncNow('serviceOrders');
      const back = await serviceRequest(opened.id);
      const erpRecord = await erpAdmin('GET', `/admin/records/serviceOrders/${number}`);
      const days = calendarDays(erpRecord.receivedAt, erpRecord.shippedBackAt);
      expect(days).toBeGreaterThanOrEqual(9);
      expect(back).toMatchObject({ status: 'SHIPPED_BACK', receivedAt, shippedBackAt: erpRecord.shippedBackAt, daysInService: days });
      expect(back.repairHistory.map((h) => h.kind)).toEqual(['STATUS', 'STATUS', 'DIAGNOSIS', 'STATUS', 'PARTS', 'LABOUR', 'STATUS', 'STATUS']);
      expect(back.repairHistory.map((h) => h.status).filter(Boolean)).toEqual(['AWAITING_GOODS', 'RECEIVED', 'IN_REPAIR', 'REPAIRED', 'SHIPPED_BACK']);
      const parts = back.repairHistory.find((h) => h.kind === 'PARTS')!;
      expect(parts.partNumber).toBeTruthy();
      expect(Number(parts.quantity)).toBeGreaterThan(0);
      expect(Number(back.repairHistory.find((h) => h.kind === 'LABOUR')!.hours)).toBeGreaterThan(0);

      // The warranty end moves by the days in service.
      const purchase = (withWarranty.note.deliveredAt ?? withWarranty.note.shippedAt).slice(0, 10);
      const now = (await registered()).find((p) => p.id === unit.id)!;
      expect(now).toMatchObject({ daysInService: days, warrantyEndsOn: expectedEnd(purchase, withWarranty.months, days) });
      expect(now.serviceRequests.map((r) => r.id)).toEqual([opened.id]);

      // The customer has it back; a second close is outside the machine.
      expect((await closeRequest(opened.id)).closeServiceRequest.status).toBe('CLOSED');
      expect((await failure(closeRequest(opened.id))).codes).toEqual(['CONFLICT']);
      // A status older than the request's is not taken from the ERP.
      await erpAdmin('POST', '/admin/records/serviceOrders', { ...erpRecord, status: 'IN_REPAIR' });
      await syncNow('serviceOrders');
      expect((await serviceRequest(opened.id)).status).toBe('CLOSED');
      // Still exactly one service order in the ERP for the request.
      expect(await acceptedByErp(opened.id)).toBe(1);

      await subscription.until((s) => s.results.some((r) => r.data?.serviceRequestChanged?.status === 'CLOSED'), 15_000);
      const heard = subscription.results.map((r) => r.data?.serviceRequestChanged);
      for (const status of ['RECEIVED', 'SHIPPED_BACK', 'CLOSED']) expect(heard.map((h) => h?.status)).toContain(status);
      expect(heard.some((h) => h?.erpServiceOrderNumber === number && h?.repairHistory.some((e: { kind: string }) => e.kind === 'DIAGNOSIS'))).toBe(true);
      expect(stranger.results.filter((r) => r.data?.serviceRequestChanged)).toEqual([]);
    } finally {
      subscription.unsubscribe();
      stranger.unsubscribe();
    }
  });

  it('sends a request opened while the ERP is down exactly once when it is back', async () => {
    const taken = new Set((await registered()).map((p) => p.serialNumber));
    const spare = units.find((u) => !taken.has(u.serial));
    if (!spare) throw new Error('the company has no third tracked unit');
    const third = await register(buyer.email, { serialNumber: spare.serial, deliveryNoteNumber: spare.note.number });
    await erpAdmin('POST', '/admin/faults', { outage: true });
    const opened = await openRequest(third.id, 'Does not charge.');
    await eventually(async () => {
      const m = (await outboxMessages()).find((o) => o.key === opened.id);
      return m && m.source === 'finance' && m.topic === 'service.requested' && m.status === 'PENDING' && m.attempts >= 1 && /TRANSIENT/.test(m.lastError ?? '');
    }, 30_000, 'a failed attempt during the outage');
    expect((await serviceRequest(opened.id)).erpServiceOrderNumber).toBeNull();
    expect(await acceptedByErp(opened.id)).toBe(0);

    await erpAdmin('DELETE', '/admin/faults');
    const sent = await eventually(async () => {
      const r = await serviceRequest(opened.id);
      return r.erpServiceOrderNumber ? r : undefined;
    }, 60_000, 'delivery after the outage');
    expect(sent).toMatchObject({ status: 'OPENED', statusReason: null });
    expect(await acceptedByErp(opened.id)).toBe(1);
  });
});
