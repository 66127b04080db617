import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { GraphQLClient } from 'graphql-request';
import { Client } from 'pg';
import { as, demo, demoUser, failure, tokenFor } from './support/hub-client';
import { erpAdmin, eventually, outboxMessages } from './support/staff-client';
import { freshCompany, FreshCompany, key, TestUser } from './support/ordering';
import { directSubgraphClient } from './support/direct-subgraph';
import { caughtMail } from './support/mail-catcher';

/**
 * Commercial offers (O11) through the gateway: a sales rep (staff.sales) makes one offer for two of
 * their customers, sends it, changes it (a new version, the old one readable), the customer views
 * it and accepts part of it into an order that reaches the demo ERP at the offered prices exactly
 * once; the other customer rejects theirs. Summing mode spreads a total to the cent, an expired
 * offer cannot be accepted, another company's offer and a customer not the rep's are refused, the
 * PDF and XLSX are read back, and 16 concurrent creations number without gap or duplicate.
 */

const REP = 'sales@hub.example';
const ADMIN = 'admin@hub.example';
const OFFER_FIELDS = `id number title status version validUntil batchId copiedFromId acceptedLineNos rejectionReason sentAt viewedAt
  company { id } partner { name erpNumber address { street city country } contactName contactEmail }
  content { version pricingMode validUntil lines { lineNo sku name quantity packing unitPrice { amount currency } lineTotal { amount } }
    services { code name quantity unitPrice { amount } total { amount } } terms { payment transport validity notes }
    linesTotal { amount } servicesTotal { amount } total { amount currency } }
  total { amount currency }`;
const CREATE = `mutation($i: CreateOffersInput!) { createOffers(input: $i) { ${OFFER_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $i: OfferContentInput!) { updateOffer(id: $id, input: $i) { ${OFFER_FIELDS} versions { version lines { lineNo unitPrice { amount } } total { amount } sentAt } } }`;
const SEND = `mutation($id: ID!, $a: OfferFileFormat) { sendOffer(id: $id, attach: $a) { ${OFFER_FIELDS} } }`;
const OFFER = `query($id: ID!) { offer(id: $id) { ${OFFER_FIELDS} versions { version lines { lineNo unitPrice { amount } } } order { id number status } } }`;
const OFFERS = `query($s: String, $st: OfferStatus) { offers(search: $s, status: $st) { id number status } }`;
const ACCEPT = `mutation($i: AcceptOfferInput!) { acceptOffer(input: $i) {
  offer { id status acceptedLineNos order { id } }
  order { id number status total { amount currency } customerReference notes lines { lineNo sku quantity unitPrice { amount } lineTotal { amount } } } } }`;
const REJECT = `mutation($id: ID!, $r: String) { rejectOffer(id: $id, reason: $r) { id status rejectionReason } }`;
const FILE = 'query($id: ID!, $f: OfferFileFormat!) { offerFile(id: $id, format: $f) { url fileName format } }';
const ORDER = 'query($id: ID!) { order(id: $id) { id erpNumber status lines { sku quantity unitPrice { amount } } } }';

/** Products anyone may order one of (as the ordering tests pick them), beyond the slices other tests use. */
const ordered = new Set(demo.orders.flatMap((o) => o.lines.map((l) => l.productId)));
const products = demo.products.filter((p, i) => ![11, 47, 95, 23, 71, 131].includes(i) && p.minOrderQuantity === 1 && ordered.has(p.id)).slice(120, 126);

const dir = mkdtempSync(join(tmpdir(), 'offers-'));
const pdfText = (file: Buffer, name: string): string => {
  writeFileSync(join(dir, name), file);
  return execFileSync('pdftotext', ['-layout', join(dir, name), '-'], { encoding: 'utf8' });
};

/** A real PNG of one colour (8-bit RGB): the customer's logo the offer points at. */
function solidPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, Buffer.from([0xc0, 0x30, 0x30]))]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

/** The images a PDF embeds, as `pdfimages -list` prints them: width x height of each. */
const pdfImages = (file: Buffer, name: string): string[] => {
  writeFileSync(join(dir, name), file);
  return execFileSync('pdfimages', ['-list', join(dir, name)], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim()).map((l) => {
    const cols = l.trim().split(/\s+/);
    return `${cols[3]}x${cols[4]}`;
  });
};

async function download(url: string, token: string): Promise<{ status: number; type: string | null; body: Buffer }> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
}

