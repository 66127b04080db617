import { as, demo, demoUser, failure, tokenFor } from './support/hub-client';
import { RecordedSubscription, wsClient } from './support/subscription-client';
import { directSubgraphClient } from './support/direct-subgraph';
import { erpAdmin, eventually } from './support/staff-client';
import { freshCompany, syncNow } from './support/ordering';

/**
 * Purchasing with suppliers (S1, S2, P6) through the gateway against the demo ERP: a buyer sends
 * an RFQ to two suppliers, each answers in its own view (partly, and changes its answer), the buyer
 * compares per line and orders one PO per supplier; a PO reaches the ERP exactly once, the supplier
 * proposes a change, the buyer accepts it and the agreement reaches the ERP; the ERP's receipt comes
 * back. A supplier never sees another supplier's RFQs, answers or POs (NOT_FOUND, also through
 * `_entities`); every bad input gets its code and changes nothing.
 */

const BUYER = 'purchasing@hub.example';
const FASTENIX = 'klaus@fastenix.example';
const POWERDRIVE = 'priya@powerdrive.example';
const fastenix = demo.suppliers[0];
const powerDrive = demo.suppliers[1];
const DAY = 86_400_000;

/** A product both suppliers sell us, and one only PowerDrive of the two does. */
const suppliedBy = (supplierId: string) => new Set(demo.supplierProducts.filter((sp) => sp.supplierId === supplierId).map((sp) => sp.productId));
const both = demo.products.find((p) => suppliedBy(fastenix.id).has(p.id) && suppliedBy(powerDrive.id).has(p.id))!;
const onlyPowerDrive = demo.products.find((p) => suppliedBy(powerDrive.id).has(p.id) && !suppliedBy(fastenix.id).has(p.id) && p.id !== both.id)!;

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

const RFQ_FIELDS = `id number title status acceptsAnswers deliveryDate currency lines { lineNo sku quantity product { id } } suppliers { id name }
  answers { lineNo leadTimeDays conditions unitPrice { amount currency } supplier { id } }`;
const COMPARISON = `comparison { lineNo answers { supplier { id } unitPrice { amount } leadTimeDays } cheapest { supplier { id } unitPrice { amount } } fastest { supplier { id } leadTimeDays } }`;
const PO_FIELDS = `id number status erpNumber statusReason currency rfqId supplier { id name }
  lines { lineNo sku quantity deliveryDate status receivedQuantity unitPrice { amount currency } lineTotal { amount } proposal { quantity deliveryDate note unitPrice { amount } } }
  timeline { kind lineNo by text }`;

interface Answer { lineNo: number; leadTimeDays: number; conditions: string | null; unitPrice: { amount: string; currency: string }; supplier: { id: string } }
interface Rfq { id: string; number: string; status: string; acceptsAnswers: boolean; lines: Array<{ lineNo: number; sku: string; quantity: string }>; suppliers: Array<{ id: string }>; answers: Answer[] }
interface PoLine { lineNo: number; sku: string; quantity: string; deliveryDate: string; status: string; receivedQuantity: string; unitPrice: { amount: string }; lineTotal: { amount: string }; proposal: { quantity: string; deliveryDate: string; note: string | null; unitPrice: { amount: string } } | null }
interface Po { id: string; number: string; status: string; erpNumber: string | null; statusReason: string | null; rfqId: string | null; supplier: { id: string }; lines: PoLine[]; timeline: Array<{ kind: string; lineNo: number | null; by: string; text: string }> }

