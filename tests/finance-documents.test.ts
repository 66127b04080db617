import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { loadAuthSecrets, signFileLink } from '@hub/auth';
import { HttpErpAdapter } from '@hub/integrator';
import { as, client, demo, demoUser, failure, gatewayUrl, subgraphUrls, tokenFor } from './support/hub-client';
import { erpAdmin, eventually, outboxMessages } from './support/staff-client';

/**
 * Documents as printed (F1): links from GraphQL, downloads through the gateway's /files route,
 * the originals kept in the hub, stamped "DUPLICATE" unless digitally signed. PDFs are read back
 * with poppler's pdftotext and checked with pdfsig, as a person's viewer would show them.
 */
const dir = mkdtempSync(join(tmpdir(), 'hub-documents-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The test hub runs with the development secrets: the tests sign links as the hub would (expired ones, others' ones). */
const secrets = loadAuthSecrets({});
/** The shared hub's demo ERP, asked directly for its originals (the launcher's default API key). */
const erp = new HttpErpAdapter({ baseUrl: process.env.HUB_TEST_ERP_URL ?? 'http://127.0.0.1:1', apiKey: 'demo-erp-key' });
afterAll(() => erp.close());

interface Download {
  status: number;
  headers: Headers;
  body: Buffer;
  json?: { errors: Array<{ message: string; extensions: { code: string } }> };
}

async function download(url: string, token?: string): Promise<Download> {
  const response = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const body = Buffer.from(await response.arrayBuffer());
  const json = response.headers.get('content-type')?.startsWith('application/json') ? JSON.parse(body.toString('utf8')) : undefined;
  return { status: response.status, headers: response.headers, body, json };
}

function pdfText(pdf: Buffer, page?: number): string {
  const file = join(dir, `${randomUUID()}.pdf`);
  writeFileSync(file, pdf);
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  return execFileSync('pdftotext', ['-layout', ...range, file, '-']).toString('utf8');
}

function pdfSignature(pdf: Buffer): string {
  const file = join(dir, `${randomUUID()}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdfsig', [file]).toString('utf8');
}

const pageCount = async (pdf: Buffer) => (await PDFDocument.load(pdf)).getPageCount();

async function syncNow(operations: string[]): Promise<void> {
  const staff = await as('sync@hub.example');
  for (const operation of operations) await staff.request('mutation($o: String!) { runSyncNow(operation: $o) { runRequested } }', { o: operation });
}

const ORDER_DOCUMENTS = `query($id: ID!) { order(id: $id) {
  id number erpNumber status confirmationPdfUrl
  invoices { id number digitallySigned pdfUrl deliveryNotes { number } }
  deliveryNotes { id number trackingNumber pdfUrl lines { sku quantity product { id } } invoices { number } order { id } }
} }`;

describe('documents as printed', () => {
  const buyer = demoUser(3, 'buyer');
  const admin = demoUser(3, 'customer admin');
  const outsider = demoUser(0, 'customer admin');
  /** A long web order of Baltic Build, its documents, the admin's links to them. */
  const state: { orderId?: string; erpNumber?: string; order?: any } = {};

  beforeAll(async () => {
    // A long order (60 lines, split further by the ERP's warehouses): its invoice runs over several pages.
    const lines = demo.products
      .filter((_, i) => ![23, 71, 131].includes(i))
      .slice(0, 60)
      .map((p) => ({ productId: p.id, quantity: p.minOrderQuantity }));
    const api = await as(buyer.email);
    const { placeOrder } = await api.request<{ placeOrder: { id: string } }>('mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }', {
      i: { idempotencyKey: `documents-long-${randomUUID()}`, lines },
    });
    const delivered = await eventually(async () => (await outboxMessages('DELIVERED')).find((m) => m.key === placeOrder.id), 45_000, 'the long order to reach the ERP');
    const erpNumber: string = JSON.parse(delivered.result!).orderNumber;
    expect(await erpAdmin('POST', `/admin/orders/${erpNumber}/advance`, { steps: 4 })).toEqual({ orderNumber: erpNumber, status: 'INVOICED' });
    await syncNow(['orders', 'invoices', 'deliveryNotes']);
    const reader = await as(admin.email);
    state.order = await eventually(async () => {
      const { order } = await reader.request<{ order: any }>(ORDER_DOCUMENTS, { id: placeOrder.id });
      return order.erpNumber === erpNumber && order.invoices?.length === 1 && order.deliveryNotes?.length === 1 ? order : undefined;
    }, 45_000, 'the invoice and delivery note of the long order');
    Object.assign(state, { orderId: placeOrder.id, erpNumber });
  }, 120_000);

  it('gives an unsigned multi-page invoice as the ERP printed it, with DUPLICATE on every page', async () => {
    const invoice = state.order.invoices[0];
    expect(invoice.digitallySigned).toBe(false);
    expect(invoice.pdfUrl).toMatch(new RegExp(`^${new URL(gatewayUrl()).origin}/files/finance/[\\w-]+\\.[\\w-]+\\.[\\w-]+$`));
    const got = await download(invoice.pdfUrl, await tokenFor(admin.email));
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('content-disposition')).toBe(`inline; filename="Invoice ${invoice.number}.pdf"; filename*=UTF-8''Invoice%20${invoice.number}.pdf`);
    expect(got.headers.get('cache-control')).toBe('private, no-store');

    const original = await erp.fetchDocument('invoice', invoice.number);
    const pages = await pageCount(got.body);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(await pageCount(original)).toBe(pages);
    expect(got.body.equals(original)).toBe(false);
    for (let page = 1; page <= pages; page++) {
      const stamped = pdfText(got.body, page);
      expect(stamped).toContain('DUPLICATE - copy of the original document');
      // Not redrawn: every page still holds what the ERP printed on it.
      const printed = pdfText(original, page);
      expect(printed).not.toContain('DUPLICATE');
      const words = new Set(stamped.split(/\s+/));
      expect(printed.split(/\s+/).filter((w) => w.length > 0 && !words.has(w))).toEqual([]);
    }
    const text = pdfText(got.body);
    expect(text).toContain(invoice.number);
    expect(text).toContain('Baltic Build OÜ');
    expect(text).toContain('Łódź');
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(text).toContain(demo.products[0].sku);
  });

  it('gives a digitally signed invoice byte for byte, its signature intact', async () => {
    const lucia = demoUser(2, 'customer admin');
    const api = await as(lucia.email);
    const { invoices } = await api.request<{ invoices: Array<{ id: string; number: string; digitallySigned: boolean; pdfUrl: string }> }>('{ invoices(first: 3) { id number digitallySigned pdfUrl } }');
    const invoice = invoices[0];
    expect(invoice.digitallySigned).toBe(true);
    const got = await download(invoice.pdfUrl, await tokenFor(lucia.email));
    expect(got.status).toBe(200);
    expect(got.body.equals(await erp.fetchDocument('invoice', invoice.number))).toBe(true);
    const verdict = pdfSignature(got.body);
    expect(verdict).toContain('Signature is Valid.');
    expect(verdict).toContain('Total document signed');
    const text = pdfText(got.body);
    expect(text).toContain('Ferretería García S.L.');
    expect(text).not.toContain('DUPLICATE');
    // Served again from the hub's copy: the same bytes.
    expect((await download((await api.request<{ invoice: { pdfUrl: string } }>('query($id: ID!) { invoice(id: $id) { pdfUrl } }', { id: invoice.id })).invoice.pdfUrl, await tokenFor(lucia.email))).body.equals(got.body)).toBe(true);
  });

  it('links delivery notes and invoices both ways, and gives the delivery note and the order confirmation', async () => {
    const { order } = state;
    const [note] = order.deliveryNotes;
    const [invoice] = order.invoices;
    expect(note.number).toBe(`DN-${state.erpNumber!.slice(3)}`);
    expect(note.invoices).toEqual([{ number: invoice.number }]);
    expect(invoice.deliveryNotes).toEqual([{ number: note.number }]);
    expect(note.order).toEqual({ id: state.orderId });
    expect(note.lines.length).toBeGreaterThanOrEqual(60);
    expect(note.lines[0].product.id).toBe(demo.products.find((p) => p.sku === note.lines[0].sku)!.id);
    const reader = await as(admin.email);
    const { deliveryNotes } = await reader.request<{ deliveryNotes: Array<{ number: string }> }>('{ deliveryNotes(first: 200) { number } }');
    expect(deliveryNotes.map((n) => n.number)).toContain(note.number);

    const token = await tokenFor(admin.email);
    const noteDownload = await download(note.pdfUrl, token);
    expect(noteDownload.status).toBe(200);
    const noteText = pdfText(noteDownload.body);
    expect(noteText).toContain('DELIVERY NOTE');
    expect(noteText).toContain(note.trackingNumber);
    expect(noteText).toContain('DUPLICATE - copy of the original document');

    const confirmation = await download(order.confirmationPdfUrl, token);
    expect(confirmation.status).toBe(200);
    const confirmationText = pdfText(confirmation.body);
    expect(confirmationText).toContain('ORDER CONFIRMATION');
    expect(confirmationText).toContain(state.erpNumber);
    expect(confirmationText).toContain('DUPLICATE - copy of the original document');
  });

  it('lists the company\'s credit notes and gives each as printed (the ledger\'s CR- notes included), to its own company only', async () => {
    // Any demo company with a credit note in the ledger: its read-only user (invoices.view).
    let found: { reader: ReturnType<typeof demoUser>; note: { number: string; invoiceNumber: string | null; total: { amount: string; currency: string }; pdfUrl: string } } | null = null;
    for (let i = 0; i < demo.companies.length && !found; i++) {
      let reader: ReturnType<typeof demoUser>;
      try {
        reader = demoUser(i, 'read-only');
      } catch {
        continue;
      }
      const { creditNotes } = await (await as(reader.email)).request<{ creditNotes: Array<{ number: string; invoiceNumber: string | null; total: { amount: string; currency: string }; pdfUrl: string }> }>(
        '{ creditNotes(first: 20) { number invoiceNumber total { amount currency } pdfUrl } }',
      );
      const ledger = creditNotes.find((n) => n.number.startsWith('CR-'));
      if (ledger) found = { reader, note: ledger };
    }
    expect(found).not.toBeNull();
    const { reader, note } = found!;
    const got = await download(note.pdfUrl, await tokenFor(reader.email));
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    const text = pdfText(got.body);
    expect(text).toContain('Credit note');
    expect(text).toContain(note.number);
    expect(text).toContain(`Credit on invoice ${note.invoiceNumber}`);
    expect(text.replace(/\s+/g, ' ')).toContain(`${note.total.amount} ${note.total.currency}`);
    // Stamped, unless the ERP signed it (then byte for byte, as invoices are).
    const original = await erp.fetchDocument('creditNote', note.number);
    if (got.body.equals(original)) expect(pdfSignature(got.body)).toContain('Signature is Valid');
    else expect(pdfText(got.body, 1)).toContain('DUPLICATE');

    // Another company's reader: neither the note by its number nor the link.
    const companyOf = demo.users.find((u) => u.email === reader.email)!.companyId;
    const otherIndex = demo.companies.findIndex((c) => c.id !== companyOf && demo.users.some((u) => u.companyId === c.id && u.role === 'read-only'));
    const other = demoUser(otherIndex, 'read-only');
    const otherApi = await as(other.email);
    expect((await failure(otherApi.request('query($n: String!) { creditNote(number: $n) { number } }', { n: note.number }))).codes).toEqual(['NOT_FOUND']);
    expect((await failure(otherApi.request('query($n: String!) { creditNote(number: $n) { number } }', { n: 'CR-NO-SUCH' }))).codes).toEqual(['NOT_FOUND']);
    expect((await download(note.pdfUrl, await tokenFor(other.email))).json?.errors[0].extensions.code).toBe('FORBIDDEN');
    // A buyer has no invoices.view: FORBIDDEN, and bad input is BAD_USER_INPUT.
    const buyer = await as(demoUser(0, 'buyer').email);
    expect((await failure(buyer.request('{ creditNotes { number } }'))).codes).toEqual(['FORBIDDEN']);
    expect((await failure(otherApi.request('query($n: String!) { creditNote(number: $n) { number } }', { n: ' ' }))).codes).toEqual(['BAD_USER_INPUT']);
  });

  it("refuses a link to anyone but the user it was issued to, another company's document, expired links and no sign-in", async () => {
    const invoice = state.order.invoices[0];
    const token = invoice.pdfUrl.split('/').pop() as string;
    const expectRefusal = (got: Download, status: number, code: string) => {
      expect({ status: got.status, code: got.json?.errors[0].extensions.code }).toEqual({ status, code });
      expect(got.json!.errors[0].message.length).toBeGreaterThan(10);
    };
    // Another company's user with the very link: it was issued to someone else.
    expectRefusal(await download(invoice.pdfUrl, await tokenFor(outsider.email)), 403, 'FORBIDDEN');
    // A coworker of the same company: still not theirs.
    expectRefusal(await download(invoice.pdfUrl, await tokenFor(demoUser(3, 'read-only').email)), 403, 'FORBIDDEN');
    expectRefusal(await download(invoice.pdfUrl), 401, 'UNAUTHENTICATED');
    // A well-signed link for the outsider naming this company's invoice: the subgraph's tenant check answers as for a missing one.
    const { me } = await (await as(outsider.email)).request<{ me: { id: string } }>('{ me { id } }');
    const foreign = await signFileLink(me.id, { subgraph: 'finance', route: 'documents', ref: { k: 'invoice', id: invoice.id } }, secrets);
    expectRefusal(await download(`${new URL(gatewayUrl()).origin}/files/finance/${foreign}`, await tokenFor(outsider.email)), 404, 'NOT_FOUND');
    // The outsider cannot even get a link: the invoice is not theirs to see.
    const refused = await failure((await as(outsider.email)).request('query($id: ID!) { invoice(id: $id) { pdfUrl } }', { id: invoice.id }));
    expect(refused.codes).toEqual(['NOT_FOUND']);

    const { me: owner } = await (await as(admin.email)).request<{ me: { id: string } }>('{ me { id } }');
    const expired = await signFileLink(owner.id, { subgraph: 'finance', route: 'documents', ref: { k: 'invoice', id: invoice.id } }, secrets, { ttlSeconds: 300, now: new Date(Date.now() - 301_000) });
    expectRefusal(await download(`${new URL(gatewayUrl()).origin}/files/finance/${expired}`, await tokenFor(admin.email)), 410, 'LINK_EXPIRED');
    // Altered in one character, or named for another subgraph: not a link of this hub.
    // The character replaced must differ from the one there (picking by the last character once left the link unchanged in CI).
    const altered = `${token.slice(0, -2)}${token.at(-2) === 'A' ? 'B' : 'A'}${token.slice(-1)}`;
    expect(altered).not.toBe(token);
    expectRefusal(await download(`${new URL(gatewayUrl()).origin}/files/finance/${altered}`, await tokenFor(admin.email)), 404, 'NOT_FOUND');
    expectRefusal(await download(`${new URL(gatewayUrl()).origin}/files/orders/${token}`, await tokenFor(admin.email)), 404, 'NOT_FOUND');
    // Straight at the finance subgraph, around the gateway: refused without the gateway's assertion.
    expectRefusal(await download(`${new URL(subgraphUrls().finance).origin}/files/${token}`, await tokenFor(admin.email)), 403, 'FORBIDDEN');

    // A buyer without invoices.view gets no link, and a link signed for them is refused by the subgraph's permission check.
    const buyerApi = await as(buyer.email);
    const noLink = await failure(buyerApi.request('query($id: ID!) { order(id: $id) { number confirmationPdfUrl deliveryNotes { number pdfUrl } } }', { id: state.orderId }));
    expect(noLink.codes).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    expect(noLink.paths.map((p) => p.join('.')).sort()).toEqual(['order.confirmationPdfUrl', 'order.deliveryNotes.0.pdfUrl']);
    expect(noLink.data).toEqual({ order: { number: state.erpNumber, confirmationPdfUrl: null, deliveryNotes: [{ number: state.order.deliveryNotes[0].number, pdfUrl: null }] } });
    const { me: buyerMe } = await buyerApi.request<{ me: { id: string } }>('{ me { id } }');
    const forBuyer = await signFileLink(buyerMe.id, { subgraph: 'finance', route: 'documents', ref: { k: 'deliveryNote', id: state.order.deliveryNotes[0].id } }, secrets);
    expectRefusal(await download(`${new URL(gatewayUrl()).origin}/files/finance/${forBuyer}`, await tokenFor(buyer.email)), 403, 'FORBIDDEN');
  });

  it("stops a deactivated user's links at once, as it stops their GraphQL requests", async () => {
    const api = await as(admin.email);
    const email = `documents-reader-${randomUUID().slice(0, 8)}@baltic-build.example`;
    const { createCoworker } = await api.request<{ createCoworker: { id: string } }>('mutation($i: CreateCoworkerInput!) { createCoworker(input: $i) { id } }', {
      i: { email, name: 'Documents Reader', roles: [], permissions: ['invoices.view'], password: 'documents-test-password-1' },
    });
    const { login } = await client().request<{ login: { token: string } }>('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: email, p: 'documents-test-password-1' });
    const { invoice } = await client(login.token).request<{ invoice: { pdfUrl: string } }>('query($id: ID!) { invoice(id: $id) { pdfUrl } }', { id: state.order.invoices[0].id });
    expect((await download(invoice.pdfUrl, login.token)).status).toBe(200);
    await api.request('mutation($id: ID!) { deactivateUser(id: $id) { id } }', { id: createCoworker.id });
    const refused = await eventually(async () => {
      const got = await download(invoice.pdfUrl, login.token);
      return got.status === 401 ? got : undefined;
    }, 10_000, 'the deactivated user to be refused');
    expect(refused.json?.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('serves kept documents while the ERP is down, and says UNAVAILABLE for one it has not kept yet', async () => {
    const reader = await as(admin.email);
    const token = await tokenFor(admin.email);
    // Kept: the invoice was downloaded above.
    const before = await download((await reader.request<{ order: any }>(ORDER_DOCUMENTS, { id: state.orderId })).order.invoices[0].pdfUrl, token);
    expect(before.status).toBe(200);
    // Not kept: an older invoice of the company nobody opened yet.
    const { invoices } = await reader.request<{ invoices: Array<{ number: string; pdfUrl: string }> }>('{ invoices(first: 200) { number pdfUrl } }');
    const unopened = invoices[invoices.length - 1];
    await erpAdmin('POST', '/admin/faults', { outage: true });
    try {
      const links = (await reader.request<{ order: any }>(ORDER_DOCUMENTS, { id: state.orderId })).order;
      const kept = await download(links.invoices[0].pdfUrl, token);
      expect(kept.status).toBe(200);
      expect(kept.body.equals(before.body)).toBe(true);
      const missing = await download(unopened.pdfUrl, token);
      expect({ status: missing.status, code: missing.json?.errors[0].extensions.code }).toEqual({ status: 503, code: 'UNAVAILABLE' });
      expect(missing.json!.errors[0].message).toContain(unopened.number);
    } finally {
      await erpAdmin('DELETE', '/admin/faults');
    }
    const after = await download(unopened.pdfUrl, token);
    expect(after.status).toBe(200);
    expect(pdfText(after.body)).toContain(unopened.number);
  });
});
