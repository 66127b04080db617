import { randomUUID } from 'node:crypto';
import { as, demo, failure, gatewayUrl } from './support/hub-client';
import { bodyOf, caughtMail, CaughtMail } from './support/mail-catcher';
import { freshCompany, FreshCompany, TestUser } from './support/ordering';
import { eventually } from './support/staff-client';

const CREATE = 'mutation($i: NewsletterInputObject!) { createNewsletter(input: $i) { id status title productIds discountCodes recipients } }';
const SEND = 'mutation($id: ID!) { sendNewsletter(id: $id) { id status recipients sentAt } }';
const COUNTS = 'query($id: ID!) { newsletter(id: $id) { status recipients counts { queued sent bounced failed unsubscribed } } }';
const LOG = 'query($ref: String, $email: String) { messageLog(ref: $ref, recipientEmail: $email, first: 10) { template status recipientAddress } }';
const PREFS = '{ me { contactPreferences { newsletter } consentHistory { channel granted source } } }';
const CONSENT = 'mutation($n: Boolean!) { setContactPreferences(input: { newsletter: $n }) { newsletter } }';

const ordered = new Set(demo.orders.flatMap((o) => o.lines.map((l) => l.productId)));
const shown = demo.products.filter((p, i) => ![11, 47, 95, 23, 71, 131].includes(i) && p.minOrderQuantity === 1 && ordered.has(p.id)).slice(30, 32);

