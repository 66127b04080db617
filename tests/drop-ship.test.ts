import { as, demo, failure, tokenFor } from './support/hub-client';
import { directSubgraphClient } from './support/direct-subgraph';
import { erpAdmin, eventually } from './support/staff-client';
import { freshCompany, FreshCompany, key, syncNow, TestUser } from './support/ordering';

/**
 * Drop-shipping (S3) through the gateway against the demo ERP: a buyer assigns a product group to
 * the supplier that ships it (the ERP is told once); a customer's order with such a line is routed
 * by the ERP to that supplier as a drop-ship order carrying the delivery address and nothing else
 * of the customer; the supplier confirms it and reports the parcel (to the ERP once); the customer
 * sees the parcel on its order's delivery notes. Another supplier gets NOT_FOUND; bad input its code.
 */

const BUYER = 'purchasing@hub.example';
const FASTENIX = 'klaus@fastenix.example';
const POWERDRIVE = 'priya@powerdrive.example';
const powerDrive = demo.suppliers[1];
/** Cordless drills (the ERP's product group CD) go straight from PowerDrive; hex bolts from our warehouse. */
const GROUP = 'CD';
const drill = demo.products.find((p) => p.sku.startsWith('CD-') && p.minOrderQuantity === 1)!;
const bolts = demo.products.find((p) => p.sku.startsWith('HB-') && p.minOrderQuantity === 1)!;

const DROP_SHIP_FIELDS = 'id number status deliveryAddress { name street postalCode city country } lines { lineNo sku quantity } carrier parcelNumber confirmedAt shippedAt deliveryNumber statusReason supplier { id }';
interface DropShip {
  id: string; number: string; status: string; deliveryAddress: Record<string, string>; lines: Array<{ lineNo: number; sku: string; quantity: string }>;
  carrier: string | null; parcelNumber: string | null; deliveryNumber: string | null; statusReason: string | null; supplier: { id: string };
}

const assign = (email: string, productGroup: string, supplierId: string | null) => as(email).then((api) => api.request<{ assignDropShipSupplier: { productGroup: string; productGroupName: string | null; inErpSince: string | null; supplier: { id: string } | null } }>(
  'mutation($g: String!, $s: ID) { assignDropShipSupplier(productGroup: $g, supplierId: $s) { productGroup productGroupName inErpSince supplier { id } } }', { g: productGroup, s: supplierId }));
const acceptedByErp = async (key: string): Promise<number> => (await erpAdmin('GET', '/admin/stats')).dropShipAssignments.acceptedByKey[key] ?? 0;
const routing = async (): Promise<Record<string, string>> => (await erpAdmin('GET', '/admin/stats')).dropShipAssignments.routing;
const dropShipOrders = async (email: string): Promise<DropShip[]> => (await (await as(email)).request<{ dropShipOrders: DropShip[] }>(`{ dropShipOrders(first: 200) { ${DROP_SHIP_FIELDS} } }`)).dropShipOrders;
const dropShipOrder = async (email: string, id: string): Promise<DropShip> => (await (await as(email)).request<{ dropShipOrder: DropShip }>(`query($id: ID!) { dropShipOrder(id: $id) { ${DROP_SHIP_FIELDS} } }`, { id })).dropShipOrder;

