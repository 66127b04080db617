import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Decimal from 'decimal.js';
import ExcelJS from 'exceljs';
import { loadAuthSecrets, signFileLink } from '@hub/auth';
import { as, demo, demoUser, failure, gatewayUrl, tokenFor } from './support/hub-client';
import { erpAdmin, eventually } from './support/staff-client';

/**
 * A customer's money, self-served through the gateway: the invoice list (sorted, filtered, paged,
 * exported), open items, the account statement, credit and yearly totals, with their refusals.
 */
const kowalski = demo.companies[1];
const reader = demoUser(1, 'read-only');
const admin = demoUser(1, 'customer admin');
const buyer = demoUser(1, 'buyer');
const ferreteria = demo.companies[2];
const baltic = demo.companies[3];

async function syncNow(operations: string[]): Promise<void> {
  const staff = await as('sync@hub.example');
  for (const o of operations) await staff.request('mutation($o: String!) { runSyncNow(operation: $o) { runRequested } }', { o });
}

type Money = { amount: string; currency: string };
const sum = (values: string[]) => values.reduce((s, v) => s.plus(v), new Decimal(0)).toFixed(2);

const LIST = `query($f: InvoiceFilter, $o: InvoiceSort, $first: Int, $after: String) {
  invoiceList(filter: $f, orderBy: $o, first: $first, after: $after) {
    totalCount edges { cursor node { id number issuedAt dueAt status total { amount currency } company { id } } } pageInfo { hasNextPage endCursor }
  } }`;
type ListNode = { id: string; number: string; issuedAt: string; dueAt: string; status: string; total: Money; company: { id: string } };

async function walk(email: string, filter: unknown, orderBy: unknown, first: number): Promise<{ nodes: ListNode[]; totalCount: number }> {
  const api = await as(email);
  const nodes: ListNode[] = [];
  let after: string | null = null;
  let totalCount = -1;
  for (let page = 0; page < 100; page++) {
    const { invoiceList }: { invoiceList: any } = await api.request<{ invoiceList: any }>(LIST, { f: filter, o: orderBy, first, after });
    totalCount = invoiceList.totalCount;
    nodes.push(...invoiceList.edges.map((e: { node: ListNode }) => e.node));
    if (!invoiceList.pageInfo.hasNextPage) return { nodes, totalCount };
    after = invoiceList.pageInfo.endCursor;
  }
  throw new Error('paging did not end');
}

