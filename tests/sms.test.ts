import { randomInt } from 'node:crypto';
import { as, demo, failure } from './support/hub-client';
import { smsAdmin, textsTo } from './support/demo-sms';
import { freshCompany, FreshCompany, key, TestUser } from './support/ordering';
import { eventually } from './support/staff-client';

const PLACE = 'mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id number status } }';
const LOG = `query($ref: String) { messageLog(ref: $ref, first: 50) { ref template channel recipientAddress status attempts lastResponse subject } }`;
const CHOOSE = 'mutation($c: String!, $e: Boolean!, $s: Boolean) { setNotificationPreference(category: $c, email: $e, sms: $s) { category email sms } }';

const ordered = new Set(demo.orders.flatMap((o) => o.lines.map((l) => l.productId)));
const product = demo.products.filter((p) => p.minOrderQuantity === 1 && ordered.has(p.id) && Number(p.listPrice) < 20)[25];

/** A phone number of this run's own (E.164, written with spaces as people do). */
const phoneNumber = () => `+372 5${randomInt(100, 999)} ${randomInt(1000, 9999)}`;
const e164 = (phone: string) => phone.replace(/\s/g, '');

async function placeOrder(user: TestUser) {
  return (await user.api.request<{ placeOrder: { id: string; number: string } }>(PLACE, { i: { idempotencyKey: key(), lines: [{ productId: product.id, quantity: 1 }] } })).placeOrder;
}

async function logOf(ref: string): Promise<any[]> {
  return (await (await as('admin@hub.example')).request<{ messageLog: any[] }>(LOG, { ref })).messageLog;
}

/** The order's confirmation messages once the SMS one is settled (not QUEUED or SENDING). */
async function confirmationLog(orderId: string, what: string): Promise<{ email: any; sms: any }> {
  return eventually(async () => {
    const log = await logOf(`order:${orderId}:CONFIRMED`);
    const sms = log.find((m) => m.channel === 'SMS');
    return sms && !['QUEUED', 'SENDING'].includes(sms.status) ? { email: log.find((m) => m.channel === 'EMAIL'), sms } : undefined;
  }, 40_000, what);
}

/** Lets the user receive texts: the SMS consent (C7) and SMS for order confirmations. */
async function chooseSms(user: TestUser, sms: boolean) {
  await user.api.request('mutation { setContactPreferences(input: { sms: true }) { sms } }');
  return (await user.api.request<{ setNotificationPreference: any[] }>(CHOOSE, { c: 'order.confirmed', e: true, s: sms })).setNotificationPreference.find((p) => p.category === 'order.confirmed');
}