async function sql<T = any>(text: string, values: unknown[] = []): Promise<T[]> {
  const db = new Client({ connectionString: process.env.HUB_TEST_DATABASE_URL });
  await db.connect();
  try {
    return (await db.query(text, values)).rows as T[];
  } finally {
    await db.end();
  }
}

describe('commercial offers through the gateway', () => {
  let rep: GraphQLClient;
  let admin: GraphQLClient;
  let repId: string;
  let a: FreshCompany;
  let b: FreshCompany;
  let buyerA: TestUser;
  let readerA: TestUser;
  let terms: Array<{ id: string; kind: string; text: string }>;
  let content: Record<string, unknown>;

  beforeAll(async () => {
    [a, b] = await Promise.all([freshCompany('Offers A'), freshCompany('Offers B')]);
    [buyerA, readerA] = await Promise.all([a.coworker('buyer', { roles: ['BUYER'] }), a.coworker('reader', { roles: ['READ_ONLY'] })]);
    rep = await as(REP);
    admin = await as(ADMIN);
    repId = (await rep.request<{ me: { id: string } }>('{ me { id } }')).me.id;
    const { assignSalesCustomers } = await admin.request<{ assignSalesCustomers: Array<{ id: string }> }>(
      'mutation($r: ID!, $c: [ID!]!) { assignSalesCustomers(repUserId: $r, companyIds: $c) { id } }', { r: repId, c: [a.id, b.id] });
    expect(assignSalesCustomers.map((c) => c.id)).toEqual(expect.arrayContaining([a.id, b.id, demo.companies[0].id, demo.companies[1].id]));
    terms = (await rep.request<{ offerTerms: typeof terms }>('{ offerTerms { id kind text } }')).offerTerms;
    content = {
      title: 'Workshop equipment',
      lines: [
        { sku: products[0].sku, quantity: '2', unitPrice: '10.50' },
        { sku: products[1].sku, quantity: '3', unitPrice: '4.3333', packing: 'carton of 3' },
        { sku: products[2].sku, quantity: '1', unitPrice: '99.99' },
      ],
      services: [{ code: 'ASSEMBLY', quantity: '1.5' }],
      terms: { paymentTermId: terms.find((t) => t.kind === 'PAYMENT')!.id, transportTermId: terms.find((t) => t.kind === 'TRANSPORT')!.id },
      contactName: 'Mari Tamm', contactEmail: 'mari@offers.example',
    };
  }, 120_000);

  it("lists the rep's customers, and refuses customers that are not the rep's and people who are no reps", async () => {
    const { salesCustomers } = await rep.request<{ salesCustomers: Array<{ id: string }> }>('{ salesCustomers { id } }');
    // The demo assignment: Nordic Tools AB and Kowalski Hurtownia, and the two this test added.
    expect(salesCustomers.map((c) => c.id)).toEqual(expect.arrayContaining([demo.companies[0].id, demo.companies[1].id, a.id, b.id]));
    expect(salesCustomers.map((c) => c.id)).not.toContain(demo.companies[2].id);
    const notMine = await failure(rep.request(CREATE, { i: { ...content, companyIds: [a.id, demo.companies[2].id] } }));
    expect(notMine.codes).toEqual(['FORBIDDEN']);
    expect((await failure((await as('orders@hub.example')).request('{ salesOffers { id } }'))).codes).toEqual(['FORBIDDEN']);
    expect((await failure(a.admin.api.request(CREATE, { i: { ...content, companyIds: [a.id] } }))).codes).toEqual(['FORBIDDEN']);
    // Only staff.admin assigns customers.
    expect((await failure(rep.request('mutation($r: ID!, $c: [ID!]!) { assignSalesCustomers(repUserId: $r, companyIds: $c) { id } }', { r: repId, c: [demo.companies[2].id] }))).codes).toEqual(['FORBIDDEN']);
    // An offer staff.admin made for a company the rep does not look after is NOT_FOUND to the rep.
    const [other] = (await admin.request<{ createOffers: Array<{ id: string }> }>(CREATE, { i: { ...content, companyIds: [demo.companies[2].id] } })).createOffers;
    expect((await failure(rep.request(OFFER, { id: other.id }))).codes).toEqual(['NOT_FOUND']);
    expect((await failure(rep.request(FILE, { id: other.id, f: 'PDF' }))).codes).toEqual(['NOT_FOUND']);
    expect((await rep.request<{ salesOffers: Array<{ id: string }> }>('{ salesOffers(first: 100) { id } }')).salesOffers.map((o) => o.id)).not.toContain(other.id);
    expect((await failure(rep.request('query($c: ID) { salesOffers(companyId: $c) { id } }', { c: demo.companies[2].id }))).codes).toEqual(['FORBIDDEN']);
  });

  it('refuses bad offers with their codes and writes nothing', async () => {
    const before = (await sql('select count(*)::int as n from orders.offer'))[0].n;
    const bad = async (i: Record<string, unknown>) => failure(rep.request(CREATE, { i: { ...content, companyIds: [a.id], ...i } }));
    expect((await bad({ lines: [] })).codes).toEqual(['BAD_USER_INPUT']);
    expect((await bad({ lines: [{ sku: products[0].sku, quantity: '1' }] })).fields).toEqual(['lines.0.unitPrice']);
    expect((await bad({ lines: [{ sku: 'NO-SUCH-SKU', quantity: '1', unitPrice: '1' }] })).fields).toEqual(['lines.0.sku']);
    expect((await bad({ lines: [{ sku: products[0].sku, quantity: '1.5', unitPrice: '1' }] })).fields).toEqual(['lines.0.quantity']);
    expect((await bad({ lines: [{ sku: products[0].sku, quantity: '1', unitPrice: '-1' }] })).fields).toEqual(['lines.0.unitPrice']);
    expect((await bad({ lines: [{ sku: products[0].sku, quantity: '1', unitPrice: '1' }, { sku: products[0].sku, quantity: '2', unitPrice: '1' }] })).fields).toEqual(['lines']);
    expect((await bad({ pricingMode: 'TOTAL_PRICE', totalPrice: '10.001', lines: [{ sku: products[0].sku, quantity: '1' }] })).fields).toEqual(['totalPrice']);
    expect((await bad({ pricingMode: 'TOTAL_PRICE', lines: [{ sku: products[0].sku, quantity: '1' }] })).fields).toEqual(['totalPrice']);
    expect((await bad({ validUntil: '2020-01-01' })).fields).toEqual(['validUntil']);
    expect((await bad({ validUntil: '2026-02-30' })).fields).toEqual(['validUntil']);
    expect((await bad({ services: [{ code: 'NO-SUCH-SERVICE', quantity: '1' }] })).fields).toEqual(['services.0.code']);
    expect((await bad({ services: [{ code: 'ASSEMBLY', quantity: '0' }] })).fields).toEqual(['services.0.quantity']);
    expect((await bad({ terms: { paymentTermId: terms.find((t) => t.kind === 'TRANSPORT')!.id } })).fields).toEqual(['terms.paymentTermId']);
    expect((await bad({ contactEmail: 'not-an-address' })).fields).toEqual(['contactEmail']);
    expect((await bad({ companyIds: [] })).fields).toEqual(['companyIds']);
    expect((await bad({ companyIds: [a.id, a.id] })).fields).toEqual(['companyIds']);
    expect((await bad({ companyIds: ['not-a-uuid'] })).codes).toEqual(['BAD_USER_INPUT']);
    expect((await sql('select count(*)::int as n from orders.offer'))[0].n).toBe(before);
  });

  describe("an offer's life", () => {
    let offerA: any;
    let offerB: any;
    let orderId: string;

    it('makes one offer for two customers: one each, the same content, numbered in turn, as drafts the customers do not see', async () => {
      const { createOffers } = await rep.request<{ createOffers: any[] }>(CREATE, { i: { ...content, companyIds: [a.id, b.id] } });
      expect(createOffers).toHaveLength(2);
      [offerA, offerB] = createOffers;
      expect(offerA.company.id).toBe(a.id);
      expect(offerB.company.id).toBe(b.id);
      expect(offerA.batchId).toBe(offerB.batchId);
      expect(offerA.content).toEqual(offerB.content);
      const [nA, nB] = [offerA.number, offerB.number].map((n: string) => Number(n.split('-')[2]));
      expect(offerA.number).toMatch(new RegExp(`^OF-${new Date().getUTCFullYear()}-\\d{5}$`));
      expect(nB).toBe(nA + 1);
      expect(offerA).toMatchObject({ status: 'DRAFT', version: 1, title: 'Workshop equipment', partner: { name: a.name, erpNumber: a.erpNumber, address: { city: 'Tallinn', country: 'EE' }, contactName: 'Mari Tamm' } });
      expect(offerA.content.lines.map((l: any) => [l.sku, l.quantity, l.unitPrice.amount, l.lineTotal.amount])).toEqual([
        [products[0].sku, '2', '10.50', '21.00'], [products[1].sku, '3', '4.3333', '13.00'], [products[2].sku, '1', '99.99', '99.99'],
      ]);
      expect(offerA.content.lines[1].packing).toBe('carton of 3');
      expect(offerA.content.lines[0].packing).toBe(products[0].unit);
      // The assembly service at its list price (55.00 an hour), 1.5 hours.
      expect(offerA.content.services).toEqual([{ code: 'ASSEMBLY', name: 'Assembly on site (per hour)', quantity: '1.5', unitPrice: { amount: '55.00' }, total: { amount: '82.50' } }]);
      expect(offerA.content).toMatchObject({ linesTotal: { amount: '133.99' }, servicesTotal: { amount: '82.50' }, total: { amount: '216.49', currency: 'EUR' } });
      expect(offerA.content.terms.payment).toBe(terms.find((t) => t.kind === 'PAYMENT')!.text);
      // A draft is not published: NOT_FOUND to the customer, and not listed.
      expect((await failure(a.admin.api.request(OFFER, { id: offerA.id }))).codes).toEqual(['NOT_FOUND']);
      expect((await a.admin.api.request<{ offers: any[] }>(OFFERS, {})).offers).toEqual([]);
    });

    it('sends it: the customer lists and searches it, and opening it marks it VIEWED; the other company never sees it', async () => {
      expect((await rep.request<{ sendOffer: any }>(SEND, { id: offerA.id, a: 'PDF' })).sendOffer).toMatchObject({ status: 'SENT', sentAt: expect.any(String) });
      await rep.request(SEND, { id: offerB.id, a: 'XLSX' });
      expect((await readerA.api.request<{ offers: any[] }>(OFFERS, {})).offers).toEqual([{ id: offerA.id, number: offerA.number, status: 'SENT' }]);
      expect((await readerA.api.request<{ offers: any[] }>(OFFERS, { s: products[1].sku })).offers.map((o) => o.id)).toEqual([offerA.id]);
      expect((await readerA.api.request<{ offers: any[] }>(OFFERS, { s: offerA.number })).offers.map((o) => o.id)).toEqual([offerA.id]);
      expect((await readerA.api.request<{ offers: any[] }>(OFFERS, { s: 'nothing like it' })).offers).toEqual([]);
      const { offer } = await readerA.api.request<{ offer: any }>(OFFER, { id: offerA.id });
      expect(offer).toMatchObject({ status: 'VIEWED', viewedAt: expect.any(String) });
      expect((await rep.request<{ offer: any }>(OFFER, { id: offerA.id })).offer.status).toBe('VIEWED');
      // Company B's users: A's offer is NOT_FOUND, in the list and the file alike.
      expect((await failure(b.admin.api.request(OFFER, { id: offerA.id }))).codes).toEqual(['NOT_FOUND']);
      expect((await failure(b.admin.api.request(FILE, { id: offerA.id, f: 'PDF' }))).codes).toEqual(['NOT_FOUND']);
      expect((await b.admin.api.request<{ offers: any[] }>(OFFERS, {})).offers.map((o) => o.id)).toEqual([offerB.id]);
      // Reading is not deciding.
      expect((await failure(readerA.api.request(REJECT, { id: offerA.id }))).codes).toEqual(['FORBIDDEN']);
    });

    it("mails the sent offer to the company's users with orders.view, the file attached, and to nobody else", async () => {
      const mailTo = (email: string, number: string) => eventually(async () => caughtMail(email).find((m) => m.subject.includes(number)), 60_000, `the offer mail to ${email}`);
      for (const user of [a.admin, readerA, buyerA]) {
        const mail = await mailTo(user.email, offerA.number);
        expect(mail.subject).toBe(`Offer ${offerA.number}: Workshop equipment`);
        expect(mail.text).toContain('216.49 EUR');
        expect(mail.attachments.map((f) => [f.filename, f.contentType])).toEqual([[`${offerA.number}-v1.pdf`, 'application/pdf']]);
        const text = pdfText(Buffer.from(mail.attachments[0].content, 'base64'), `mail-${user.id}.pdf`);
        expect(text).toContain(`Offer ${offerA.number}`);
        expect(text).toContain(a.name);
      }
      const mailB = await mailTo(b.admin.email, offerB.number);
      expect(mailB.attachments.map((f) => f.filename)).toEqual([`${offerB.number}-v1.xlsx`]);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(mailB.attachments[0].content, 'base64') as any);
      expect(workbook.worksheets[0].name).toBe(offerB.number);
      // One mail per user and send; A's never reaches B.
      expect(caughtMail(a.admin.email).filter((m) => m.subject.includes(offerA.number))).toHaveLength(1);
      expect(caughtMail(b.admin.email).filter((m) => m.subject.includes(offerA.number))).toEqual([]);
    }, 90_000);

    it('a change after sending makes version 2, published at once; version 1 stays readable', async () => {
      const { updateOffer } = await rep.request<{ updateOffer: any }>(UPDATE, {
        id: offerA.id, i: { lines: [{ sku: products[0].sku, quantity: '2', unitPrice: '9.75' }, { sku: products[1].sku, quantity: '3', unitPrice: '4.3333', packing: 'carton of 3' }, { sku: products[2].sku, quantity: '1', unitPrice: '99.99' }] },
      });
      expect(updateOffer).toMatchObject({ version: 2, status: 'SENT', content: { version: 2, linesTotal: { amount: '132.49' } } });
      expect(updateOffer.versions).toEqual([{ version: 1, lines: [{ lineNo: 1, unitPrice: { amount: '10.50' } }, { lineNo: 2, unitPrice: { amount: '4.3333' } }, { lineNo: 3, unitPrice: { amount: '99.99' } }], total: { amount: '216.49' }, sentAt: expect.any(String) }]);
      const { offer } = await buyerA.api.request<{ offer: any }>(OFFER, { id: offerA.id });
      expect(offer).toMatchObject({ version: 2, status: 'VIEWED' });
      expect(offer.versions.map((v: any) => v.version)).toEqual([1]);
    });

    it('the customer accepts lines 1 and 3 into an order at the offered prices, once, and it reaches the demo ERP so', async () => {
      expect((await failure(buyerA.api.request(ACCEPT, { i: { offerId: offerA.id, lineNos: [4], idempotencyKey: key() } }))).fields).toEqual(['lineNos']);
      expect((await failure(buyerA.api.request(ACCEPT, { i: { offerId: offerA.id, lineNos: [], idempotencyKey: key() } }))).fields).toEqual(['lineNos']);
      expect((await failure(buyerA.api.request(ACCEPT, { i: { offerId: offerA.id, idempotencyKey: 'short' } }))).fields).toEqual(['idempotencyKey']);
      expect((await failure(readerA.api.request(ACCEPT, { i: { offerId: offerA.id, idempotencyKey: key() } }))).codes).toEqual(['FORBIDDEN']);
      expect((await failure(b.admin.api.request(ACCEPT, { i: { offerId: offerA.id, idempotencyKey: key() } }))).codes).toEqual(['NOT_FOUND']);
      expect((await failure(rep.request(ACCEPT, { i: { offerId: offerA.id, idempotencyKey: key() } }))).codes).toEqual(['FORBIDDEN']);
      const idempotencyKey = key();
      const { acceptOffer } = await buyerA.api.request<{ acceptOffer: any }>(ACCEPT, { i: { offerId: offerA.id, lineNos: [1, 3], idempotencyKey } });
      orderId = acceptOffer.order.id;
      expect(acceptOffer.offer).toEqual({ id: offerA.id, status: 'PARTLY_ACCEPTED', acceptedLineNos: [1, 3], order: { id: orderId } });
      expect(acceptOffer.order).toMatchObject({
        status: 'PENDING', total: { amount: '119.49', currency: 'EUR' }, customerReference: offerA.number,
        lines: [
          { lineNo: 1, sku: products[0].sku, quantity: '2', unitPrice: { amount: '9.75' }, lineTotal: { amount: '19.50' } },
          { lineNo: 2, sku: products[2].sku, quantity: '1', unitPrice: { amount: '99.99' }, lineTotal: { amount: '99.99' } },
        ],
      });
      expect(acceptOffer.order.notes).toContain('Assembly on site (per hour) 1.5 × 55.00 EUR = 82.50 EUR');
      // The same key again: the same order, not a second one.
      const again = await buyerA.api.request<{ acceptOffer: any }>(ACCEPT, { i: { offerId: offerA.id, lineNos: [1, 3], idempotencyKey } });
      expect(again.acceptOffer.order.id).toBe(orderId);
      // A decided offer is not accepted again.
      expect((await failure(buyerA.api.request(ACCEPT, { i: { offerId: offerA.id, lineNos: [2], idempotencyKey: key() } }))).codes).toEqual(['CONFLICT']);
      expect((await failure(buyerA.api.request(REJECT, { id: offerA.id }))).codes).toEqual(['CONFLICT']);
      // Nor changed.
      expect((await failure(rep.request(UPDATE, { id: offerA.id, i: { title: 'changed' } }))).codes).toEqual(['CONFLICT']);
      const order = await eventually(async () => {
        const o = (await buyerA.api.request<{ order: any }>(ORDER, { id: orderId })).order;
        return o.erpNumber ? o : undefined;
      }, 60_000, 'the ERP to take the order');
      const record = await erpAdmin('GET', `/admin/records/orders/${order.erpNumber}`);
      expect(record.lines.map((l: any) => [l.sku, String(l.quantity), l.unitPrice])).toEqual([[products[0].sku, '2', '9.75'], [products[2].sku, '1', '99.99']]);
      expect((await outboxMessages()).filter((m) => m.key === orderId)).toHaveLength(1);
      expect((await rep.request<{ offer: any }>(OFFER, { id: offerA.id })).offer.order).toMatchObject({ id: orderId });
    }, 120_000);

    it('the other customer rejects theirs', async () => {
      expect((await failure(b.admin.api.request(REJECT, { id: offerB.id, r: 'x'.repeat(1001) }))).fields).toEqual(['reason']);
      expect((await b.admin.api.request<{ rejectOffer: any }>(REJECT, { id: offerB.id, r: 'Too expensive' })).rejectOffer).toEqual({ id: offerB.id, status: 'REJECTED', rejectionReason: 'Too expensive' });
      expect((await failure(b.admin.api.request(ACCEPT, { i: { offerId: offerB.id, idempotencyKey: key() } }))).codes).toEqual(['CONFLICT']);
    });

    it('copies an offer as a new draft with a new number, for another customer too', async () => {
      const { copyOffer } = await rep.request<{ copyOffer: any[] }>(`mutation($id: ID!, $c: [ID!]) { copyOffer(id: $id, companyIds: $c) { ${OFFER_FIELDS} } }`, { id: offerA.id, c: [a.id, b.id] });
      expect(copyOffer.map((o) => [o.company.id, o.status, o.version, o.copiedFromId])).toEqual([[a.id, 'DRAFT', 1, offerA.id], [b.id, 'DRAFT', 1, offerA.id]]);
      expect(copyOffer[0].number).not.toBe(offerA.number);
      expect(copyOffer[0].content.lines.map((l: any) => l.unitPrice.amount)).toEqual(['9.75', '4.3333', '99.99']);
      expect(copyOffer[1].partner.name).toBe(b.name);
      expect((await failure(rep.request('mutation($id: ID!, $c: [ID!]) { copyOffer(id: $id, companyIds: $c) { id } }', { id: offerA.id, c: [demo.companies[2].id] }))).codes).toEqual(['FORBIDDEN']);
    });
  });

  it('summing mode spreads a total over the lines by list value, to the cent, the remainder on the last line', async () => {
    const { createOffers } = await rep.request<{ createOffers: any[] }>(CREATE, {
      i: { companyIds: [a.id], pricingMode: 'TOTAL_PRICE', totalPrice: '100.00', lines: products.slice(0, 3).map((p) => ({ sku: p.sku, quantity: '1' })) },
    });
    const lines = createOffers[0].content.lines.map((l: any) => l.lineTotal.amount);
    const sum = lines.reduce((s: number, t: string) => s + Math.round(Number(t) * 100), 0);
    expect(sum).toBe(10000);
    expect(createOffers[0].content).toMatchObject({ pricingMode: 'TOTAL_PRICE', linesTotal: { amount: '100.00' }, total: { amount: '100.00' } });
    // Proportional to the list prices: each line but the last rounded down, so the last carries what remains.
    const list = products.slice(0, 3).map((p) => Number(p.listPrice));
    const total = list.reduce((s, p) => s + p, 0);
    for (const i of [0, 1]) expect(Number(lines[i])).toBeCloseTo(Math.floor((100 * list[i] * 100) / total) / 100, 2);
    expect((await failure(rep.request(CREATE, { i: { companyIds: [a.id], pricingMode: 'TOTAL_PRICE', totalPrice: '10', lines: [{ sku: products[0].sku, quantity: '1', unitPrice: '1' }] } }))).fields).toEqual(['lines']);
  });

  it('an expired offer cannot be accepted (CONFLICT) and shows EXPIRED', async () => {
    const { createOffers } = await rep.request<{ createOffers: any[] }>(CREATE, { i: { ...content, companyIds: [b.id] } });
    const offer = createOffers[0];
    await rep.request(SEND, { id: offer.id });
    // Its last day was yesterday (the clock moved on; nothing in the API sets a past date).
    await sql(`update orders.offer set valid_until = current_date - 1 where id = $1`, [offer.id]);
    const refused = await failure(b.admin.api.request(ACCEPT, { i: { offerId: offer.id, idempotencyKey: key() } }));
    expect(refused.codes).toEqual(['CONFLICT']);
    expect(refused.messages[0]).toMatch(/expired/);
    expect((await b.admin.api.request<{ offer: any }>(OFFER, { id: offer.id })).offer.status).toBe('EXPIRED');
    expect((await sql('select status from orders.offer where id = $1', [offer.id]))[0].status).toBe('EXPIRED');
    expect((await b.admin.api.request<{ offers: any[] }>(OFFERS, { st: 'EXPIRED' })).offers.map((o) => o.id)).toContain(offer.id);
    expect((await failure(rep.request(SEND, { id: offer.id }))).codes).toEqual(['CONFLICT']);
  });

  it('exports the offer as PDF and XLSX with the branding and the customer, to the rep and the customer, read back', async () => {
    // The customer's logo, served as a web server would (the hub fetches it when it builds the file).
    const logo = solidPng(37, 23);
    const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(logo));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const logoUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/logo.png`;
    expect((await failure(rep.request(CREATE, { i: { ...content, companyIds: [a.id], logoUrl: 'ftp://x/logo.png' } }))).fields).toEqual(['logoUrl']);
    const { createOffers } = await rep.request<{ createOffers: any[] }>(CREATE, { i: { ...content, companyIds: [a.id], logoUrl } });
    const offer = createOffers[0];
    const { branding } = await rep.request<{ branding: { name: string } }>('{ branding { name } }');
    const { offerFile: pdfLink } = await rep.request<{ offerFile: any }>(FILE, { id: offer.id, f: 'PDF' });
    expect(pdfLink).toMatchObject({ fileName: `${offer.number}-v1.pdf`, format: 'PDF' });
    const pdf = await download(pdfLink.url, await tokenFor(REP));
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    const text = pdfText(pdf.body, 'offer.pdf');
    for (const expected of [`Offer ${offer.number}`, a.name, a.erpNumber, 'Tallinn', 'Mari Tamm', products[0].sku, products[2].sku, 'carton of 3', '10.50', '133.99 EUR', 'Assembly on site', '216.49 EUR', content && terms.find((t) => t.kind === 'PAYMENT')!.text]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain(branding.name);
    expect(pdfImages(pdf.body, 'offer-images.pdf')).toContain('37x23');
    // The link is the rep's: someone else opening it is refused.
    expect((await download(pdfLink.url, b.admin.token)).status).toBeGreaterThanOrEqual(400);
    // A draft's file is not the customer's; once sent, it is.
    expect((await failure(a.admin.api.request(FILE, { id: offer.id, f: 'XLSX' }))).codes).toEqual(['NOT_FOUND']);
    await rep.request(SEND, { id: offer.id, a: 'XLSX' });
    const { offerFile: xlsxLink } = await a.admin.api.request<{ offerFile: any }>(FILE, { id: offer.id, f: 'XLSX' });
    const xlsx = await download(xlsxLink.url, a.admin.token);
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as any);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe(offer.number);
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual([branding.name]);
    expect(rows).toContainEqual([1, products[0].sku, products[0].name, 2, products[0].unit, 10.5, 21]);
    expect(rows).toContainEqual([2, products[1].sku, products[1].name, 3, 'carton of 3', 4.3333, 13]);
    expect(rows).toContainEqual(['', 'ASSEMBLY', 'Assembly on site (per hour)', 1.5, '', 55, 82.5]);
    expect(rows).toContainEqual(['', '', 'Total before tax', '', '', 'EUR', 216.49]);
    expect(rows.flat()).toContain(a.name);
    // The customer's logo is in the workbook too.
    const images = sheet.getImages().map((i) => workbook.getImage(Number(i.imageId)));
    expect(images.map((i) => [i.extension, Buffer.from(i.buffer as any).equals(logo)])).toEqual([['png', true]]);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('numbers 16 offers created at once without a gap or a duplicate', async () => {
    const year = new Date().getUTCFullYear();
    const created = await Promise.all(Array.from({ length: 16 }, () => rep.request<{ createOffers: Array<{ number: string }> }>(CREATE, { i: { ...content, companyIds: [a.id] } })));
    const mine = created.map((c) => Number(c.createOffers[0].number.split('-')[2]));
    expect(new Set(mine).size).toBe(16);
    // Every number of the year, whoever made it: 1 to the counter's last, each once.
    const all = (await sql<{ number: string }>(`select number from orders.offer where number like $1`, [`OF-${year}-%`])).map((r) => Number(r.number.split('-')[2])).sort((x, y) => x - y);
    expect(all).toEqual(Array.from({ length: all.length }, (_, i) => i + 1));
    const [{ last }] = await sql<{ last: number }>('select last from orders.offer_number_counter where year = $1', [year]);
    expect(last).toBe(all.length);
  }, 120_000);

  it('resolves Offer references for other subgraphs with the same check as offer(id)', async () => {
    const { createOffers } = await rep.request<{ createOffers: Array<{ id: string; number: string }> }>(CREATE, { i: { ...content, companyIds: [a.id] } });
    const ENTITIES = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Offer { id number } } }';
    const representations = [{ __typename: 'Offer', id: createOffers[0].id }];
    const asRep = await directSubgraphClient('orders', await tokenFor(REP)).request<{ _entities: any[] }>(ENTITIES, { r: representations });
    expect(asRep._entities).toEqual([{ id: createOffers[0].id, number: createOffers[0].number }]);
    // Another company's user, and the own company's before it is sent: null.
    expect((await directSubgraphClient('orders', b.admin.token).request<{ _entities: any[] }>(ENTITIES, { r: representations }))._entities).toEqual([null]);
    expect((await directSubgraphClient('orders', a.admin.token).request<{ _entities: any[] }>(ENTITIES, { r: representations }))._entities).toEqual([null]);
    expect((await directSubgraphClient('orders', await tokenFor(demoUser(0, 'customer admin').email)).request<{ _entities: any[] }>(ENTITIES, { r: representations }))._entities).toEqual([null]);
  });

  it('keeps the lists of terms and services staff-managed (staff.admin changes, reps read)', async () => {
    const SAVE_TERM = 'mutation($i: OfferTermInput!) { saveOfferTerm(input: $i) { id kind text active } }';
    expect((await failure(rep.request(SAVE_TERM, { i: { kind: 'NOTES', text: 'by a rep' } }))).codes).toEqual(['FORBIDDEN']);
    expect((await failure(admin.request(SAVE_TERM, { i: { kind: 'NOTES', text: '   ' } }))).fields).toEqual(['text']);
    const { saveOfferTerm } = await admin.request<{ saveOfferTerm: any }>(SAVE_TERM, { i: { kind: 'NOTES', text: 'Offer test note' } });
    expect((await rep.request<{ offerTerms: any[] }>('{ offerTerms(kind: NOTES) { id } }')).offerTerms.map((t) => t.id)).toContain(saveOfferTerm.id);
    await admin.request(SAVE_TERM, { i: { id: saveOfferTerm.id, kind: 'NOTES', text: 'Offer test note', active: false } });
    expect((await rep.request<{ offerTerms: any[] }>('{ offerTerms(kind: NOTES) { id } }')).offerTerms.map((t) => t.id)).not.toContain(saveOfferTerm.id);
    expect((await failure(rep.request(CREATE, { i: { ...content, companyIds: [a.id], terms: { notesTermId: saveOfferTerm.id } } }))).fields).toEqual(['terms.notesTermId']);
    const SAVE_SERVICE = 'mutation($i: OfferExtraServiceInput!) { saveOfferExtraService(input: $i) { code name unitPrice { amount currency } active } }';
    expect((await failure(admin.request(SAVE_SERVICE, { i: { code: 'TEST SERVICE', name: 'x', unitPrice: '1', currency: 'EUR' } }))).fields).toEqual(['code']);
    expect((await failure(admin.request(SAVE_SERVICE, { i: { code: 'OFFER-TEST', name: 'x', unitPrice: '1', currency: 'EURO' } }))).fields).toEqual(['currency']);
    expect((await admin.request<{ saveOfferExtraService: any }>(SAVE_SERVICE, { i: { code: 'offer-test', name: 'Test service', unitPrice: '12.5', currency: 'EUR' } })).saveOfferExtraService)
      .toEqual({ code: 'OFFER-TEST', name: 'Test service', unitPrice: { amount: '12.50', currency: 'EUR' }, active: true });
    expect((await rep.request<{ offerExtraServices: any[] }>('{ offerExtraServices { code } }')).offerExtraServices.map((s) => s.code)).toEqual(expect.arrayContaining(['ASSEMBLY', 'OFFER-TEST']));
  });
});