describe('the invoice list', () => {
  it('pages by cursor in the order asked, filters, and never shows another company', async () => {
    const all = await walk(reader.email, null, { field: 'TOTAL', direction: 'ASC' }, 2);
    expect(all.nodes.length).toBe(all.totalCount);
    expect(all.nodes.length).toBeGreaterThanOrEqual(demo.invoices.filter((i) => i.companyId === kowalski.id).length);
    expect(new Set(all.nodes.map((n) => n.company.id))).toEqual(new Set([kowalski.id]));
    expect(new Set(all.nodes.map((n) => n.id)).size).toBe(all.nodes.length);
    const totals = all.nodes.map((n) => new Decimal(n.total.amount));
    expect(totals.every((t, i) => i === 0 || t.gte(totals[i - 1]))).toBe(true);

    const byDue = await walk(reader.email, { status: 'OPEN' }, { field: 'DUE_AT', direction: 'DESC' }, 3);
    expect(byDue.nodes.map((n) => n.id).sort()).toEqual(all.nodes.filter((n) => n.status === 'OPEN').map((n) => n.id).sort());
    expect(byDue.nodes.every((n, i) => i === 0 || n.dueAt <= byDue.nodes[i - 1].dueAt)).toBe(true);

    const [low, high] = [totals[1].toFixed(2), totals[totals.length - 2].toFixed(2)];
    const ranged = await walk(reader.email, { minTotal: low, maxTotal: high }, { field: 'NUMBER', direction: 'ASC' }, 50);
    expect(ranged.nodes.map((n) => n.id).sort()).toEqual(all.nodes.filter((n) => new Decimal(n.total.amount).gte(low) && new Decimal(n.total.amount).lte(high)).map((n) => n.id).sort());
    expect(ranged.nodes.map((n) => n.number)).toEqual([...ranged.nodes.map((n) => n.number)].sort());

    const first = all.nodes.map((n) => n.issuedAt).sort()[0].slice(0, 10);
    const period = await walk(reader.email, { issuedFrom: first, issuedTo: first }, null, 50);
    expect(period.nodes.length).toBeGreaterThan(0);
    expect(period.nodes.every((n) => n.issuedAt.startsWith(first))).toBe(true);

    const order = demo.invoices.find((i) => i.companyId === kowalski.id)!;
    const ofOrder = await walk(reader.email, { orderId: order.orderId }, null, 50);
    expect(ofOrder.nodes.map((n) => n.number)).toEqual(demo.invoices.filter((i) => i.orderId === order.orderId).map((i) => i.number));
  });

  it('refuses bad input with its code and field, and other companies as not found', async () => {
    const api = await as(reader.email);
    const refusal = async (variables: Record<string, unknown>) => {
      const f = await failure(api.request(LIST, variables));
      return [f.codes[0], f.fields[0]];
    };
    expect(await refusal({ after: 'not-a-cursor' })).toEqual(['BAD_USER_INPUT', 'after']);
    const { invoiceList } = await api.request<{ invoiceList: { pageInfo: { endCursor: string } } }>(LIST, { first: 1, o: { field: 'NUMBER', direction: 'ASC' } });
    expect(await refusal({ after: invoiceList.pageInfo.endCursor, o: { field: 'TOTAL', direction: 'ASC' } })).toEqual(['BAD_USER_INPUT', 'after']);
    expect(await refusal({ f: { issuedFrom: '2026-02-30' } })).toEqual(['BAD_USER_INPUT', 'filter.issuedFrom']);
    expect(await refusal({ f: { issuedFrom: '2026-05-02', issuedTo: '2026-05-01' } })).toEqual(['BAD_USER_INPUT', 'filter.issuedTo']);
    expect(await refusal({ f: { minTotal: '-1' } })).toEqual(['BAD_USER_INPUT', 'filter.minTotal']);
    expect(await refusal({ f: { minTotal: '10.001' } })).toEqual(['BAD_USER_INPUT', 'filter.minTotal']);
    expect(await refusal({ f: { minTotal: '20', maxTotal: '10' } })).toEqual(['BAD_USER_INPUT', 'filter.maxTotal']);
    expect(await refusal({ f: { orderId: 'x' } })).toEqual(['BAD_USER_INPUT', 'filter.orderId']);
    expect(await refusal({ first: 0 })).toEqual(['BAD_USER_INPUT', 'first']);
    expect((await failure(api.request(LIST, { f: { companyId: baltic.id } }))).codes).toEqual(['NOT_FOUND']);
    expect((await failure((await as(buyer.email)).request(LIST, {}))).codes).toEqual(['FORBIDDEN']);
  });
});