describe('SMS through the demo SMS gateway (issue 12)', () => {
  const texter = { phone: phoneNumber() } as { phone: string; company?: FreshCompany };
  const mailer = { phone: phoneNumber() } as { phone: string; company?: FreshCompany };

  beforeAll(async () => {
    await smsAdmin('DELETE', '/admin/faults');
    [texter.company, mailer.company] = await Promise.all([freshCompany('Texter', { phone: texter.phone }), freshCompany('Mailonly', { phone: mailer.phone })]);
    expect(await chooseSms(texter.company.admin, true)).toEqual({ category: 'order.confirmed', email: true, sms: true });
    // The other admin has a phone number and the SMS consent too, but keeps order confirmations to e-mail.
    expect(await chooseSms(mailer.company.admin, false)).toEqual({ category: 'order.confirmed', email: true, sms: false });
  });
  afterAll(() => smsAdmin('DELETE', '/admin/faults'));

  it('an order confirmation reaches the gateway once as a text for the user who chose SMS, and is logged; nothing is texted to one who did not', async () => {
    const [texted, mailed] = await Promise.all([placeOrder(texter.company!.admin), placeOrder(mailer.company!.admin)]);
    const { email, sms } = await confirmationLog(texted.id, 'the confirmation texted');
    expect(sms).toMatchObject({ template: 'order.confirmed', channel: 'SMS', recipientAddress: e164(texter.phone), status: 'ACCEPTED', attempts: 1 });
    expect(sms.lastResponse).toMatch(/^SM\d+ accepted$/);
    expect(email).toMatchObject({ channel: 'EMAIL', status: 'ACCEPTED' });
    const texts = await textsTo(e164(texter.phone));
    expect(texts).toHaveLength(1);
    expect(texts[0].body).toMatch(/: order SO-\d+ \(.+\) is confirmed, delivery /);
    expect(texts[0].body).toContain(sms.subject.replace(/^Order (\S+) confirmed$/, '$1'));
    expect(texts[0]).toMatchObject({ from: 'ERPhub', status: 'accepted' });
    // The other order's confirmation went by e-mail only: no SMS row, no text.
    const mailedLog = await eventually(async () => {
      const log = await logOf(`order:${mailed.id}:CONFIRMED`);
      return log.some((m) => m.status === 'ACCEPTED') ? log : undefined;
    }, 40_000, 'the e-mail-only confirmation');
    expect(mailedLog.map((m) => m.channel)).toEqual(['EMAIL']);
    expect(await textsTo(e164(mailer.phone))).toEqual([]);
    // Later runs of the sender send nothing again.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await textsTo(e164(texter.phone))).toHaveLength(1);
  });

  it('while the gateway is down the text is retried with backoff and logged, and arrives once when it is back', async () => {
    await smsAdmin('POST', '/admin/faults', { down: true });
    const order = await placeOrder(texter.company!.admin);
    const retried = await eventually(async () => {
      const sms = (await logOf(`order:${order.id}:CONFIRMED`)).find((m) => m.channel === 'SMS');
      return sms && sms.attempts >= 2 && sms.status === 'QUEUED' ? sms : undefined;
    }, 40_000, 'two failed attempts');
    expect(retried.lastResponse).toMatch(/503 UNAVAILABLE/);
    await smsAdmin('DELETE', '/admin/faults');
    const { sms } = await confirmationLog(order.id, 'the text sent after the outage');
    expect(sms.status).toBe('ACCEPTED');
    expect(sms.attempts).toBeGreaterThanOrEqual(3);
    const number = sms.subject.replace(/^Order (\S+) confirmed$/, '$1');
    expect((await textsTo(e164(texter.phone))).filter((t) => t.body.includes(`order ${number} `))).toHaveLength(1);
  });

  it('a number the gateway refuses gives a logged failure, tried once', async () => {
    await smsAdmin('POST', '/admin/faults', { refusedNumbers: [e164(mailer.phone)] });
    await chooseSms(mailer.company!.admin, true);
    const order = await placeOrder(mailer.company!.admin);
    const { email, sms } = await confirmationLog(order.id, 'the refused text');
    expect(sms).toMatchObject({ channel: 'SMS', recipientAddress: e164(mailer.phone), status: 'FAILED', attempts: 1 });
    expect(sms.lastResponse).toMatch(/422 NUMBER_REFUSED/);
    expect(email.status).toBe('ACCEPTED');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await logOf(`order:${order.id}:CONFIRMED`)).find((m) => m.channel === 'SMS').attempts).toBe(1);
    expect(await textsTo(e164(mailer.phone))).toEqual([]);
  });

  it('an unknown category or choosing SMS for a category without texts is refused with BAD_USER_INPUT and changes nothing', async () => {
    const user = texter.company!.admin;
    expect(await failure(user.api.request(CHOOSE, { c: 'order.nonsense', e: true, s: true }))).toMatchObject({ codes: ['BAD_USER_INPUT'], fields: ['category'] });
    expect(await failure(user.api.request(CHOOSE, { c: 'order.placed', e: true, s: true }))).toMatchObject({ codes: ['BAD_USER_INPUT'], fields: ['sms'] });
    const { notificationPreferences } = await user.api.request<{ notificationPreferences: any[] }>('{ notificationPreferences { category email sms smsAvailable } }');
    expect(notificationPreferences.find((p) => p.category === 'order.placed')).toEqual({ category: 'order.placed', email: true, sms: false, smsAvailable: false });
    expect(notificationPreferences.find((p) => p.category === 'order.confirmed')).toEqual({ category: 'order.confirmed', email: true, sms: true, smsAvailable: true });
  });
});
