import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { as, demoUser, failure, tokenFor } from './support/hub-client';
import { erpAdmin, eventually, outboxMessages } from './support/staff-client';
import { RecordedSubscription, wsClient } from './support/subscription-client';
import { bodyOf, caughtMail } from './support/mail-catcher';

/**
 * Returns (RMA) through the gateway against the demo ERP: filing against synced delivery notes
 * (partial, whole line, whole note), every refusal leaving nothing stored, the state machine's
 * refusals, the label's Code 128 barcode decoded with zbarimg, and the disposition delivered to the
 * ERP exactly once (across an outage and a crash after accepting) with its credit note read back.
 */

const admin = demoUser(0, 'customer admin');
const buyer = demoUser(0, 'buyer');
const readOnly = demoUser(0, 'read-only');
const otherBuyer = demoUser(1, 'buyer');
const STAFF = 'orders@hub.example';

const dir = mkdtempSync(join(tmpdir(), 'hub-returns-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A real 1×1 PNG. */
const PHOTO = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

interface NoteLine { lineNo: number; sku: string; quantity: string; serialNumbers: string[] | null }
interface Note { id: string; number: string; shippedAt: string; deliveredAt: string | null; lines: NoteLine[] }

const RETURN_FIELDS = `id number status statusReason deliveryNoteNumber disposition erpReturnNumber creditNoteNumber waybillNumber labelUrl
  reason { code label language } lines { deliveryLineNo sku quantity serialNumbers condition } attachments { kind fileName contentType byteSize url }
  history { from to note }`;
const FILE = `mutation($input: FileReturnInput!) { fileReturn(input: $input) { ${RETURN_FIELDS} } }`;

interface Return {
  id: string; number: string; status: string; statusReason: string | null; disposition: string | null; erpReturnNumber: string | null; creditNoteNumber: string | null;
  waybillNumber: string | null; labelUrl: string | null; reason: { code: string; label: string; language: string };
  lines: Array<{ deliveryLineNo: number; sku: string; quantity: string; serialNumbers: string[] | null; condition: string }>;
  attachments: Array<{ kind: string; fileName: string; contentType: string; byteSize: number; url: string }>;
  history: Array<{ from: string | null; to: string; note: string | null }>;
}

async function notesOf(email: string): Promise<Note[]> {
  const api = await as(email);
  return (await api.request<{ deliveryNotes: Note[] }>('{ deliveryNotes(first: 200) { id number shippedAt deliveredAt lines { lineNo sku quantity serialNumbers } } }')).deliveryNotes;
}

const used = new Set<string>();
/** A delivery note of the company no other test here has used, delivered within `months`, with a line matching `line`. */
async function freshNote(line: (l: NoteLine) => boolean, months = 11): Promise<Note> {
  const since = Date.now() - months * 30 * 24 * 3600 * 1000;
  const note = (await notesOf(buyer.email)).find((n) => !used.has(n.id) && new Date(n.deliveredAt ?? n.shippedAt).getTime() > since && n.lines.some(line));
  if (!note) throw new Error('the demo world has no such delivery note');
  used.add(note.id);
  return note;
}

const untracked = (l: NoteLine) => !l.serialNumbers;
const file = async (email: string, input: Record<string, unknown>): Promise<Return> => (await (await as(email)).request<{ fileReturn: Return }>(FILE, { input })).fileReturn;
const staff = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => (await as(STAFF)).request<T>(query, variables);
const companyReturns = async (): Promise<number> => (await (await as(admin.email)).request<{ returnRequests: unknown[] }>('{ returnRequests(first: 200) { id } }')).returnRequests.length;

async function download(url: string, email: string): Promise<{ status: number; type: string | null; body: Buffer }> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${await tokenFor(email)}` } });
  return { status: response.status, type: response.headers.get('content-type'), body: Buffer.from(await response.arrayBuffer()) };
}

/** The barcode on the PDF's first page as zbarimg reads it from a 200 dpi rendering. */
function decodeBarcodes(pdf: Buffer): string[] {
  const base = join(dir, `label-${Date.now()}`);
  writeFileSync(`${base}.pdf`, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '200', '-singlefile', `${base}.pdf`, base]);
  return execFileSync('zbarimg', ['-q', `${base}.png`], { stdio: ['ignore', 'pipe', 'ignore'] }).toString('utf8').trim().split('\n');
}

async function accept(id: string): Promise<Return> {
  return (await staff<{ acceptReturn: Return }>(`mutation($id: ID!) { acceptReturn(id: $id) { ${RETURN_FIELDS} } }`, { id })).acceptReturn;
}
async function receive(barcode: string): Promise<Return> {
  return (await staff<{ receiveReturn: Return }>(`mutation($b: String!) { receiveReturn(barcode: $b, note: "at the warehouse") { ${RETURN_FIELDS} } }`, { b: barcode })).receiveReturn;
}
async function assess(id: string): Promise<Return> {
  return (await staff<{ assessReturn: Return }>(`mutation($id: ID!) { assessReturn(id: $id, assessment: "As described") { ${RETURN_FIELDS} } }`, { id })).assessReturn;
}
async function decide(id: string, disposition: 'CREDIT' | 'EXCHANGE'): Promise<Return> {
  return (await staff<{ decideReturnDisposition: Return }>(`mutation($id: ID!, $d: ReturnDisposition!) { decideReturnDisposition(id: $id, disposition: $d) { ${RETURN_FIELDS} } }`, { id, d: disposition })).decideReturnDisposition;
}
async function current(id: string, email = admin.email): Promise<Return & { creditNote: { number: string; total: { amount: string; currency: string } } | null }> {
  return (await (await as(email)).request<{ returnRequest: any }>(`query($id: ID!) { returnRequest(id: $id) { ${RETURN_FIELDS} creditNote { number total { amount currency } } } }`, { id })).returnRequest;
}
/** A return filed, accepted, received and assessed: ready for its disposition. */
async function assessedReturn(): Promise<Return> {
  const note = await freshNote(untracked);
  const line = note.lines.find(untracked)!;
  const filed = await file(admin.email, { deliveryNoteId: note.id, reasonCode: 'WRONG_ITEM', condition: 'UNOPENED', lines: [{ lineNo: line.lineNo, quantity: '1' }] });
  await accept(filed.id);
  await receive(filed.number);
  return assess(filed.id);
}
const acceptedByErp = async (returnId: string): Promise<number> => (await erpAdmin('GET', '/admin/stats')).returns.acceptedByKey?.[returnId] ?? 0;

describe('returns (RMA) through the gateway', () => {
  afterEach(async () => {
    await erpAdmin('DELETE', '/admin/faults');
  });

  it('offers the reason dictionary per language and the policy', async () => {
    const api = await as(buyer.email);
    const { returnReasons, returnPolicy } = await api.request<{ returnReasons: Array<{ code: string; label: string; language: string }>; returnPolicy: { periodMonths: number; maxAttachmentBytes: number } }>(
      '{ returnReasons(language: "sv") { code label language } returnPolicy { periodMonths maxAttachmentBytes } }',
    );
    expect(returnReasons.find((r) => r.code === 'DEFECTIVE')).toEqual({ code: 'DEFECTIVE', label: 'Defekt eller fungerar inte', language: 'sv' });
    expect(returnPolicy).toEqual({ periodMonths: 12, maxAttachmentBytes: 512 * 1024 });

    // Staff add a reason; a language it lacks falls back to English.
    await staff('mutation { setReturnReason(code: "TEST_ONLY_REASON", labels: [{ language: "en", label: "Test reason" }]) { code } }', {});
    const { returnReasons: fi } = await api.request<{ returnReasons: Array<{ code: string; language: string }> }>('{ returnReasons(language: "fi") { code label language } }');
    expect(fi.find((r) => r.code === 'TEST_ONLY_REASON')?.language).toBe('en');
    await staff('mutation { setReturnReason(code: "TEST_ONLY_REASON", labels: [], active: false) { code } }', {});
    expect((await api.request<{ returnReasons: Array<{ code: string }> }>('{ returnReasons { code } }')).returnReasons.map((r) => r.code)).not.toContain('TEST_ONLY_REASON');
    // A customer may not edit the dictionary.
    expect((await failure(api.request('mutation { setReturnReason(code: "NOPE", labels: [{ language: "en", label: "x" }]) { code } }'))).codes).toEqual(['FORBIDDEN']);
  });

  it('files part of a line with a photo, then the rest of the line, and refuses more than delivered', async () => {
    const note = await freshNote((l) => untracked(l) && Number(l.quantity) >= 2);
    const line = note.lines.find((l) => untracked(l) && Number(l.quantity) >= 2)!;
    const partial = await file(buyer.email, {
      deliveryNoteId: note.id, reasonCode: 'DEFECTIVE', language: 'pl', condition: 'OPENED', comment: 'One of them rattles',
      lines: [{ lineNo: line.lineNo, quantity: '1' }], attachments: [{ kind: 'PHOTO', fileName: 'rattle.png', contentType: 'image/png', contentBase64: PHOTO }],
    });
    expect(partial).toMatchObject({ status: 'FILED', deliveryNoteNumber: note.number, reason: { code: 'DEFECTIVE', label: 'Wadliwy lub niedziałający', language: 'pl' }, labelUrl: null });
    expect(partial.number).toMatch(/^R-[A-Z2-9]{8}$/);
    expect(partial.lines).toEqual([{ deliveryLineNo: line.lineNo, sku: line.sku, quantity: '1', serialNumbers: null, condition: 'OPENED' }]);
    expect(partial.attachments).toEqual([expect.objectContaining({ kind: 'PHOTO', fileName: 'rattle.png', contentType: 'image/png', byteSize: Buffer.from(PHOTO, 'base64').length })]);
    const photo = await download(partial.attachments[0].url, buyer.email);
    expect([photo.status, photo.type]).toEqual([200, 'image/png']);
    expect(photo.body.equals(Buffer.from(PHOTO, 'base64'))).toBe(true);
    // A link is good for the user it was issued to only: another company's user is refused it.
    expect((await download(partial.attachments[0].url, otherBuyer.email)).status).toBe(403);

    const before = await companyReturns();
    const open = Number(line.quantity) - 1;
    const over = await failure(file(buyer.email, { deliveryNoteId: note.id, reasonCode: 'DEFECTIVE', condition: 'OPENED', lines: [{ lineNo: line.lineNo, quantity: String(open + 1) }] }));
    expect(over.codes).toEqual(['BAD_USER_INPUT']);
    expect(over.extensions[0]).toMatchObject({ field: 'lines.0.quantity', reason: 'MORE_THAN_DELIVERED', returnable: String(open) });
    expect(await companyReturns()).toBe(before);

    // The whole line: what is left of it.
    const rest = await file(buyer.email, { deliveryNoteId: note.id, reasonCode: 'NOT_NEEDED', condition: 'UNOPENED', lines: [{ lineNo: line.lineNo }] });
    expect(rest.lines).toEqual([expect.objectContaining({ deliveryLineNo: line.lineNo, quantity: String(open) })]);
    const nothingLeft = await failure(file(buyer.email, { deliveryNoteId: note.id, reasonCode: 'NOT_NEEDED', condition: 'UNOPENED', lines: [{ lineNo: line.lineNo, quantity: '0.5' }] }));
    expect(nothingLeft.extensions[0]).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MORE_THAN_DELIVERED', returnable: '0' });

    // A rejected return frees what it claimed.
    await staff('mutation($id: ID!) { rejectReturn(id: $id, reason: "Not from us") { status } }', { id: rest.id });
    const again = await file(buyer.email, { deliveryNoteId: note.id, reasonCode: 'NOT_NEEDED', condition: 'UNOPENED', lines: [{ lineNo: line.lineNo, quantity: String(open) }] });
    expect(again.status).toBe('FILED');
  });

  it('files a whole delivery note, serial numbers included, and refuses a wrong serial number', async () => {
    const note = await freshNote((l) => !!l.serialNumbers);
    const tracked = note.lines.find((l) => !!l.serialNumbers)!;
    const before = await companyReturns();
    const wrong = await failure(file(buyer.email, { deliveryNoteId: note.id, reasonCode: 'DEFECTIVE', condition: 'DEFECTIVE', lines: [{ lineNo: tracked.lineNo, quantity: '1', serialNumbers: ['SN-NOT-OURS'] }] }));
    expect(wrong.codes).toEqual(['BAD_USER_INPUT']);
    expect(wrong.extensions[0]).toMatchObject({ field: 'lines.0.serialNumbers', reason: 'WRONG_SERIAL_NUMBER' });
    expect(wrong.messages[0]).toContain('SN-NOT-OURS');
    const missing = await failure(file(buyer.email, { deliveryNoteId: note.id, reasonCode: 'DEFECTIVE', condition: 'DEFECTIVE', lines: [{ lineNo: tracked.lineNo, quantity: '1' }] }));
    expect(missing.extensions[0]).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'SERIAL_NUMBERS_REQUIRED' });
    expect(await companyReturns()).toBe(before);

    const whole = await file(buyer.email, { deliveryNoteId: note.id, reasonCode: 'WRONG_ITEM', condition: 'UNOPENED' });
    expect(whole.lines.map((l) => [l.deliveryLineNo, l.sku, Number(l.quantity), l.serialNumbers])).toEqual(note.lines.map((l) => [l.lineNo, l.sku, Number(l.quantity), l.serialNumbers ?? null]));
    // Everything on it is claimed now.
    const twice = await failure(file(buyer.email, { deliveryNoteId: note.id, reasonCode: 'WRONG_ITEM', condition: 'UNOPENED' }));
    expect(twice.codes).toEqual(['CONFLICT']);
  });

  it("refuses another company's delivery note, a note past the return period, an oversized or wrong attachment, and users without returns.file", async () => {
    const ownNote = await freshNote(untracked);
    const line = ownNote.lines.find(untracked)!;
    const before = await companyReturns();

    const foreign = (await notesOf(otherBuyer.email))[0];
    const notOurs = await failure(file(buyer.email, { deliveryNoteId: foreign.id, reasonCode: 'DEFECTIVE', condition: 'OPENED' }));
    expect(notOurs.codes).toEqual(['NOT_FOUND']);

    const { returnPolicy } = await (await as(buyer.email)).request<{ returnPolicy: { maxAttachmentBytes: number } }>('{ returnPolicy { maxAttachmentBytes } }');
    const big = Buffer.concat([Buffer.from(PHOTO, 'base64'), Buffer.alloc(returnPolicy.maxAttachmentBytes)]);
    const oversized = await failure(file(buyer.email, {
      deliveryNoteId: ownNote.id, reasonCode: 'DEFECTIVE', condition: 'OPENED', lines: [{ lineNo: line.lineNo, quantity: '1' }],
      attachments: [{ kind: 'PHOTO', fileName: 'huge.png', contentType: 'image/png', contentBase64: big.toString('base64') }],
    }));
    expect(oversized.extensions[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: 'attachments.0.contentBase64', maxBytes: returnPolicy.maxAttachmentBytes });
    const notAnImage = await failure(file(buyer.email, {
      deliveryNoteId: ownNote.id, reasonCode: 'DEFECTIVE', condition: 'OPENED', lines: [{ lineNo: line.lineNo, quantity: '1' }],
      attachments: [{ kind: 'PHOTO', fileName: 'photo.png', contentType: 'image/png', contentBase64: Buffer.from('#!/bin/sh\necho hi').toString('base64') }],
    }));
    expect(notAnImage.extensions[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: 'attachments.0.contentBase64' });
    const badType = await failure(file(buyer.email, {
      deliveryNoteId: ownNote.id, reasonCode: 'DEFECTIVE', condition: 'OPENED', attachments: [{ kind: 'PHOTO', fileName: 'a.txt', contentType: 'text/plain', contentBase64: 'aGk=' }],
    }));
    expect(badType.extensions[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: 'attachments.0.contentType' });
    const unknownReason = await failure(file(buyer.email, { deliveryNoteId: ownNote.id, reasonCode: 'NO_SUCH_REASON', condition: 'OPENED' }));
    expect(unknownReason.extensions[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reasonCode' });
    const noLine = await failure(file(buyer.email, { deliveryNoteId: ownNote.id, reasonCode: 'DEFECTIVE', condition: 'OPENED', lines: [{ lineNo: 999, quantity: '1' }] }));
    expect(noLine.extensions[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: 'lines.0.lineNo' });
    expect((await failure(file(readOnly.email, { deliveryNoteId: ownNote.id, reasonCode: 'DEFECTIVE', condition: 'OPENED' }))).codes).toEqual(['FORBIDDEN']);

    // The period: staff shorten it to one month; a note delivered before that is refused.
    const all = await notesOf(buyer.email);
    const oldest = all.filter((n) => !used.has(n.id)).sort((a, b) => Date.parse(a.deliveredAt ?? a.shippedAt) - Date.parse(b.deliveredAt ?? b.shippedAt))[0];
    expect(Date.now() - Date.parse(oldest.deliveredAt ?? oldest.shippedAt)).toBeGreaterThan(40 * 24 * 3600 * 1000);
    expect((await failure((await as(buyer.email)).request('mutation { setReturnPeriod(months: 1) { periodMonths } }'))).codes).toEqual(['FORBIDDEN']);
    await staff('mutation { setReturnPeriod(months: 1) { periodMonths } }', {});
    try {
      const late = await failure(file(buyer.email, { deliveryNoteId: oldest.id, reasonCode: 'DEFECTIVE', condition: 'OPENED' }));
      expect(late.extensions[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: 'deliveryNoteId', reason: 'RETURN_PERIOD_OVER' });
      expect(late.messages[0]).toContain('within 1 months');
    } finally {
      await staff('mutation { setReturnPeriod(months: 12) { periodMonths } }', {});
    }
    expect(await companyReturns()).toBe(before);
  });

  it('files against a delivery note synced before the hub kept customer numbers, asking the ERP for it', async () => {
    const note = await freshNote(untracked);
    const db = new Client({ connectionString: process.env.HUB_TEST_DATABASE_URL });
    await db.connect();
    try {
      await db.query('update finance.delivery_note set customer_number = null where id = $1', [note.id]);
      const filed = await file(buyer.email, { deliveryNoteId: note.id, reasonCode: 'NOT_NEEDED', condition: 'UNOPENED', lines: [{ lineNo: note.lines.find(untracked)!.lineNo, quantity: '1' }] });
      expect(filed.status).toBe('FILED');
      const { rows } = await db.query('select d.customer_number as note, r.customer_number as ret from finance.delivery_note d join finance.return_request r on r.delivery_note_id = d.id where r.id = $1', [filed.id]);
      expect(rows[0].note).toMatch(/\S/);
      expect(rows[0].ret).toBe(rows[0].note);
    } finally {
      await db.end();
    }
  });

  it('follows a return from filing to its credit note: label with a decodable barcode, waybill, receipt by barcode, assessment, the ERP credit note read back; subscribers hear each step', async () => {
    const note = await freshNote(untracked);
    const line = note.lines.find(untracked)!;
    const filed = await file(admin.email, {
      deliveryNoteId: note.id, reasonCode: 'DAMAGED_IN_TRANSIT', condition: 'DAMAGED', lines: [{ lineNo: line.lineNo, quantity: '1' }],
      attachments: [{ kind: 'PHOTO', fileName: 'dent.png', contentType: 'image/png', contentBase64: PHOTO }],
    });
    const subscription = new RecordedSubscription(wsClient({ token: await tokenFor(admin.email) }), 'subscription($id: ID!) { returnStatusChanged(returnId: $id) { number status creditNoteNumber } }', { id: filed.id });
    // Another company's user hears nothing of it.
    const stranger = new RecordedSubscription(wsClient({ token: await tokenFor(otherBuyer.email) }), 'subscription($id: ID!) { returnStatusChanged(returnId: $id) { number status } }', { id: filed.id });
    try {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const accepted = await accept(filed.id);
      expect(accepted.status).toBe('LABEL_ISSUED');
      expect(accepted.history.map((h) => h.to)).toEqual(['FILED', 'ACCEPTED', 'LABEL_ISSUED']);
      // The customer prints the label from its own link (the staff's link is the staff's).
      expect(await download(accepted.labelUrl!, STAFF).then((d) => d.status)).toBe(200);
      const label = await download((await current(filed.id)).labelUrl!, admin.email);
      expect([label.status, label.type]).toEqual([200, 'application/pdf']);
      expect(decodeBarcodes(label.body)).toEqual([`CODE-128:${filed.number}`]);
      // Staff find it by what the scanner read.
      const found = await staff<{ returnByLabel: { id: string } | null }>('query($b: String!) { returnByLabel(barcode: $b) { id } }', { b: filed.number });
      expect(found.returnByLabel?.id).toBe(filed.id);

      const waybill = await (await as(admin.email)).request<{ addReturnWaybill: Return }>(
        `mutation($id: ID!, $f: ReturnAttachmentInput) { addReturnWaybill(id: $id, waybillNumber: "PN-123456789", carrier: "PostNord", file: $f) { ${RETURN_FIELDS} } }`,
        { id: filed.id, f: { kind: 'WAYBILL', fileName: 'waybill.png', contentType: 'image/png', contentBase64: PHOTO } },
      );
      expect(waybill.addReturnWaybill).toMatchObject({ status: 'IN_TRANSIT', waybillNumber: 'PN-123456789' });
      expect(waybill.addReturnWaybill.attachments.map((a) => a.kind)).toEqual(['PHOTO', 'WAYBILL']);
      expect((await receive(filed.number)).status).toBe('RECEIVED');
      expect((await assess(filed.id)).status).toBe('ASSESSED');
      expect((await decide(filed.id, 'CREDIT')).disposition).toBe('CREDIT');

      const credited = await eventually(async () => {
        const r = await current(filed.id);
        return r.status === 'CREDITED' && r;
      }, 30_000, 'the ERP receipt');
      expect(credited.erpReturnNumber).toMatch(/^RMA-/);
      // Read back in the delivery's own transaction: no sync run needed.
      expect(credited.creditNote).toMatchObject({ number: credited.creditNoteNumber, total: { currency: expect.any(String) } });
      expect(Number(credited.creditNote!.total.amount)).toBeGreaterThan(0);
      expect(await acceptedByErp(filed.id)).toBe(1);
      // The buyer without invoices.view sees the number, not the accounting document.
      const byBuyer = await failure((await as(buyer.email)).request('query($id: ID!) { returnRequest(id: $id) { creditNoteNumber creditNote { number } } }', { id: filed.id }));
      expect(byBuyer.codes).toEqual(['FORBIDDEN']);
      expect(byBuyer.data).toEqual({ returnRequest: { creditNoteNumber: credited.creditNoteNumber, creditNote: null } });

      await staff('mutation($id: ID!) { closeReturn(id: $id) { status } }', { id: filed.id });
      await subscription.until((s) => s.results.some((r) => r.data?.returnStatusChanged?.status === 'CLOSED'), 15_000);
      const heard = subscription.results.map((r) => r.data?.returnStatusChanged?.status);
      for (const status of ['LABEL_ISSUED', 'IN_TRANSIT', 'RECEIVED', 'ASSESSED', 'CREDITED', 'CLOSED']) expect(heard).toContain(status);
      expect(stranger.results.filter((r) => r.data?.returnStatusChanged)).toEqual([]);
    } finally {
      subscription.unsubscribe();
      stranger.unsubscribe();
    }
  });

  it("mails each step once to its filer and to the company's administrators (Messages), and the log says so", async () => {
    const note = await freshNote(untracked);
    const line = note.lines.find(untracked)!;
    const filed = await file(buyer.email, { deliveryNoteId: note.id, reasonCode: 'WRONG_ITEM', condition: 'UNOPENED', lines: [{ lineNo: line.lineNo, quantity: '1' }] });
    await accept(filed.id);
    await receive(filed.number);
    await assess(filed.id);
    await decide(filed.id, 'CREDIT');
    const credited = await eventually(async () => {
      const r = await current(filed.id);
      return r.status === 'CREDITED' && r;
    }, 30_000, 'the ERP receipt');
    const mailsAbout = (email: string) => caughtMail(email).map(bodyOf).filter((body) => body.includes(filed.number));
    for (const email of [buyer.email, admin.email]) {
      await eventually(async () => mailsAbout(email).length >= 4 || undefined, 30_000, `the return's mails to ${email}`);
    }
    // Once each, though the return's events may reach the worker more than once.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(mailsAbout(buyer.email)).toHaveLength(4);
    expect(mailsAbout(admin.email)).toHaveLength(4);
    expect(mailsAbout(buyer.email).filter((raw) => raw.includes(credited.creditNoteNumber!))).toHaveLength(1);
    const staffApi = await as('admin@hub.example');
    const steps: Array<[string, string]> = [['FILED', 'return.filed'], ['LABEL_ISSUED', 'return.accepted'], ['RECEIVED', 'return.received'], ['CREDITED', 'return.credited']];
    for (const [status, template] of steps) {
      const log = (await staffApi.request<{ messageLog: Array<{ template: string; status: string; recipientAddress: string; language: string; subject: string }> }>(
        'query($ref: String) { messageLog(ref: $ref, first: 10) { template status recipientAddress language subject } }', { ref: `return:${filed.id}:${status}` },
      )).messageLog;
      // The filer and every administrator of the company (other tests may have added some), each once.
      const recipients = log.map((m) => m.recipientAddress);
      expect(recipients).toEqual(expect.arrayContaining([admin.email, buyer.email]));
      expect(new Set(recipients).size).toBe(recipients.length);
      expect(log.every((m) => m.template === template && m.status === 'ACCEPTED')).toBe(true);
      // The demo company is Swedish: its users read Swedish.
      expect(log.every((m) => m.language === 'sv' && m.subject.startsWith(`Retur ${filed.number}`))).toBe(true);
    }
  });

  it('refuses every move outside the state machine with CONFLICT and changes nothing', async () => {
    const note = await freshNote(untracked);
    const line = note.lines.find(untracked)!;
    const filed = await file(buyer.email, { deliveryNoteId: note.id, reasonCode: 'NOT_NEEDED', condition: 'UNOPENED', lines: [{ lineNo: line.lineNo, quantity: '1' }] });
    const conflictOf = async (p: Promise<unknown>) => (await failure(p)).codes;
    expect(await conflictOf(receive(filed.number))).toEqual(['CONFLICT']);
    expect(await conflictOf(assess(filed.id))).toEqual(['CONFLICT']);
    expect(await conflictOf(decide(filed.id, 'CREDIT'))).toEqual(['CONFLICT']);
    expect(await conflictOf(staff('mutation($id: ID!) { closeReturn(id: $id) { status } }', { id: filed.id }))).toEqual(['CONFLICT']);
    expect(await conflictOf((await as(buyer.email)).request('mutation($id: ID!) { addReturnWaybill(id: $id, waybillNumber: "X1") { status } }', { id: filed.id }))).toEqual(['CONFLICT']);
    expect((await current(filed.id)).status).toBe('FILED');

    await accept(filed.id);
    expect(await conflictOf(accept(filed.id))).toEqual(['CONFLICT']);
    expect(await conflictOf(staff('mutation($id: ID!) { rejectReturn(id: $id, reason: "late") { status } }', { id: filed.id }))).toEqual(['CONFLICT']);
    // Customers cannot move it along staff's steps.
    expect((await failure((await as(buyer.email)).request('mutation($id: ID!) { acceptReturn(id: $id) { status } }', { id: filed.id }))).codes).toEqual(['FORBIDDEN']);

    const other = await freshNote(untracked);
    const rejected = await file(buyer.email, { deliveryNoteId: other.id, reasonCode: 'NOT_NEEDED', condition: 'UNOPENED', lines: [{ lineNo: other.lines.find(untracked)!.lineNo, quantity: '1' }] });
    await staff('mutation($id: ID!) { rejectReturn(id: $id, reason: "No") { status } }', { id: rejected.id });
    expect(await conflictOf(accept(rejected.id))).toEqual(['CONFLICT']);
    expect((await current(rejected.id)).statusReason).toBe('No');

    const assessed = await assessedReturn();
    await decide(assessed.id, 'EXCHANGE');
    expect(await conflictOf(decide(assessed.id, 'CREDIT'))).toEqual(['CONFLICT']);
    const exchanged = await eventually(async () => {
      const r = await current(assessed.id);
      return r.status === 'EXCHANGED' && r;
    }, 30_000, 'the exchange receipt');
    expect([exchanged.creditNoteNumber, exchanged.creditNote]).toEqual([null, null]);
    expect(await acceptedByErp(assessed.id)).toBe(1);
  });

  it('delivers the disposition exactly once across an ERP outage', async () => {
    const assessed = await assessedReturn();
    await erpAdmin('POST', '/admin/faults', { outage: true });
    await decide(assessed.id, 'CREDIT');
    await eventually(async () => {
      const m = (await outboxMessages()).find((o) => o.key === assessed.id);
      return m && m.source === 'finance' && m.status === 'PENDING' && m.attempts >= 1 && /TRANSIENT/.test(m.lastError ?? '');
    }, 30_000, 'a failed attempt during the outage');
    expect((await current(assessed.id)).status).toBe('ASSESSED');
    expect(await acceptedByErp(assessed.id)).toBe(0);

    await erpAdmin('DELETE', '/admin/faults');
    const credited = await eventually(async () => {
      const r = await current(assessed.id);
      return r.status === 'CREDITED' && r;
    }, 60_000, 'delivery after the outage');
    expect(credited.creditNote?.number).toBe(credited.creditNoteNumber);
    expect(await acceptedByErp(assessed.id)).toBe(1);
  });

  it('an ERP that crashes after accepting the return still books one return and one credit note', async () => {
    const assessed = await assessedReturn();
    await erpAdmin('POST', '/admin/faults', { crashAfterAcceptingReturn: true });
    await decide(assessed.id, 'CREDIT');
    const delivered = await eventually(async () => {
      const m = (await outboxMessages()).find((o) => o.key === assessed.id);
      return m?.status === 'DELIVERED' && m;
    }, 60_000, 'delivery after the crash');
    expect(delivered.attempts).toBeGreaterThanOrEqual(2);
    expect(await acceptedByErp(assessed.id)).toBe(1);
    const credited = await current(assessed.id);
    expect(credited.status).toBe('CREDITED');
    const { creditNotes } = await (await as(admin.email)).request<{ creditNotes: Array<{ number: string }> }>('{ creditNotes(first: 200) { number } }');
    expect(creditNotes.filter((c) => c.number === credited.creditNoteNumber)).toHaveLength(1);
    expect(credited.history.filter((h) => h.to === 'CREDITED')).toHaveLength(1);
  });
});