describe('drop-shipping through the gateway', () => {
  let company: FreshCompany;
  let customer: TestUser;
  let orderId: string;
  let erpOrderNumber: string;
  let routed: DropShip;

  beforeAll(async () => {
    expect(drill).toBeDefined();
    expect(bolts).toBeDefined();
    // The product groups come from the ERP's categories.
    await syncNow('categories');
    company = await freshCompany('Dropship');
    customer = await company.coworker('buyer', { roles: ['BUYER'] });
  });

  afterAll(async () => {
    // Cordless drills ship from our warehouse again for the other tests.
    await assign(BUYER, GROUP, null).catch(() => undefined);
  });

  it('refuses bad assignments with their codes and tells the ERP nothing', async () => {
    const before = await routing();
    expect((await failure(assign(BUYER, 'NO-SUCH-GROUP', powerDrive.id))).fields).toEqual(['productGroup']);
    expect((await failure(assign(BUYER, ' ', powerDrive.id))).codes).toEqual(['BAD_USER_INPUT']);
    expect((await failure(assign(BUYER, GROUP, 'not-a-uuid'))).codes).toEqual(['BAD_USER_INPUT']);
    expect((await failure(assign(BUYER, GROUP, '55555555-5555-4555-8555-555555555555'))).codes).toEqual(['NOT_FOUND']);
    expect((await failure(assign(POWERDRIVE, GROUP, powerDrive.id))).codes).toEqual(['FORBIDDEN']);
    expect((await failure(assign('orders@hub.example', GROUP, powerDrive.id))).codes).toEqual(['FORBIDDEN']);
    expect(await routing()).toEqual(before);
  });

  it('assigns the product group to the supplier; the ERP routes by it once it has it', async () => {
    const { assignDropShipSupplier } = await assign(BUYER, GROUP, powerDrive.id);
    expect(assignDropShipSupplier).toMatchObject({ productGroup: GROUP, productGroupName: 'Cordless drills', supplier: { id: powerDrive.id } });
    await eventually(async () => (await routing())[GROUP] === powerDrive.erpNumber || undefined, 30_000, 'the ERP to route the group');
    // The hub records when the ERP took it (the acknowledgement commits just after the ERP answered).
    const assignment = await eventually(async () => {
      const { dropShipAssignments } = await (await as(BUYER)).request<{ dropShipAssignments: Array<{ productGroup: string; inErpSince: string | null; supplier: { id: string } }> }>(
        '{ dropShipAssignments { productGroup inErpSince supplier { id } } }');
      const found = dropShipAssignments.find((a) => a.productGroup === GROUP);
      return found?.inErpSince ? found : undefined;
    }, 20_000, 'the assignment acknowledged');
    expect(assignment).toMatchObject({ supplier: { id: powerDrive.id }, inErpSince: expect.any(String) });
    expect(await acceptedByErp(`${GROUP}:v1`)).toBe(1);
    expect((await failure((await as(FASTENIX)).request('{ dropShipAssignments { productGroup } }'))).codes).toEqual(['FORBIDDEN']);
  });

  it("routes the customer's drill line to the supplier with the delivery address and nothing else of the customer", async () => {
    const { placeOrder } = await customer.api.request<{ placeOrder: { id: string } }>(
      'mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }', { i: { idempotencyKey: key(), lines: [{ productId: bolts.id, quantity: 3 }, { productId: drill.id, quantity: 2 }] } });
    orderId = placeOrder.id;
    erpOrderNumber = await eventually(async () => {
      const { order } = await customer.api.request<{ order: { erpNumber: string | null } }>('query($id: ID!) { order(id: $id) { erpNumber } }', { id: orderId });
      return order.erpNumber ?? undefined;
    }, 30_000, 'the ERP order number');
    const erpOrder = await erpAdmin('GET', `/admin/records/orders/${erpOrderNumber}`);
    const drillLine = erpOrder.lines.find((l: { sku: string }) => l.sku === drill.sku);
    expect(drillLine).toMatchObject({ dropShipSupplierNumber: powerDrive.erpNumber, warehouseCode: null });
    expect(erpOrder.lines.find((l: { sku: string }) => l.sku === bolts.sku).dropShipSupplierNumber ?? null).toBeNull();

    await syncNow('dropShipOrders');
    const erpCustomer = await erpAdmin('GET', `/admin/records/customers/${company.erpNumber}`);
    const address = erpCustomer.deliveryAddresses[0];
    routed = await eventually(async () => (await dropShipOrders(POWERDRIVE)).find((d) => d.lines.some((l) => l.sku === drill.sku) && d.deliveryAddress.street === address.street), 20_000, 'the drop-ship order');
    expect(routed).toMatchObject({
      status: 'OPEN', supplier: { id: powerDrive.id }, lines: [{ lineNo: drillLine.lineNo, sku: drill.sku, quantity: '2' }],
      deliveryAddress: { name: address.name, street: address.street, postalCode: address.postalCode, city: address.city, country: address.country },
      carrier: null, parcelNumber: null, deliveryNumber: null,
    });
    // Nothing else of the customer: neither its number, its order, its e-mail, nor any price, in the hub's view or the ERP's record.
    const erpRecord = await erpAdmin('GET', `/admin/records/dropShipOrders/${routed.number}`);
    expect(Object.keys(erpRecord).sort()).toEqual(['carrier', 'createdAt', 'deliveryAddress', 'dropShipOrderNumber', 'key', 'lines', 'parcelNumber', 'shippedAt', 'status', 'supplierNumber']);
    for (const text of [JSON.stringify(routed), JSON.stringify(erpRecord)]) {
      for (const secret of [company.erpNumber, erpOrderNumber, orderId, company.admin.email, customer.email, drillLine.unitPrice]) expect(text).not.toContain(secret);
    }
  });

  it("keeps the drop-ship order from another supplier: NOT_FOUND on the query, the mutations and _entities", async () => {
    expect((await dropShipOrders(FASTENIX)).map((d) => d.id)).not.toContain(routed.id);
    expect((await failure(dropShipOrder(FASTENIX, routed.id))).codes).toEqual(['NOT_FOUND']);
    expect((await failure((await as(FASTENIX)).request('mutation($id: ID!) { confirmDropShipOrder(id: $id) { id } }', { id: routed.id }))).codes).toEqual(['NOT_FOUND']);
    const direct = directSubgraphClient('suppliers', await tokenFor(FASTENIX));
    expect((await failure(direct.request('query($r: [_Any!]!) { _entities(representations: $r) { ... on DropShipOrder { id deliveryAddress { street } } } }', { r: [{ __typename: 'DropShipOrder', id: routed.id }] }))).codes).toEqual(['NOT_FOUND']);
    // The customer is no supplier: NOT_FOUND too; the buyer sees it.
    expect((await failure(customer.api.request('query($id: ID!) { dropShipOrder(id: $id) { id } }', { id: routed.id }))).codes).toEqual(['NOT_FOUND']);
    expect((await dropShipOrder(BUYER, routed.id)).id).toBe(routed.id);
  });

  it('lets the supplier confirm and report the parcel; the ERP gets it once and the customer sees it on the order', async () => {
    const report = (parcelNumber: string, email = POWERDRIVE) => as(email).then((api) => api.request<{ reportDropShipment: DropShip }>(
      `mutation($id: ID!, $c: String!, $p: String!) { reportDropShipment(id: $id, carrier: $c, parcelNumber: $p) { ${DROP_SHIP_FIELDS} } }`, { id: routed.id, c: 'DHL Express', p: parcelNumber }));
    // Shipping before confirming is outside the machine; a bad parcel number is bad input.
    expect((await failure(report('JD0146000033'))).codes).toEqual(['CONFLICT']);
    const confirmed = (await (await as(POWERDRIVE)).request<{ confirmDropShipOrder: DropShip }>('mutation($id: ID!) { confirmDropShipOrder(id: $id) { status } }', { id: routed.id })).confirmDropShipOrder;
    expect(confirmed.status).toBe('CONFIRMED');
    expect((await failure((await as(POWERDRIVE)).request('mutation($id: ID!) { confirmDropShipOrder(id: $id) { status } }', { id: routed.id }))).codes).toEqual(['CONFLICT']);
    expect((await failure(report('no spaces allowed'))).fields).toEqual(['parcelNumber']);
    expect((await failure(report('JD0146000033', BUYER))).codes).toEqual(['FORBIDDEN']);

    const shipped = (await report('JD0146000033')).reportDropShipment;
    expect(shipped).toMatchObject({ status: 'SHIPPED', carrier: 'DHL Express', parcelNumber: 'JD0146000033' });
    expect((await failure(report('JD0146000034'))).codes).toEqual(['CONFLICT']);
    const delivered = await eventually(async () => {
      const d = await dropShipOrder(POWERDRIVE, routed.id);
      return d.deliveryNumber ? d : undefined;
    }, 30_000, "the ERP's delivery note for the parcel");
    expect((await erpAdmin('GET', '/admin/stats')).dropShipments.acceptedByKey[routed.id]).toBe(1);
    expect(await erpAdmin('GET', `/admin/records/dropShipOrders/${routed.number}`)).toMatchObject({ status: 'SHIPPED', carrier: 'DHL Express', parcelNumber: 'JD0146000033' });

    // The customer sees the parcel like any shipment: a delivery note of its order with carrier and tracking number, for the drill line only.
    const { order } = await customer.api.request<{ order: { deliveryNotes: Array<{ number: string; carrier: string; trackingNumber: string; lines: Array<{ sku: string; quantity: string }> }> } }>(
      'query($id: ID!) { order(id: $id) { deliveryNotes { number carrier trackingNumber lines { sku quantity } } } }', { id: orderId });
    expect(order.deliveryNotes).toContainEqual({ number: delivered.deliveryNumber, carrier: 'DHL Express', trackingNumber: 'JD0146000033', lines: [{ sku: drill.sku, quantity: '2' }] });
    // ...and a shipment of the order, on its way with the supplier's carrier to the delivery address (the hub's carrier does not take it).
    const { order: withShipments } = await customer.api.request<{ order: { shipments: Array<{ deliveryNoteNumber: string; status: string; carrier: string | null; parcelNumber: string | null; consignee: Record<string, string> }> } }>(
      'query($id: ID!) { order(id: $id) { shipments { deliveryNoteNumber status carrier parcelNumber consignee { name street postalCode city country } } } }', { id: orderId });
    expect(withShipments.shipments).toContainEqual({
      deliveryNoteNumber: delivered.deliveryNumber, status: 'IN_TRANSIT', carrier: 'DHL Express', parcelNumber: 'JD0146000033', consignee: routed.deliveryAddress,
    });
    // The ERP's own shipment of the order leaves the drill out.
    const erpOrder = await erpAdmin('POST', `/admin/orders/${erpOrderNumber}/advance`, { steps: 2 });
    expect(erpOrder.status).toBe('SHIPPED');
    const ownNote = await erpAdmin('GET', `/admin/records/deliveryNotes/DN-${erpOrderNumber.replace(/^SO-/, '')}`);
    expect(ownNote.lines.map((l: { sku: string }) => l.sku)).toEqual([bolts.sku]);
  });
});