async function createRfq(email: string, input: Record<string, unknown>): Promise<Rfq> {
  return (await (await as(email)).request<{ createRfq: Rfq }>(`mutation($i: CreateRfqInput!) { createRfq(input: $i) { ${RFQ_FIELDS} } }`, { i: input })).createRfq;
}
async function answer(email: string, rfqId: string, lines: Array<Record<string, unknown>>): Promise<Rfq> {
  return (await (await as(email)).request<{ answerRfq: Rfq }>(`mutation($id: ID!, $l: [RfqAnswerInput!]!) { answerRfq(rfqId: $id, lines: $l) { ${RFQ_FIELDS} } }`, { id: rfqId, l: lines })).answerRfq;
}
async function rfq(email: string, id: string): Promise<Rfq> {
  return (await (await as(email)).request<{ rfq: Rfq }>(`query($id: ID!) { rfq(id: $id) { ${RFQ_FIELDS} } }`, { id })).rfq;
}
async function po(email: string, id: string): Promise<Po> {
  return (await (await as(email)).request<{ purchaseOrder: Po }>(`query($id: ID!) { purchaseOrder(id: $id) { ${PO_FIELDS} } }`, { id })).purchaseOrder;
}
const rfqCount = async () => (await (await as(BUYER)).request<{ rfqs: unknown[] }>('{ rfqs(first: 200) { id } }')).rfqs.length;
const poCount = async () => (await (await as(BUYER)).request<{ purchaseOrders: unknown[] }>('{ purchaseOrders(first: 200) { id } }')).purchaseOrders.length;
const acceptedByErp = async (collection: string, key: string): Promise<number> => (await erpAdmin('GET', '/admin/stats'))[collection]?.acceptedByKey?.[key] ?? 0;

/** `_entities` straight at the suppliers subgraph, as the gateway would ask it. */
async function entity(email: string, type: string, id: string) {
  const direct = directSubgraphClient('suppliers', await tokenFor(email));
  return failure(direct.request(`query($r: [_Any!]!) { _entities(representations: $r) { ... on ${type} { id } } }`, { r: [{ __typename: type, id }] }));
}

