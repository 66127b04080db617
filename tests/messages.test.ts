import { as, demo, failure } from './support/hub-client';
import { bodyOf, caughtMail, CaughtMail } from './support/mail-catcher';
import { freshCompany, FreshCompany, key, TestUser } from './support/ordering';
import { eventually } from './support/staff-client';

const PLACE = 'mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id number status } }';
const LOG = `query($email: String, $ref: String) { messageLog(recipientEmail: $email, ref: $ref, first: 50) {
  ref topic template channel recipientAddress language subject status attempts lastResponse sentAt } }`;
const SET_PREFERENCE = 'mutation($u: ID, $c: String!, $e: Boolean!) { setNotificationPreference(userId: $u, category: $c, email: $e) { category email sms } }';

const ordered = new Set(demo.orders.flatMap((o) => o.lines.map((l) => l.productId)));
const products = demo.products.filter((p, i) => ![11, 47, 95, 23, 71, 131].includes(i) && p.minOrderQuantity === 1 && ordered.has(p.id) && Number(p.listPrice) < 20).slice(10, 20);

const mailsAbout = (email: string, orderNumber: string) => caughtMail(email).filter((m) => bodyOf(m).includes(orderNumber));

async function place(user: TestUser, quantity = 1) {
  return (await user.api.request<{ placeOrder: { id: string; number: string; status: string } }>(PLACE, { i: { idempotencyKey: key(), lines: [{ productId: products[0].id, quantity }] } })).placeOrder;
}

async function logOf(ref: string) {
  const staff = await as('admin@hub.example');
  return (await staff.request<{ messageLog: any[] }>(LOG, { ref })).messageLog;
}