/** A header's value, unfolded. */
const headerOf = (mail: CaughtMail, name: string) => {
  const head = mail.raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
  return head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`))?.slice(name.length + 1).trim();
};
const newsletterMails = (email: string, title: string) => caughtMail(email).filter((m) => headerOf(m, 'Subject') === title);

async function countsOf(id: string) {
  const staff = await as('admin@hub.example');
  return (await staff.request<{ newsletter: { status: string; recipients: number; counts: Record<string, number> } }>(COUNTS, { id })).newsletter;
}

async function sentNewsletter(title: string) {
  const staff = await as('admin@hub.example');
  const { createNewsletter } = await staff.request<{ createNewsletter: { id: string } }>(CREATE, {
    i: { title, intro: 'Spring is here: new fasteners in stock.', productIds: shown.map((p) => p.id), discountCodes: ['spring-10'] },
  });
  const { sendNewsletter } = await staff.request<{ sendNewsletter: { id: string; status: string; recipients: number } }>(SEND, { id: createNewsletter.id });
  // Every message of it settled (sent or refused), so absent mails are absent for good.
  const settled = await eventually(async () => {
    const n = await countsOf(createNewsletter.id);
    return n.counts.queued === 0 ? n : undefined;
  }, 60_000, 'the newsletter sent');
  return { id: createNewsletter.id, sent: sendNewsletter, settled };
}

describe('newsletters (C7): only to consenting users, with a one-click unsubscribe link', () => {
  let company: FreshCompany;
  let consenting: TestUser;
  let withdrawn: TestUser;
  let never: TestUser;

  beforeAll(async () => {
    company = await freshCompany('Newsletter');
    consenting = await company.coworker('reader', { roles: ['BUYER'] });
    withdrawn = await company.coworker('withdrawn', { roles: ['BUYER'] });
    never = await company.coworker('never', { roles: ['BUYER'] });
    await consenting.api.request(CONSENT, { n: true });
    await withdrawn.api.request(CONSENT, { n: true });
    await withdrawn.api.request(CONSENT, { n: false });
  });

  it('refuses bad drafts, and customers may not compose or send', async () => {
    const staff = await as('admin@hub.example');
    const bad = async (i: Record<string, unknown>) => failure(staff.request(CREATE, { i: { title: 'T', intro: 'I', ...i } }));
    expect(await bad({ productIds: [randomUUID()] })).toMatchObject({ codes: ['BAD_USER_INPUT'], fields: ['productIds'] });
    expect(await bad({ productIds: ['not-an-id'] })).toMatchObject({ codes: ['BAD_USER_INPUT'], fields: ['productIds'] });
    expect(await bad({ discountCodes: ['x'] })).toMatchObject({ codes: ['BAD_USER_INPUT'], fields: ['discountCodes'] });
    expect(await bad({ title: 'two\nlines' })).toMatchObject({ codes: ['BAD_USER_INPUT'], fields: ['title'] });
    expect(await bad({ intro: '   ' })).toMatchObject({ codes: ['BAD_USER_INPUT'], fields: ['intro'] });
    expect((await failure(company.admin.api.request(CREATE, { i: { title: 'T', intro: 'I' } }))).codes).toEqual(['FORBIDDEN']);
    expect((await failure(company.admin.api.request(SEND, { id: randomUUID() }))).codes).toEqual(['FORBIDDEN']);
    expect((await failure(staff.request(SEND, { id: randomUUID() }))).codes).toEqual(['NOT_FOUND']);
  });

  it('reaches the consenting user once with the products, codes and RFC 8058 headers; a withdrawn or never-given consent gets nothing; counts add up', async () => {
    const title = `Spring news ${randomUUID().slice(0, 8)}`;
    const { id, sent, settled } = await sentNewsletter(title);
    expect(sent.status).toBe('SENT');
    expect(sent.recipients).toBeGreaterThanOrEqual(1);
    const [mail, ...more] = await eventually(async () => { const m = newsletterMails(consenting.email, title); return m.length ? m : undefined; }, 20_000, 'the newsletter mail');
    expect(more).toHaveLength(0);
    const text = bodyOf(mail);
    for (const p of shown) {
      expect(text).toContain(p.sku);
      expect(text).toContain(p.name);
    }
    expect(text).toContain('SPRING-10');
    const link = headerOf(mail, 'List-Unsubscribe')!;
    expect(link).toMatch(/^<https?:\/\/[^>]+\/unsubscribe\?token=[^>]+&newsletter=[0-9a-f-]{36}>$/);
    expect(headerOf(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(newsletterMails(withdrawn.email, title)).toHaveLength(0);
    expect(newsletterMails(never.email, title)).toHaveLength(0);
    const staff = await as('admin@hub.example');
    // Not even queued or logged as opted out: users without consent are not in the audience.
    for (const u of [withdrawn, never]) expect((await staff.request<{ messageLog: unknown[] }>(LOG, { ref: `newsletter:${id}`, email: u.email })).messageLog).toEqual([]);
    expect((await staff.request<{ messageLog: unknown[] }>(LOG, { ref: `newsletter:${id}`, email: consenting.email })).messageLog).toEqual([{ template: 'newsletter', status: 'ACCEPTED', recipientAddress: consenting.email }]);
    expect(settled.recipients).toBe(sent.recipients);
    expect(settled.counts.sent + settled.counts.bounced + settled.counts.failed).toBe(sent.recipients);
    expect(settled.counts.unsubscribed).toBe(0);
    // Sent once only.
    expect((await failure(staff.request(SEND, { id }))).codes).toEqual(['CONFLICT']);
  });

  it('unsubscribes by the link without signing in (GET only asks), records the withdrawal and counts it; the next newsletter skips the user', async () => {
    const title = `Summer news ${randomUUID().slice(0, 8)}`;
    const { id } = await sentNewsletter(title);
    const mail = await eventually(async () => newsletterMails(consenting.email, title)[0], 20_000, 'the newsletter mail');
    const link = headerOf(mail, 'List-Unsubscribe')!.slice(1, -1);
    // The link is served by the gateway the tests talk to.
    const url = new URL(link);
    const here = new URL(url.pathname + url.search, new URL(gatewayUrl()).origin).toString();
    const asked = await fetch(here);
    expect(asked.status).toBe(200);
    expect(await asked.text()).toContain('method="post"');
    expect((await consenting.api.request<any>(PREFS)).me.contactPreferences.newsletter).toBe(true);

    const forged = await fetch(here.replace(/token=[^&]+/, 'token=forged'), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(forged.status).toBe(400);
    expect((await consenting.api.request<any>(PREFS)).me.contactPreferences.newsletter).toBe(true);

    const clicked = await fetch(here, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(clicked.status).toBe(200);
    const prefs = (await consenting.api.request<any>(PREFS)).me;
    expect(prefs.contactPreferences.newsletter).toBe(false);
    expect(prefs.consentHistory[0]).toEqual({ channel: 'NEWSLETTER', granted: false, source: 'UNSUBSCRIBE_LINK' });
    expect((await countsOf(id)).counts.unsubscribed).toBe(1);
    // Twice is harmless and counted once.
    expect((await fetch(here, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(200);
    expect((await countsOf(id)).counts.unsubscribed).toBe(1);

    const next = `Autumn news ${randomUUID().slice(0, 8)}`;
    const later = await sentNewsletter(next);
    expect(newsletterMails(consenting.email, next)).toHaveLength(0);
    const staff = await as('admin@hub.example');
    expect((await staff.request<{ messageLog: unknown[] }>(LOG, { ref: `newsletter:${later.id}`, email: consenting.email })).messageLog).toEqual([]);
  });
});