describe('purchasing with suppliers through the gateway', () => {
  const validRfq = () => ({
    title: 'Drill bits and batteries for the spring campaign', deliveryDate: day(30), deadline: new Date(Date.now() + 3 * 60_000).toISOString(), currency: 'EUR',
    supplierIds: [fastenix.id, powerDrive.id], lines: [{ productId: both.id, quantity: '40' }, { productId: onlyPowerDrive.id, quantity: '12.5' }],
  });
  let main: Rfq;

  it('has demo products to ask for', () => {
    expect(both).toBeDefined();
    expect(onlyPowerDrive).toBeDefined();
  });

  it('refuses bad RFQs with their codes and creates none', async () => {
    const before = await rfqCount();
    const codeOf = async (email: string, patch: Record<string, unknown>) => {
      const f = await failure(createRfq(email, { ...validRfq(), ...patch }));
      return [f.codes[0], f.fields[0]];
    };
    expect(await codeOf(BUYER, { deadline: new Date(Date.now() - 1000).toISOString() })).toEqual(['BAD_USER_INPUT', 'deadline']);
    expect(await codeOf(BUYER, { deadline: new Date(Date.now() + 60 * DAY).toISOString() })).toEqual(['BAD_USER_INPUT', 'deadline']);
    expect(await codeOf(BUYER, { deliveryDate: '2020-01-01' })).toEqual(['BAD_USER_INPUT', 'deliveryDate']);
    expect(await codeOf(BUYER, { deliveryDate: '2026-02-30' })).toEqual(['BAD_USER_INPUT', 'deliveryDate']);
    expect(await codeOf(BUYER, { supplierIds: [] })).toEqual(['BAD_USER_INPUT', 'supplierIds']);
    expect((await codeOf(BUYER, { supplierIds: ['11111111-1111-4111-8111-111111111111'] }))[0]).toBe('NOT_FOUND');
    expect(await codeOf(BUYER, { lines: [{ productId: both.id, quantity: '0' }] })).toEqual(['BAD_USER_INPUT', 'quantity']);
    expect(await codeOf(BUYER, { lines: [{ productId: both.id, quantity: '1' }, { productId: both.id, quantity: '2' }] })).toEqual(['BAD_USER_INPUT', 'lines']);
    expect(await codeOf(BUYER, { lines: [{ productId: '22222222-2222-4222-8222-222222222222', quantity: '1' }] })).toEqual(['BAD_USER_INPUT', 'productId']);
    expect(await codeOf(BUYER, { title: '  ' })).toEqual(['BAD_USER_INPUT', 'title']);
    // Only buyers send RFQs: a supplier user, a customer, and staff without staff.purchasing are refused.
    expect((await codeOf(FASTENIX, {}))[0]).toBe('FORBIDDEN');
    expect((await codeOf(demoUser(0, 'customer admin').email, {}))[0]).toBe('FORBIDDEN');
    expect((await codeOf('orders@hub.example', {}))[0]).toBe('FORBIDDEN');
    expect(await rfqCount()).toBe(before);
  });

  it('sends an RFQ to two suppliers; each answers in its own view, partly, and changes its answer', async () => {
    main = await createRfq(BUYER, validRfq());
    expect(main).toMatchObject({ status: 'OPEN', acceptsAnswers: true, answers: [] });
    expect(main.lines.map((l) => [l.lineNo, l.sku, l.quantity])).toEqual([[1, both.sku, '40'], [2, onlyPowerDrive.sku, '12.5']]);
    expect(main.suppliers.map((s) => s.id).sort()).toEqual([fastenix.id, powerDrive.id].sort());

    // Fastenix answers line 1 only (a partial answer), then improves it; PowerDrive answers both.
    await answer(FASTENIX, main.id, [{ lineNo: 1, unitPrice: '10.5000', leadTimeDays: 6, conditions: 'Ex works' }]);
    const changed = await answer(FASTENIX, main.id, [{ lineNo: 1, unitPrice: '10.20', leadTimeDays: 4, conditions: 'Free delivery above 500 EUR' }]);
    await answer(POWERDRIVE, main.id, [{ lineNo: 1, unitPrice: '9.95', leadTimeDays: 12 }, { lineNo: 2, unitPrice: '21.40', leadTimeDays: 3, conditions: null }]);

    // A supplier sees the request, its own supplier and its own answers, nothing of the other's.
    expect(changed.suppliers).toEqual([{ id: fastenix.id, name: fastenix.name }]);
    const klausView = await rfq(FASTENIX, main.id);
    expect(klausView.answers).toEqual([{ lineNo: 1, leadTimeDays: 4, conditions: 'Free delivery above 500 EUR', unitPrice: { amount: '10.20', currency: 'EUR' }, supplier: { id: fastenix.id } }]);
    expect(klausView.suppliers.map((s) => s.id)).toEqual([fastenix.id]);
    const priyaView = await rfq(POWERDRIVE, main.id);
    expect(priyaView.answers.map((a) => [a.lineNo, a.supplier.id])).toEqual([[1, powerDrive.id], [2, powerDrive.id]]);
    // The side-by-side comparison is the buyer's: a supplier gets null with FORBIDDEN.
    const peek = await failure((await as(FASTENIX)).request(`query($id: ID!) { rfq(id: $id) { id ${COMPARISON} } }`, { id: main.id }));
    expect([peek.codes, (peek.data as any).rfq.comparison]).toEqual([['FORBIDDEN'], null]);
    expect((await (await as(FASTENIX)).request<{ rfqs: Array<{ id: string }> }>('{ rfqs { id } }')).rfqs.map((r) => r.id)).toContain(main.id);
  });

  it('refuses bad answers with their codes and stores none', async () => {
    const bad = async (email: string, lines: Array<Record<string, unknown>>, id = main.id) => {
      const f = await failure(answer(email, id, lines));
      return [f.codes[0], f.fields[0]];
    };
    expect(await bad(FASTENIX, [{ lineNo: 9, unitPrice: '1', leadTimeDays: 1 }])).toEqual(['BAD_USER_INPUT', 'lineNo']);
    expect(await bad(FASTENIX, [{ lineNo: 2, unitPrice: '-1', leadTimeDays: 1 }])).toEqual(['BAD_USER_INPUT', 'unitPrice']);
    expect(await bad(FASTENIX, [{ lineNo: 2, unitPrice: '1.12345', leadTimeDays: 1 }])).toEqual(['BAD_USER_INPUT', 'unitPrice']);
    expect(await bad(FASTENIX, [{ lineNo: 2, unitPrice: '1', leadTimeDays: -2 }])).toEqual(['BAD_USER_INPUT', 'leadTimeDays']);
    expect((await bad(BUYER, [{ lineNo: 2, unitPrice: '1', leadTimeDays: 1 }]))[0]).toBe('FORBIDDEN');
    expect((await bad(FASTENIX, [{ lineNo: 2, unitPrice: '1', leadTimeDays: 1 }], '33333333-3333-4333-8333-333333333333'))[0]).toBe('NOT_FOUND');
    expect((await rfq(FASTENIX, main.id)).answers.map((a) => a.lineNo)).toEqual([1]);
  });

  it("keeps another supplier's RFQ from a supplier user: NOT_FOUND on the query, the answer and _entities", async () => {
    const theirs = await createRfq(BUYER, { ...validRfq(), title: 'PowerDrive only', supplierIds: [powerDrive.id] });
    expect((await failure(rfq(FASTENIX, theirs.id))).codes).toEqual(['NOT_FOUND']);
    expect((await failure(answer(FASTENIX, theirs.id, [{ lineNo: 1, unitPrice: '1', leadTimeDays: 1 }]))).codes).toEqual(['NOT_FOUND']);
    expect((await entity(FASTENIX, 'Rfq', theirs.id)).codes).toEqual(['NOT_FOUND']);
    expect((await (await as(FASTENIX)).request<{ rfqs: Array<{ id: string }> }>('{ rfqs { id } }')).rfqs.map((r) => r.id)).not.toContain(theirs.id);
    // Customers see no RFQ either; the invited supplier and the buyer do (positive controls).
    expect((await failure(rfq(demoUser(0, 'customer admin').email, theirs.id))).codes).toEqual(['NOT_FOUND']);
    expect((await rfq(POWERDRIVE, theirs.id)).id).toBe(theirs.id);
    const own = directSubgraphClient('suppliers', await tokenFor(POWERDRIVE));
    expect((await own.request<{ _entities: unknown[] }>('query($r: [_Any!]!) { _entities(representations: $r) { ... on Rfq { id } } }', { r: [{ __typename: 'Rfq', id: theirs.id }] }))._entities).toEqual([{ id: theirs.id }]);
    await (await as(BUYER)).request('mutation($id: ID!) { cancelRfq(id: $id) { status } }', { id: theirs.id });
    expect((await failure(answer(POWERDRIVE, theirs.id, [{ lineNo: 1, unitPrice: '1', leadTimeDays: 1 }]))).codes).toEqual(['CONFLICT']);
  });

  it('refuses an answer after the deadline with CONFLICT (reason DEADLINE_PASSED)', async () => {
    const short = await createRfq(BUYER, { ...validRfq(), title: 'Short deadline', deadline: new Date(Date.now() + 2500).toISOString() });
    await answer(FASTENIX, short.id, [{ lineNo: 1, unitPrice: '11', leadTimeDays: 5 }]);
    await eventually(async () => !(await rfq(BUYER, short.id)).acceptsAnswers, 20_000, 'the deadline to pass');
    const late = await failure(answer(FASTENIX, short.id, [{ lineNo: 1, unitPrice: '10', leadTimeDays: 5 }]));
    expect([late.codes, late.extensions[0].reason]).toEqual([['CONFLICT'], 'DEADLINE_PASSED']);
    expect((await rfq(FASTENIX, short.id)).answers.map((a) => a.unitPrice.amount)).toEqual(['11.00']);
  });

  let klausPo: Po;
  let priyaPo: Po;

  it('compares the answers per line (cheapest, fastest) and orders one PO per supplier from the chosen ones', async () => {
    const { rfq: compared } = await (await as(BUYER)).request<{ rfq: any }>(`query($id: ID!) { rfq(id: $id) { id ${COMPARISON} } }`, { id: main.id });
    const [line1, line2] = compared.comparison;
    expect(line1.answers.map((a: any) => a.supplier.id)).toEqual([powerDrive.id, fastenix.id]);
    expect([line1.cheapest.supplier.id, line1.cheapest.unitPrice.amount, line1.fastest.supplier.id, line1.fastest.leadTimeDays]).toEqual([powerDrive.id, '9.95', fastenix.id, 4]);
    expect([line2.cheapest.supplier.id, line2.fastest.supplier.id, line2.answers.length]).toEqual([powerDrive.id, powerDrive.id, 1]);

    const order = (choices: Array<Record<string, unknown>>) => as(BUYER).then((api) => api.request<{ orderFromRfq: Po[] }>(
      `mutation($id: ID!, $c: [RfqChoiceInput!]!) { orderFromRfq(rfqId: $id, choices: $c) { ${PO_FIELDS} } }`, { id: main.id, c: choices }));
    // A supplier that did not answer a line cannot be chosen for it; nothing is ordered.
    const before = await poCount();
    expect((await failure(order([{ lineNo: 2, supplierId: fastenix.id }]))).codes).toEqual(['BAD_USER_INPUT']);
    expect((await failure(order([{ lineNo: 1, supplierId: fastenix.id }, { lineNo: 1, supplierId: powerDrive.id }]))).codes).toEqual(['BAD_USER_INPUT']);
    expect((await failure((await as(POWERDRIVE)).request('mutation($id: ID!) { orderFromRfq(rfqId: $id, choices: [{ lineNo: 1, supplierId: "x" }]) { id } }', { id: main.id }))).codes).toEqual(['FORBIDDEN']);
    expect(await poCount()).toBe(before);

    // Line 1 from the fastest (Fastenix), line 2 from PowerDrive.
    const { orderFromRfq } = await order([{ lineNo: 1, supplierId: fastenix.id }, { lineNo: 2, supplierId: powerDrive.id }]);
    expect(orderFromRfq).toHaveLength(2);
    klausPo = orderFromRfq.find((p) => p.supplier.id === fastenix.id)!;
    priyaPo = orderFromRfq.find((p) => p.supplier.id === powerDrive.id)!;
    expect(klausPo).toMatchObject({ status: 'SENT', rfqId: main.id, currency: 'EUR' });
    expect(klausPo.lines).toEqual([expect.objectContaining({ lineNo: 1, sku: both.sku, quantity: '40', unitPrice: { amount: '10.20', currency: 'EUR' }, lineTotal: { amount: '408.00' }, status: 'OPEN', deliveryDate: day(30) })]);
    expect(priyaPo.lines).toEqual([expect.objectContaining({ sku: onlyPowerDrive.sku, quantity: '12.5', unitPrice: { amount: '21.40', currency: 'EUR' }, lineTotal: { amount: '267.50' } })]);
    expect(klausPo.timeline.map((e) => [e.kind, e.by])).toEqual([['SENT', 'BUYER']]);
    expect((await rfq(BUYER, main.id)).status).toBe('ORDERED');
    // An RFQ that was ordered takes no more answers.
    expect((await failure(answer(POWERDRIVE, main.id, [{ lineNo: 1, unitPrice: '9', leadTimeDays: 3 }]))).codes).toEqual(['CONFLICT']);
  });

  it('delivers each PO to the ERP exactly once, and shows a supplier its own POs only', async () => {
    const sent = await eventually(async () => {
      const p = await po(BUYER, klausPo.id);
      return p.erpNumber ? p : undefined;
    }, 30_000, 'the ERP purchase order number');
    expect(sent.erpNumber).toMatch(/^PO-\d+$/);
    expect(sent.timeline.map((e) => e.kind)).toEqual(['SENT', 'IN_ERP']);
    expect(await acceptedByErp('purchaseOrders', klausPo.id)).toBe(1);
    const record = await erpAdmin('GET', `/admin/records/purchaseOrders/${sent.erpNumber}`);
    expect(record).toMatchObject({ hubPurchaseOrderId: klausPo.id, supplierNumber: fastenix.erpNumber, status: 'OPEN', currency: 'EUR', lines: [expect.objectContaining({ sku: both.sku, quantity: '40', unitPrice: '10.2' })] });

    // Isolation: Fastenix sees its PO; PowerDrive's is NOT_FOUND to it, on the query and through _entities.
    expect((await po(FASTENIX, klausPo.id)).id).toBe(klausPo.id);
    expect((await failure(po(FASTENIX, priyaPo.id))).codes).toEqual(['NOT_FOUND']);
    expect((await entity(FASTENIX, 'PurchaseOrder', priyaPo.id)).codes).toEqual(['NOT_FOUND']);
    const { purchaseOrders } = await (await as(FASTENIX)).request<{ purchaseOrders: Array<{ id: string; supplier: { id: string } }> }>('{ purchaseOrders { id supplier { id } } }');
    expect(purchaseOrders.map((p) => p.id)).toContain(klausPo.id);
    expect(purchaseOrders.every((p) => p.supplier.id === fastenix.id)).toBe(true);
    expect((await failure(po(demoUser(0, 'buyer').email, klausPo.id))).codes).toEqual(['NOT_FOUND']);
  });

  it('lets the supplier propose a change the buyer accepts; the agreement reaches the ERP once and the incoming goods show in the availability promise', async () => {
    const propose = (email: string, change: Record<string, unknown>, lineNo = 1, id = klausPo.id) => as(email).then((api) => api.request<{ proposePurchaseOrderChange: Po }>(
      `mutation($id: ID!, $n: Int!, $c: PurchaseOrderChangeInput!) { proposePurchaseOrderChange(purchaseOrderId: $id, lineNo: $n, change: $c) { ${PO_FIELDS} } }`, { id, n: lineNo, c: change }));
    const decide = (email: string, accept: boolean, lineNo = 1, id = klausPo.id) => as(email).then((api) => api.request<{ decidePurchaseOrderChange: Po }>(
      `mutation($id: ID!, $n: Int!, $a: Boolean!) { decidePurchaseOrderChange(purchaseOrderId: $id, lineNo: $n, accept: $a, reason: "Too late for the campaign") { ${PO_FIELDS} } }`, { id, n: lineNo, a: accept }));

    // Bad proposals and decisions, each with its code, changing nothing.
    expect((await failure(propose(FASTENIX, { quantity: '40' }))).codes).toEqual(['BAD_USER_INPUT']);
    expect((await failure(propose(FASTENIX, { quantity: '-3' }))).fields).toEqual(['quantity']);
    expect((await failure(propose(FASTENIX, { deliveryDate: '2020-01-01' }))).fields).toEqual(['deliveryDate']);
    expect((await failure(propose(FASTENIX, { quantity: '41' }, 7))).codes).toEqual(['BAD_USER_INPUT']);
    expect((await failure(propose(BUYER, { quantity: '41' }))).codes).toEqual(['FORBIDDEN']);
    expect((await failure(propose(POWERDRIVE, { quantity: '41' }))).codes).toEqual(['NOT_FOUND']);
    expect((await failure(decide(BUYER, true))).codes).toEqual(['CONFLICT']);
    expect((await po(BUYER, klausPo.id)).status).toBe('SENT');

    // Both sides follow the order; another supplier hears nothing of it.
    const SUBSCRIBE = 'subscription($id: ID!) { purchaseOrderChanged(purchaseOrderId: $id) { status lines { status quantity } } }';
    const supplierSide = new RecordedSubscription(wsClient({ token: await tokenFor(FASTENIX) }), SUBSCRIBE, { id: klausPo.id });
    const buyerSide = new RecordedSubscription(wsClient({ token: await tokenFor(BUYER) }), SUBSCRIBE, { id: klausPo.id });
    const stranger = new RecordedSubscription(wsClient({ token: await tokenFor(POWERDRIVE) }), SUBSCRIBE, { id: klausPo.id });

    // The supplier proposes more and later; the buyer rejects, the supplier proposes again, the buyer accepts.
    const proposed = (await propose(FASTENIX, { quantity: '48', deliveryDate: day(35), note: 'Packed by 48' })).proposePurchaseOrderChange;
    expect(proposed.status).toBe('CHANGE_PROPOSED');
    expect(proposed.lines[0]).toMatchObject({ status: 'CHANGE_PROPOSED', quantity: '40', proposal: { quantity: '48', deliveryDate: day(35), note: 'Packed by 48', unitPrice: { amount: '10.20' } } });
    expect((await failure(decide(FASTENIX, true))).codes).toEqual(['FORBIDDEN']);
    const rejected = (await decide(BUYER, false)).decidePurchaseOrderChange;
    expect([rejected.status, rejected.lines[0].status, rejected.lines[0].quantity, rejected.lines[0].proposal]).toEqual(['SENT', 'OPEN', '40', null]);
    await propose(FASTENIX, { quantity: '48', deliveryDate: day(32) });
    const accepted = (await decide(BUYER, true)).decidePurchaseOrderChange;
    expect(accepted.status).toBe('CONFIRMED');
    expect(accepted.lines[0]).toMatchObject({ status: 'CONFIRMED', quantity: '48', deliveryDate: day(32), lineTotal: { amount: '489.60' }, proposal: null });
    // Settled: no more proposals.
    expect((await failure(propose(FASTENIX, { quantity: '50' }))).codes).toEqual(['CONFLICT']);
    try {
      for (const side of [supplierSide, buyerSide]) {
        await side.until((x) => x.results.some((r) => r.data?.purchaseOrderChanged?.status === 'CONFIRMED'), 15_000);
        expect(side.errors).toEqual([]);
        expect(side.results.find((r) => r.data?.purchaseOrderChanged?.status === 'CONFIRMED')!.data!.purchaseOrderChanged.lines).toEqual([{ status: 'CONFIRMED', quantity: '48' }]);
      }
      expect(stranger.results.filter((r) => r.data?.purchaseOrderChanged)).toEqual([]);
    } finally {
      for (const side of [supplierSide, buyerSide, stranger]) side.unsubscribe();
    }

    // Both sides see the same timeline.
    const kinds = ['SENT', 'IN_ERP', 'CHANGE_PROPOSED', 'CHANGE_REJECTED', 'CHANGE_PROPOSED', 'CHANGE_ACCEPTED', 'CONFIRMED'];
    expect((await po(FASTENIX, klausPo.id)).timeline.map((e) => e.kind).slice(0, kinds.length)).toEqual(kinds);
    expect((await po(BUYER, klausPo.id)).timeline.find((e) => e.kind === 'CHANGE_REJECTED')).toMatchObject({ by: 'BUYER', lineNo: 1, text: expect.stringContaining('Too late for the campaign') });

    // The agreement reaches the ERP once; the ERP's record now has the agreed line.
    const confirmed = await eventually(async () => {
      const p = await po(BUYER, klausPo.id);
      return p.timeline.some((e) => e.kind === 'CONFIRMED_IN_ERP') ? p : undefined;
    }, 30_000, 'the ERP to take the agreed lines');
    expect(await acceptedByErp('purchaseOrderConfirmations', `${klausPo.id}:confirmed`)).toBe(1);
    const record = await erpAdmin('GET', `/admin/records/purchaseOrders/${confirmed.erpNumber}`);
    expect(record).toMatchObject({ status: 'CONFIRMED', lines: [expect.objectContaining({ quantity: '48', deliveryDate: day(32), receivedQuantity: '0' })] });

    // The products subgraph keeps the ERP's open purchase-order line: 48 incoming on that day (staff see quantities).
    const incoming = async () => (await (await as('orders@hub.example')).request<{ product: { stock: { incoming: Array<{ expectedDate: string; quantity: string | null }>; availableFrom: string | null } } }>(
      'query($id: ID!) { product(id: $id) { stock { incoming { expectedDate quantity } availableFrom(quantity: 1) } } }', { id: both.id })).product.stock;
    const stock = await eventually(async () => {
      const s = await incoming();
      return s.incoming.some((i) => i.expectedDate === day(32) && i.quantity === '48') ? s : undefined;
    }, 30_000, 'the incoming purchase-order line on the product');
    expect(stock.availableFrom).toEqual(expect.any(String));
    // A customer sees the date but not the quantity (the default traffic-light policy): a company of this
    // file's own, since tests/catalog.test.ts sets the demo companies' policies while it runs.
    const customer = await freshCompany('Incoming');
    const { product } = await customer.admin.api.request<{ product: { stock: { incoming: Array<{ expectedDate: string; quantity: string | null }> } } }>(
      'query($id: ID!) { product(id: $id) { stock { incoming { expectedDate quantity } } } }', { id: both.id });
    expect(product.stock.incoming).toContainEqual({ expectedDate: day(32), quantity: null });

    // The ERP's warehouse receives the goods: the ERP is master now, the hub follows.
    await erpAdmin('POST', `/admin/purchaseOrders/${confirmed.erpNumber}/receive`, { quantities: { 1: '20' } });
    await syncNow('purchaseOrders');
    const partly = await po(FASTENIX, klausPo.id);
    expect([partly.status, partly.lines[0].receivedQuantity]).toEqual(['PARTLY_RECEIVED', '20']);
    await erpAdmin('POST', `/admin/purchaseOrders/${confirmed.erpNumber}/receive`, {});
    await syncNow('purchaseOrders');
    const received = await po(BUYER, klausPo.id);
    expect([received.status, received.lines[0].receivedQuantity]).toEqual(['RECEIVED', '48']);
    expect(received.timeline.filter((e) => e.kind === 'STATUS').map((e) => e.by)).toEqual(['ERP', 'ERP']);
    expect((await incoming()).incoming.some((i) => i.expectedDate === day(32) && i.quantity === '48')).toBe(false);
  }, 120_000);

  it('places a purchase order directly, confirmed by the supplier line by line', async () => {
    const create = (email: string, input: Record<string, unknown>) => as(email).then((api) => api.request<{ createPurchaseOrder: Po }>(
      `mutation($i: CreatePurchaseOrderInput!) { createPurchaseOrder(input: $i) { ${PO_FIELDS} } }`, { i: input }));
    const valid = { supplierId: powerDrive.id, currency: 'EUR', lines: [{ productId: onlyPowerDrive.id, quantity: '5', unitPrice: '19.9', deliveryDate: day(10) }, { productId: both.id, quantity: '2', unitPrice: '9.5', deliveryDate: day(12) }] };
    const before = await poCount();
    expect((await failure(create(BUYER, { ...valid, lines: [] }))).codes).toEqual(['BAD_USER_INPUT']);
    expect((await failure(create(BUYER, { ...valid, currency: 'euro' }))).fields).toEqual(['currency']);
    expect((await failure(create(BUYER, { ...valid, supplierId: '44444444-4444-4444-8444-444444444444' }))).codes).toEqual(['NOT_FOUND']);
    expect((await failure(create(POWERDRIVE, valid))).codes).toEqual(['FORBIDDEN']);
    expect(await poCount()).toBe(before);

    const placed = (await create(BUYER, valid)).createPurchaseOrder;
    expect([placed.status, placed.rfqId, placed.lines.map((l) => l.status)]).toEqual(['SENT', null, ['OPEN', 'OPEN']]);
    const confirm = (email: string, lineNos?: number[]) => as(email).then((api) => api.request<{ confirmPurchaseOrderLines: Po }>(
      `mutation($id: ID!, $n: [Int!]) { confirmPurchaseOrderLines(purchaseOrderId: $id, lineNos: $n) { ${PO_FIELDS} } }`, { id: placed.id, n: lineNos ?? null }));
    expect((await failure(confirm(FASTENIX))).codes).toEqual(['NOT_FOUND']);
    expect((await confirm(POWERDRIVE, [2])).confirmPurchaseOrderLines.status).toBe('SENT');
    expect((await failure(confirm(POWERDRIVE, [2]))).codes).toEqual(['CONFLICT']);
    const all = (await confirm(POWERDRIVE)).confirmPurchaseOrderLines;
    expect([all.status, all.lines.map((l) => l.status)]).toEqual(['CONFIRMED', ['CONFIRMED', 'CONFIRMED']]);
    // Whether the ERP had the order before the supplier confirmed or not, the agreement follows it there once.
    await eventually(async () => (await acceptedByErp('purchaseOrderConfirmations', `${placed.id}:confirmed`)) === 1 || undefined, 30_000, 'the confirmation in the ERP');
    expect(await acceptedByErp('purchaseOrders', placed.id)).toBe(1);
  });
});