describe('order notifications through the one sending place (G3, G5, C9)', () => {
  let company: FreshCompany;
  let buyer: TestUser;
  const brandName = `Nordic Test Supply ${Date.now()}`;

  beforeAll(async () => {
    const staff = await as('admin@hub.example');
    await staff.request('mutation($i: BrandingInput!) { updateBranding(input: $i) { name } }', {
      i: { name: brandName, primaryColor: '#123456', accentColor: '#abcdef', legalFooter: 'Nordic Test Supply AB · Testgatan 1 · 111 11 Stockholm', senderAddress: 'Nordic Test Supply <orders@nordic-test.example>', webUrl: 'https://shop.nordic-test.example' },
    });
    company = await freshCompany('Notify');
    buyer = await company.coworker('buyer', { roles: ['BUYER'] });
  });

  it('an order placed and then confirmed by the ERP each arrive once, branded, with the link to the order, and the log says ACCEPTED', async () => {
    const order = await place(company.admin);
    const placed = await eventually(async () => mailsAbout(company.admin.email, order.number)[0], 20_000, 'the order-placed mail');
    expect(placed.raw).toMatch(/Subject: Order W-\S+ received/);
    expect(placed.raw).toMatch(/From: Nordic Test Supply <orders@nordic-test\.example>/);
    const text = bodyOf(placed);
    expect(text).toContain(brandName);
    expect(text).toContain('Testgatan 1');
    expect(text).toContain(`https://shop.nordic-test.example/orders/${order.id}`);
    expect(text).toMatch(/background-color:#123456/i);
    // The ERP's receipt confirms it: one more mail, under the ERP's number.
    const [confirmed] = await eventually(async () => {
      const log = await logOf(`order:${order.id}:CONFIRMED`);
      return log[0]?.status === 'ACCEPTED' ? log : undefined;
    }, 30_000, 'the confirmation sent');
    expect(confirmed).toMatchObject({ topic: 'orderStatusChanged', template: 'order.confirmed', channel: 'EMAIL', recipientAddress: company.admin.email, language: 'en', attempts: 1 });
    expect(confirmed.subject).toMatch(/^Order SO-\d+ confirmed$/);
    expect(confirmed.lastResponse).toMatch(/^250/);
    await new Promise((r) => setTimeout(r, 1000));
    const all = caughtMail(company.admin.email);
    expect(all.filter((m) => /Subject: Order W-\S+ received/.test(m.raw) && bodyOf(m).includes(order.id))).toHaveLength(1);
    expect(all.filter((m) => /Subject: Order SO-\d+ confirmed/.test(m.raw) && bodyOf(m).includes(order.id))).toHaveLength(1);
    expect(await logOf(`order:${order.id}:PENDING`)).toEqual([expect.objectContaining({ status: 'ACCEPTED', template: 'order.placed' })]);
  });

  it("sends in the user's chosen language", async () => {
    expect(await buyer.api.request('mutation { setMyMessageLanguage(language: "sv") }')).toEqual({ setMyMessageLanguage: 'sv' });
    expect((await failure(buyer.api.request('mutation { setMyMessageLanguage(language: "xx") }'))).codes).toEqual(['BAD_USER_INPUT']);
    const order = await place(buyer);
    const mail = await eventually(async () => mailsAbout(buyer.email, order.number)[0], 20_000, 'the Swedish mail');
    expect(mail.raw).toMatch(/Subject: Order W-\S+ mottagen/);
    expect(mail.raw).toMatch(/Content-Language: sv/);
    expect(bodyOf(mail)).toContain('Visa order');
  });

  it("a company admin switches a coworker's category off: the log says OPTED_OUT and no mail comes; other companies' admins cannot", async () => {
    const set = await company.admin.api.request<{ setNotificationPreference: Array<{ category: string; email: boolean }> }>(SET_PREFERENCE, { u: buyer.id, c: 'order.placed', e: false });
    expect(set.setNotificationPreference.find((p) => p.category === 'order.placed')).toEqual({ category: 'order.placed', email: false, sms: false });
    const other = await freshCompany('Nosy');
    expect((await failure(other.admin.api.request(SET_PREFERENCE, { u: buyer.id, c: 'order.placed', e: true }))).codes).toEqual(['NOT_FOUND']);
    expect((await failure(buyer.api.request(SET_PREFERENCE, { u: company.admin.id, c: 'order.placed', e: false }))).codes).toEqual(['FORBIDDEN']);
    expect((await failure(buyer.api.request(SET_PREFERENCE, { c: 'no.such.category', e: false }))).codes).toEqual(['BAD_USER_INPUT']);

    const order = await place(buyer);
    const [entry] = await eventually(async () => {
      const log = await logOf(`order:${order.id}:PENDING`);
      return log.length ? log : undefined;
    }, 20_000, 'the log entry');
    expect(entry).toMatchObject({ status: 'OPTED_OUT', attempts: 0, sentAt: null });
    expect(entry.lastResponse).toMatch(/switched order\.placed e-mails off/);
    // Its confirmation is another category, still on.
    await eventually(async () => (await logOf(`order:${order.id}:CONFIRMED`))[0]?.status === 'ACCEPTED', 30_000, 'the confirmation');
    expect(caughtMail(buyer.email).filter((m) => bodyOf(m).includes(order.id) && /mottagen/.test(m.raw))).toHaveLength(0);
  });

  it('an order waiting for approval and then approved tells its requester both', async () => {
    await company.admin.api.request('mutation { setOrderingSettings(input: { requiresApproval: true }) { requiresApproval } }');
    const requester = await company.coworker('requester', { permissions: ['catalog.view', 'prices.view', 'orders.view', 'orders.submit'] });
    const order = await place(requester);
    expect(order.status).toBe('AWAITING_APPROVAL');
    await eventually(async () => (await logOf(`order:${order.id}:AWAITING_APPROVAL`))[0]?.status === 'ACCEPTED', 20_000, 'the waiting mail');
    await company.admin.api.request('mutation($id: ID!) { approveOrder(id: $id) { id } }', { id: order.id });
    const [approved] = await eventually(async () => {
      const log = await logOf(`order:${order.id}:PENDING`);
      return log[0]?.status === 'ACCEPTED' ? log : undefined;
    }, 20_000, 'the approval mail');
    expect(approved.template).toBe('order.approved');
  });
});

describe('message administration', () => {
  it('the log, templates and branding are for staff; bad templates and branding are refused when saved', async () => {
    const customer = await as('kati@baltic-build.example');
    expect((await failure(customer.request('{ messageLog { id } }'))).codes).toEqual(['FORBIDDEN']);
    expect((await failure(customer.request('mutation { updateBranding(input: { name: "Mine" }) { name } }'))).codes).toEqual(['FORBIDDEN']);
    const staff = await as('admin@hub.example');
    const save = (input: Record<string, unknown>) => staff.request('mutation($i: MessageTemplateInput!) { saveMessageTemplate(input: $i) { key language subject overridden placeholders } }', { i: input });
    const base = { key: 'order.late', language: 'pl', subject: 'Opóźnienie {{orderNumber}}', body: 'Dzień dobry {{recipientName}},\n\nzamówienie {{orderNumber}} się spóźnia.' };
    for (const [bad, field] of [
      [{ ...base, body: 'Hello {{recipientName}, your order' }, 'body'],
      [{ ...base, subject: 'Order {{invoiceTotal}}' }, 'subject'],
      [{ ...base, key: 'no.such.template' }, 'key'],
      [{ ...base, language: 'xx' }, 'language'],
      [{ ...base, actionLabel: 'Open', actionUrl: 'javascript:alert(1)' }, 'actionUrl'],
      [{ ...base, subject: 'two\nlines' }, 'subject'],
    ] as const) {
      const refused = await failure(save(bad));
      expect(refused.codes).toEqual(['BAD_USER_INPUT']);
      expect(refused.fields).toEqual([field]);
    }
    const { messageTemplates: before } = await staff.request<{ messageTemplates: any[] }>('{ messageTemplates(key: "order.late") { language subject overridden } }');
    expect(before.find((t) => t.language === 'pl')).toMatchObject({ overridden: false, subject: 'Zamówienie {{orderNumber}} jest opóźnione' });
    expect(await save(base)).toEqual({ saveMessageTemplate: expect.objectContaining({ key: 'order.late', language: 'pl', subject: base.subject, overridden: true, placeholders: expect.arrayContaining(['orderNumber', 'recipientName']) }) });
    for (const [input, field] of [[{ primaryColor: 'red' }, 'primaryColor'], [{ senderAddress: 'not an address' }, 'senderAddress'], [{ logoUrl: 'ftp://x/logo.png' }, 'logoUrl'], [{ name: '' }, 'name']] as const) {
      const refused = await failure(staff.request('mutation($i: BrandingInput!) { updateBranding(input: $i) { name } }', { i: input }));
      expect(refused.codes).toEqual(['BAD_USER_INPUT']);
      expect(refused.fields).toEqual([field]);
    }
  });
});