describe('invoice list exports', () => {
  const EXPORT = 'query($fmt: ExportFormat!, $f: InvoiceFilter, $o: InvoiceSort, $l: String) { invoicesExport(format: $fmt, filter: $f, orderBy: $o, language: $l) { url fileName format expiresAt } }';
  const download = async (url: string, email: string | null) =>
    fetch(url, { headers: email ? { authorization: `Bearer ${await tokenFor(email)}` } : {} });

  it('gives the filtered list as XLSX with Polish headings, read back with exceljs, to the user it was issued to only', async () => {
    const api = await as(reader.email);
    const { invoicesExport } = await api.request<{ invoicesExport: { url: string; fileName: string; format: string; expiresAt: string } }>(EXPORT, {
      fmt: 'XLSX', f: { status: 'OPEN' }, o: { field: 'NUMBER', direction: 'ASC' }, l: 'pl-PL',
    });
    expect(invoicesExport.url.startsWith(`${new URL(gatewayUrl()).origin}/files/finance/`)).toBe(true);
    expect(invoicesExport.fileName).toMatch(/^invoices-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(Date.parse(invoicesExport.expiresAt)).toBeGreaterThan(Date.now());
    const res = await download(invoicesExport.url, reader.email);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as any);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('Faktury');
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual(['Numer', 'Data wystawienia', 'Termin płatności', 'Zamówienie', 'Status', 'Netto', 'VAT', 'Brutto', 'Do zapłaty', 'Waluta']);
    const open = await walk(reader.email, { status: 'OPEN' }, { field: 'NUMBER', direction: 'ASC' }, 200);
    const data = rows.slice(1, 1 + open.nodes.length);
    expect(data.map((r) => r[0])).toEqual(open.nodes.map((n) => n.number));
    expect(data.every((r) => r[4] === 'Otwarta')).toBe(true);
    expect(data.map((r) => new Decimal(r[7] as number).toFixed(2))).toEqual(open.nodes.map((n) => n.total.amount));
    expect((data[0][1] as Date).toISOString()).toBe(new Date(open.nodes[0].issuedAt).toISOString());
    // The totals row per currency closes the list; the deployment's name and legal footer follow (tests/export-branding.test.ts).
    const last = rows[open.nodes.length + 1];
    expect([last[0], new Decimal(last[7] as number).toFixed(2), last[9]]).toEqual(['Razem', sum(open.nodes.map((n) => n.total.amount)), 'EUR']);
    expect(rows).toHaveLength(open.nodes.length + 4);

    // Another user of the same company, nobody, a forged and an expired link: refused.
    const coworker = await download(invoicesExport.url, admin.email);
    expect([coworker.status, ((await coworker.json()) as any).errors[0].extensions.code]).toEqual([403, 'FORBIDDEN']);
    expect((await download(invoicesExport.url, null)).status).toBe(401);
    const forged = await download(`${invoicesExport.url.slice(0, -4)}abcd`, reader.email);
    expect([forged.status, ((await forged.json()) as any).errors[0].extensions.code]).toEqual([404, 'NOT_FOUND']);
    const token = invoicesExport.url.split('/').pop()!;
    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    const expired = await signFileLink(payload.sub, { subgraph: 'finance', route: payload.rt, ref: payload.ref }, loadAuthSecrets(), { ttlSeconds: 60, now: new Date(Date.now() - 3_600_000) });
    const late = await download(invoicesExport.url.replace(token, expired), reader.email);
    expect([late.status, ((await late.json()) as any).errors[0].extensions.code]).toEqual([410, 'LINK_EXPIRED']);
  });

  it('gives the list as a PDF with Spanish headings whose text reads back', async () => {
    const api = await as(demoUser(2, 'read-only').email);
    const { invoicesExport } = await api.request<{ invoicesExport: { url: string } }>(EXPORT, { fmt: 'PDF', l: 'es' });
    const res = await download(invoicesExport.url, demoUser(2, 'read-only').email);
    expect([res.status, res.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    const dir = mkdtempSync(join(tmpdir(), 'invoice-export-'));
    writeFileSync(join(dir, 'list.pdf'), Buffer.from(await res.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'list.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('Facturas');
    expect(text).toContain('Vencimiento');
    for (const invoice of demo.invoices.filter((i) => i.companyId === ferreteria.id)) expect(text).toContain(invoice.number);
  });

  it('refuses bad input before making a link, and the filter of another company', async () => {
    const api = await as(reader.email);
    const f = async (variables: Record<string, unknown>) => {
      const r = await failure(api.request(EXPORT, variables));
      return [r.codes[0], r.fields[0]];
    };
    expect(await f({ fmt: 'XLSX', l: 'tlh' })).toEqual(['BAD_USER_INPUT', 'language']);
    expect(await f({ fmt: 'PDF', f: { issuedTo: 'yesterday' } })).toEqual(['BAD_USER_INPUT', 'filter.issuedTo']);
    expect((await failure(api.request(EXPORT, { fmt: 'XLSX', f: { companyId: baltic.id } }))).codes).toEqual(['NOT_FOUND']);
    expect((await failure((await as(buyer.email)).request(EXPORT, { fmt: 'XLSX' }))).codes).toEqual(['FORBIDDEN']);
  });
});

const OPEN_ITEMS = '{ openItems { asOf items { documentNumber documentType dueDate daysOverdue amount { amount currency } openAmount { amount currency } invoice { number status } } totals { currency due { amount } overdue { amount } notYetDue { amount } } } }';
type OpenItems = {
  asOf: string;
  items: Array<{ documentNumber: string; documentType: string; dueDate: string; daysOverdue: number; amount: Money; openAmount: Money; invoice: { number: string; status: string } | null }>;
  totals: Array<{ currency: string; due: { amount: string }; overdue: { amount: string }; notYetDue: { amount: string } }>;
};
const STATEMENT = `query($from: String!, $to: String!, $c: ID) { statement(from: $from, to: $to, companyId: $c) {
  from to company { id } accounts { currency openingBalance { amount } closingBalance { amount } debits { amount } credits { amount }
    movements { date kind documentNumber invoiceNumber amount { amount } balance { amount } } } } }`;
type Statement = {
  accounts: Array<{ currency: string; openingBalance: { amount: string }; closingBalance: { amount: string }; debits: { amount: string }; credits: { amount: string };
    movements: Array<{ date: string; kind: string; documentNumber: string; invoiceNumber: string | null; amount: { amount: string }; balance: { amount: string } }> }>;
};

describe('open items, statement and a payment the ERP records', () => {
  it('shows open amounts, overdue days and totals; a payment booked in the ERP shrinks the open item and shows on the statement', async () => {
    const api = await as(reader.email);
    const { openItems: before } = await api.request<{ openItems: OpenItems }>(OPEN_ITEMS);
    expect(before.items.length).toBeGreaterThan(0);
    for (const item of before.items) {
      const days = Math.round((Date.parse(before.asOf) - Date.parse(item.dueDate)) / 86_400_000);
      expect(item.daysOverdue).toBe(new Decimal(item.openAmount.amount).gt(0) ? Math.max(0, days) : 0);
      if (item.documentType === 'INVOICE') expect(item.invoice?.number).toBe(item.documentNumber);
    }
    const eur = before.totals.find((t) => t.currency === 'EUR')!;
    expect(eur.due.amount).toBe(sum(before.items.map((i) => i.openAmount.amount)));
    expect(eur.overdue.amount).toBe(sum(before.items.filter((i) => i.daysOverdue > 0).map((i) => i.openAmount.amount)));
    expect(new Decimal(eur.overdue.amount).plus(eur.notYetDue.amount).toFixed(2)).toBe(eur.due.amount);

    // The customer pays 12.34 of its oldest open invoice; the ERP books it.
    const target = before.items.find((i) => i.documentType === 'INVOICE' && new Decimal(i.openAmount.amount).gt(20))!;
    const payment = await erpAdmin('POST', `/admin/invoices/${target.documentNumber}/payments`, { amount: '12.34' });
    expect(payment).toMatchObject({ invoiceNumber: target.documentNumber, amount: '12.34', customerNumber: kowalski.erpNumber });
    await syncNow(['openItems', 'payments', 'invoices']);
    const after = await eventually(async () => {
      const { openItems } = await api.request<{ openItems: OpenItems }>(OPEN_ITEMS);
      const item = openItems.items.find((i) => i.documentNumber === target.documentNumber);
      return item && item.openAmount.amount !== target.openAmount.amount ? { openItems, item } : undefined;
    }, 30_000, 'the payment to reach the open items');
    expect(after.item.openAmount.amount).toBe(new Decimal(target.openAmount.amount).minus('12.34').toFixed(2));
    expect(after.item.amount.amount).toBe(target.amount.amount);

    const today = new Date().toISOString().slice(0, 10);
    const statement = await eventually(async () => {
      const { statement: s } = await api.request<{ statement: Statement }>(STATEMENT, { from: today, to: today });
      return s.accounts[0]?.movements.some((m) => m.documentNumber === payment.paymentNumber) ? s : undefined;
    }, 30_000, 'the payment on the statement');
    const line = statement.accounts[0].movements.find((m) => m.documentNumber === payment.paymentNumber)!;
    expect(line).toMatchObject({ kind: 'PAYMENT', invoiceNumber: target.documentNumber, amount: { amount: '-12.34' } });
  });

  it('statement balances: opening + movements = closing, running balances, and what is owed today equals the open items', async () => {
    const api = await as(admin.email);
    // Everything the ERP has, synced; then the statement up to today closes at what is open.
    await syncNow(['invoices', 'creditNotes', 'payments', 'openItems']);
    await eventually(async () => {
      const { statement } = await api.request<{ statement: Statement }>(STATEMENT, { from: '2020-01-01', to: '2029-12-31' });
      const { openItems } = await api.request<{ openItems: OpenItems }>(OPEN_ITEMS);
      const account = statement.accounts.find((a) => a.currency === 'EUR')!;
      const due = openItems.totals.find((t) => t.currency === 'EUR')!.due.amount;
      return account.closingBalance.amount === due;
    }, 30_000, 'the statement to close at the open items');

    // Split the whole history at the day of its middle movement.
    const { statement: whole } = await api.request<{ statement: Statement }>(STATEMENT, { from: '2020-01-01', to: '2029-12-31' });
    const history = whole.accounts.find((a) => a.currency === 'EUR')!.movements;
    const split = history[Math.floor(history.length / 2)].date.slice(0, 10);
    const dayBefore = new Date(Date.parse(split) - 86_400_000).toISOString().slice(0, 10);
    const { statement } = await api.request<{ statement: Statement }>(STATEMENT, { from: split, to: '2029-12-31' });
    const account = statement.accounts.find((a) => a.currency === 'EUR')!;
    expect(account.movements.length).toBeGreaterThan(0);
    let running = new Decimal(account.openingBalance.amount);
    for (const m of account.movements) {
      running = running.plus(m.amount.amount);
      expect(m.balance.amount).toBe(running.toFixed(2));
      expect(m.date >= split).toBe(true);
    }
    expect(account.closingBalance.amount).toBe(running.toFixed(2));
    expect(new Decimal(account.debits.amount).minus(account.credits.amount).toFixed(2)).toBe(running.minus(account.openingBalance.amount).toFixed(2));
    // The opening balance is the closing balance of everything before.
    const { statement: earlier } = await api.request<{ statement: Statement }>(STATEMENT, { from: '2020-01-01', to: dayBefore });
    expect(earlier.accounts.find((a) => a.currency === 'EUR')!.closingBalance.amount).toBe(account.openingBalance.amount);
    expect(new Set(history.map((m) => m.kind))).toEqual(new Set(['INVOICE', 'CREDIT_NOTE', 'PAYMENT']));
    // Credit notes of the demo ledger appear with their invoice.
    for (const m of history.filter((x) => x.kind !== 'INVOICE')) expect(new Decimal(m.amount.amount).isNegative()).toBe(true);
  });

  it('refuses bad periods, names no company for staff, and answers NOT_FOUND for another company', async () => {
    const api = await as(reader.email);
    const f = async (variables: Record<string, unknown>, who = api) => {
      const r = await failure(who.request(STATEMENT, variables));
      return [r.codes[0], r.fields[0]];
    };
    expect(await f({ from: '2026-13-01', to: '2026-12-31' })).toEqual(['BAD_USER_INPUT', 'from']);
    expect(await f({ from: '2026-06-01', to: '2026-05-31' })).toEqual(['BAD_USER_INPUT', 'to']);
    expect(await f({ from: '2000-01-01', to: '2026-12-31' })).toEqual(['BAD_USER_INPUT', 'to']);
    expect(await f({ from: '2026-01-01', to: '2026-12-31' }, await as('admin@hub.example'))).toEqual(['BAD_USER_INPUT', 'companyId']);
    expect((await failure(api.request(STATEMENT, { from: '2026-01-01', to: '2026-12-31', c: baltic.id }))).codes).toEqual(['NOT_FOUND']);
    expect((await failure((await as(buyer.email)).request(STATEMENT, { from: '2026-01-01', to: '2026-12-31' }))).codes).toEqual(['FORBIDDEN']);
    expect((await failure((await as(buyer.email)).request(OPEN_ITEMS))).codes).toEqual(['FORBIDDEN']);
    expect((await failure(api.request('query($c: ID) { openItems(companyId: $c) { asOf } }', { c: baltic.id }))).codes).toEqual(['NOT_FOUND']);
    // Staff name the company and see its statement.
    const { statement } = await (await as('admin@hub.example')).request<{ statement: Statement & { company: { id: string } } }>(STATEMENT, { from: '2026-01-01', to: '2026-12-31', c: kowalski.id });
    expect(statement.company.id).toBe(kowalski.id);
  });
});

describe('statement exports', () => {
  const EXPORT = 'query($from: String!, $to: String!, $fmt: ExportFormat!, $l: String, $c: ID) { statementExport(from: $from, to: $to, format: $fmt, language: $l, companyId: $c) { url fileName format } }';

  it('gives the statement as XLSX (Swedish) with the same balances as the data, and as PDF (Spanish), to its user only', async () => {
    const api = await as(admin.email);
    const period = { from: '2020-01-01', to: '2029-12-31' };
    const { statement } = await api.request<{ statement: Statement }>(STATEMENT, period);
    const account = statement.accounts.find((a) => a.currency === 'EUR')!;
    const { statementExport } = await api.request<{ statementExport: { url: string; fileName: string } }>(EXPORT, { ...period, fmt: 'XLSX', l: 'sv' });
    expect(statementExport.fileName).toBe('statement-2020-01-01-2029-12-31.xlsx');
    const res = await fetch(statementExport.url, { headers: { authorization: `Bearer ${await tokenFor(admin.email)}` } });
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as any);
    const rows: unknown[][] = [];
    workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(workbook.worksheets[0].name).toBe('Kontoutdrag');
    expect(rows[0]).toEqual(['Datum', 'Typ', 'Dokument', 'Faktura', 'Belopp', 'Saldo', 'Valuta']);
    // The file was built from the ledger at download time: a payment synced in between may add a line, so compare up to the data's last line.
    expect(rows[1][1]).toBe('Ingående saldo');
    expect(new Decimal(rows[1][5] as number).toFixed(2)).toBe(account.openingBalance.amount);
    const lines = rows.slice(2, 2 + account.movements.length);
    expect(lines.map((r) => r[2])).toEqual(account.movements.map((m) => m.documentNumber));
    expect(lines.map((r) => new Decimal(r[5] as number).toFixed(2))).toEqual(account.movements.map((m) => m.balance.amount));
    const kinds: Record<string, string> = { INVOICE: 'Faktura', CREDIT_NOTE: 'Kreditnota', PAYMENT: 'Betalning' };
    expect(lines.map((r) => r[1])).toEqual(account.movements.map((m) => kinds[m.kind]));
    // The deployment's name and legal footer end the sheet (tests/export-branding.test.ts reads them); the closing balance comes before.
    expect(rows.slice(-2).map((r) => [r.length, typeof r[0]])).toEqual([[1, 'string'], [1, 'string']]);
    const closing = rows[rows.length - 3];
    expect(closing[1]).toBe('Utgående saldo');
    expect(new Decimal(closing[5] as number).toFixed(2)).toBe(new Decimal(rows[rows.length - 4][5] as number).toFixed(2));

    const other = await fetch(statementExport.url, { headers: { authorization: `Bearer ${await tokenFor(reader.email)}` } });
    expect(other.status).toBe(403);

    const { statementExport: pdf } = await api.request<{ statementExport: { url: string } }>(EXPORT, { ...period, fmt: 'PDF', l: 'es' });
    const file = await fetch(pdf.url, { headers: { authorization: `Bearer ${await tokenFor(admin.email)}` } });
    expect([file.status, file.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    const dir = mkdtempSync(join(tmpdir(), 'statement-export-'));
    writeFileSync(join(dir, 's.pdf'), Buffer.from(await file.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-layout', join(dir, 's.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('Extracto de cuenta');
    expect(text).toContain('Saldo inicial');
    expect(text).toContain(account.movements[0].documentNumber);
  });

  it('refuses what the statement refuses, before making a link', async () => {
    const api = await as(reader.email);
    const r = await failure(api.request(EXPORT, { from: '2026-06-01', to: '2026-05-01', fmt: 'PDF' }));
    expect([r.codes[0], r.fields[0]]).toEqual(['BAD_USER_INPUT', 'to']);
    expect((await failure(api.request(EXPORT, { from: '2026-01-01', to: '2026-12-31', fmt: 'PDF', c: baltic.id }))).codes).toEqual(['NOT_FOUND']);
    expect((await failure((await as(buyer.email)).request(EXPORT, { from: '2026-01-01', to: '2026-12-31', fmt: 'XLSX' }))).codes).toEqual(['FORBIDDEN']);
  });
});

describe('Company.credit', () => {
  it('reports the ERP figures plus orders not yet invoiced, as the ordering hold rule counts them', async () => {
    const api = await as(admin.email);
    const { me } = await api.request<{ me: { company: { creditLimit: Money; balance: Money; credit: { limit: Money; balance: Money; openOrders: Money; available: Money; blocked: boolean; reason: string | null } } } }>(
      '{ me { company { creditLimit { amount currency } balance { amount } credit { limit { amount currency } balance { amount } openOrders { amount } available { amount } blocked reason } } } }',
    );
    const { credit } = me.company;
    expect(credit.limit).toEqual(me.company.creditLimit);
    expect(credit.balance.amount).toBe(me.company.balance.amount);
    expect(new Decimal(credit.openOrders.amount).gte(0)).toBe(true);
    expect(credit.available.amount).toBe(Decimal.max(0, new Decimal(credit.limit.amount).minus(credit.balance.amount).minus(credit.openOrders.amount)).toFixed(2));
    expect(credit.blocked).toBe(new Decimal(credit.available.amount).isZero());
    expect(credit.reason === null).toBe(!credit.blocked);
  });

  it('is null with FORBIDDEN for a buyer without invoices.view, the rest of the company stays', async () => {
    const r = await failure((await as(buyer.email)).request('{ me { company { name credit { limit { amount } } } } }'));
    expect((r.data as any).me.company).toEqual({ name: kowalski.name, credit: null });
    expect(r.codes).toEqual(['FORBIDDEN']);
  });
});

describe('yearly totals (form 347)', () => {
  const YEARLY = 'query($y: Int!, $c: ID) { yearlyTotals(year: $y, companyId: $c) { year threshold { amount currency } companies { company { id name } total { amount currency } quarters { amount } } } }';
  type Yearly = { year: number; threshold: Money; companies: Array<{ company: { id: string; name: string }; total: Money; quarters: Array<{ amount: string }> }> };

  beforeAll(async () => {
    // 2024, a year the demo data has nothing in: invoices, a credit note and the payments that settle them.
    const invoice = (number: string, customerNumber: string, issuedAt: string, total: string) =>
      erpAdmin('POST', '/admin/records/invoices', {
        invoiceNumber: number, customerNumber, orderNumber: null, hubOrderId: null, issuedAt, dueAt: issuedAt, currency: 'EUR',
        netTotal: new Decimal(total).div('1.21').toFixed(2), taxTotal: new Decimal(total).minus(new Decimal(total).div('1.21').toFixed(2)).toFixed(2), total, openAmount: '0.00', status: 'PAID', digitallySigned: false,
      });
    const paid = (number: string, customerNumber: string, invoiceNumber: string, paidAt: string, amount: string) =>
      erpAdmin('POST', '/admin/records/payments', { paymentNumber: number, customerNumber, invoiceNumber, paidAt, currency: 'EUR', amount });
    await invoice('INV-Y2024-1', ferreteria.erpNumber, '2024-02-10T10:00:00Z', '1200.00');
    await invoice('INV-Y2024-2', ferreteria.erpNumber, '2024-05-20T10:00:00Z', '2000.00');
    await invoice('INV-Y2024-3', ferreteria.erpNumber, '2024-12-31T23:00:00Z', '5.07');
    await erpAdmin('POST', '/admin/records/creditNotes', {
      creditNoteNumber: 'CR-Y2024-2', customerNumber: ferreteria.erpNumber, invoiceNumber: 'INV-Y2024-2', issuedAt: '2024-08-01T09:00:00Z', currency: 'EUR', netTotal: '165.29', taxTotal: '34.71', total: '200.00',
    });
    await paid('PAY-Y2024-1-1', ferreteria.erpNumber, 'INV-Y2024-1', '2024-03-01T10:00:00Z', '1200.00');
    await paid('PAY-Y2024-2-1', ferreteria.erpNumber, 'INV-Y2024-2', '2024-08-02T10:00:00Z', '1800.00');
    await paid('PAY-Y2024-3-1', ferreteria.erpNumber, 'INV-Y2024-3', '2025-01-15T10:00:00Z', '5.07');
    // Baltic Build: 3,005.06 exactly, not above the threshold.
    await invoice('INV-Y2024-4', baltic.erpNumber, '2024-11-11T10:00:00Z', '3005.06');
    await paid('PAY-Y2024-4-1', baltic.erpNumber, 'INV-Y2024-4', '2024-11-30T10:00:00Z', '3005.06');
    await syncNow(['invoices', 'creditNotes', 'payments']);
    await eventually(async () => {
      const { yearlyTotals } = await (await as('admin@hub.example')).request<{ yearlyTotals: Yearly }>(YEARLY, { y: 2024, c: ferreteria.id });
      return yearlyTotals.companies[0]?.total.amount === '3005.07';
    }, 30_000, 'the 2024 documents to be synced');
  });

  it('lists each company above the threshold with its quarters, as computed by hand', async () => {
    const { yearlyTotals } = await (await as('admin@hub.example')).request<{ yearlyTotals: Yearly }>(YEARLY, { y: 2024 });
    expect(yearlyTotals.threshold).toEqual({ amount: '3005.06', currency: 'EUR' });
    // 1,200.00 (Q1) + 2,000.00 (Q2) − 200.00 credit (Q3) + 5.07 (Q4) = 3,005.07: one cent above.
    expect(yearlyTotals.companies).toEqual([
      { company: { id: ferreteria.id, name: ferreteria.name }, total: { amount: '3005.07', currency: 'EUR' }, quarters: [{ amount: '1200.00' }, { amount: '2000.00' }, { amount: '-200.00' }, { amount: '5.07' }] },
    ]);
  });

  it('shows a customer its own company only, and refuses bad years and other companies', async () => {
    const own = await (await as(demoUser(2, 'read-only').email)).request<{ yearlyTotals: Yearly }>(YEARLY, { y: 2024 });
    expect(own.yearlyTotals.companies.map((c) => c.company.id)).toEqual([ferreteria.id]);
    const balticView = await (await as(demoUser(3, 'customer admin').email)).request<{ yearlyTotals: Yearly }>(YEARLY, { y: 2024 });
    expect(balticView.yearlyTotals.companies).toEqual([]);
    const api = await as(reader.email);
    for (const y of [1999, new Date().getUTCFullYear() + 1]) {
      const r = await failure(api.request(YEARLY, { y }));
      expect([r.codes[0], r.fields[0]]).toEqual(['BAD_USER_INPUT', 'year']);
    }
    expect((await failure(api.request(YEARLY, { y: 2024, c: ferreteria.id }))).codes).toEqual(['NOT_FOUND']);
    expect((await failure((await as(buyer.email)).request(YEARLY, { y: 2024 }))).codes).toEqual(['FORBIDDEN']);
  });
});
