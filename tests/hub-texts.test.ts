import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { GraphQLClient } from 'graphql-request';
import { as, client, demo, demoUser, failure, gatewayUrl, tokenFor } from './support/hub-client';
import { COWORKER_PASSWORD, createCoworker, login } from './support/coworkers';

/**
 * Hub-owned texts (C9) through the gateway: staff translate status labels, return reasons and
 * category names per language; every signed-in user reads them; the user's own language (else the
 * company's default, else the deployment's) picks them, and product texts too. Staff's texts are
 * set in Swedish only and removed again, so the shared hub's other tests (which read English or
 * their company's language, and no status labels) see the built-in texts.
 */

const STAFF = 'admin@hub.example'; // staff.users
const ORDER_DESK = 'orders@hub.example'; // staff.orders only
const spanishAdmin = demoUser(2, 'customer admin'); // Ferretería García S.L., ES
const spanishBuyer = demoUser(2, 'buyer');
const screw = demo.products.find((p) => p.sku.startsWith('WS-') && !p.sku.startsWith('WS-P'))!;

const HUB_TEXTS = 'query($l: String!, $k: String) { hubTexts(language: $l, kind: $k) { kind key language text builtInText overridden } }';
const SET = 'mutation($k: String!, $key: String!, $l: String!, $t: String!) { setHubText(kind: $k, key: $key, language: $l, text: $t) { kind key language text builtInText overridden } }';
const REMOVE = 'mutation($k: String!, $key: String!, $l: String!) { removeHubText(kind: $k, key: $key, language: $l) { key language text overridden } }';
const ORDERS = '{ orders(first: 20) { edges { node { id status statusLabel timeline { status statusLabel } } } } }';

interface HubText { kind: string; key: string; language: string; text: string; builtInText: string; overridden: boolean }

let coworker: GraphQLClient; // a buyer of the Spanish company who chooses Swedish
const staff = async <T = any>(query: string, variables?: Record<string, unknown>) => (await as(STAFF)).request<T>(query, variables);
const textsOf = async (api: GraphQLClient, language: string, kind?: string): Promise<HubText[]> => (await api.request<{ hubTexts: HubText[] }>(HUB_TEXTS, { l: language, k: kind ?? null })).hubTexts;
const productName = async (api: GraphQLClient): Promise<{ name: string; textLanguage: string }> =>
  (await api.request<any>('query($s: String!) { product(sku: $s) { name textLanguage } }', { s: screw.sku })).product;
interface OrderLabels { id: string; status: string; statusLabel: string; timeline: Array<{ status: string; statusLabel: string }> }
const ordersOf = async (api: GraphQLClient): Promise<OrderLabels[]> => (await api.request<any>(ORDERS)).orders.edges.map((e: any) => e.node);

beforeAll(async () => {
  const email = `texts-${randomUUID().slice(0, 8)}@ferreteria-garcia.example`;
  await createCoworker(spanishAdmin.email, { email, name: 'Texts Reader', roles: ['BUYER'], password: COWORKER_PASSWORD });
  coworker = client(await login(email));
});

const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const undo of cleanups.reverse()) await undo().catch(() => undefined);
});

describe('hub texts per language (C9)', () => {
  it('lists the kinds their owners declare, each key with its built-in text, to anyone signed in', async () => {
    const { hubTextKinds } = await coworker.request<{ hubTextKinds: Array<{ kind: string }> }>('{ hubTextKinds { kind description } }');
    expect(hubTextKinds.map((k) => k.kind)).toEqual(expect.arrayContaining(['ORDER_STATUS', 'RETURN_STATUS', 'INVOICE_STATUS', 'RETURN_REASON', 'CATEGORY']));
    const es = await textsOf(coworker, 'es', 'ORDER_STATUS');
    expect(es).toContainEqual({ kind: 'ORDER_STATUS', key: 'SHIPPED', language: 'es', text: 'Enviado', builtInText: 'Enviado', overridden: false });
    const pl = await textsOf(coworker, 'pl', 'RETURN_STATUS');
    expect(pl.find((t) => t.key === 'RECEIVED')?.text).toBe('Odebrany');
    // Return reasons come from the dictionary, categories from the ERP's names.
    expect((await textsOf(coworker, 'sv', 'RETURN_REASON')).find((t) => t.key === 'DEFECTIVE')?.text).toBe('Defekt eller fungerar inte');
    const { categories } = await coworker.request<{ categories: Array<{ code: string; name: string }> }>('{ categories { code name } }');
    const category = (await textsOf(coworker, 'sv', 'CATEGORY')).find((t) => t.key === categories[0].code);
    expect(category).toMatchObject({ builtInText: categories[0].name, overridden: false });
    // Every kind at once when none is named.
    expect(new Set((await textsOf(coworker, 'en')).map((t) => t.kind))).toEqual(new Set(hubTextKinds.map((k) => k.kind)));
    // Not for anonymous callers.
    expect((await failure(client().request(HUB_TEXTS, { l: 'en', k: null }))).codes).toEqual(['UNAUTHENTICATED']);
  });

  it("the user's own language picks labels, reasons and product names; before it, the company's default", async () => {
    // No language of their own yet: the Spanish company's.
    expect(await productName(coworker)).toMatchObject({ textLanguage: 'es' });
    const before = await ordersOf(coworker);
    expect(before.length).toBeGreaterThan(0);
    const esLabels = new Map((await textsOf(coworker, 'es', 'ORDER_STATUS')).map((t) => [t.key, t.text]));
    for (const o of before) expect(o.statusLabel).toBe(esLabels.get(o.status));
    const esReason = (await coworker.request<any>('{ returnReasons { code label language } }')).returnReasons.find((r: any) => r.code === 'DEFECTIVE');
    expect(esReason.language).toBe('es');

    await coworker.request('mutation { setMyMessageLanguage(language: "sv") }');
    expect(await productName(coworker)).toMatchObject({ textLanguage: 'sv' });
    expect((await productName(coworker)).name).toMatch(/^Träskruv /);
    const svLabels = new Map((await textsOf(coworker, 'sv', 'ORDER_STATUS')).map((t) => [t.key, t.text]));
    const after = await ordersOf(coworker);
    for (const o of after) {
      expect(o.statusLabel).toBe(svLabels.get(o.status));
      // The timeline's entries too.
      for (const h of o.timeline) expect(h.statusLabel).toBe(svLabels.get(h.status));
    }
    expect(after.some((o) => o.timeline.length > 0)).toBe(true);
    expect(after.map((o) => o.statusLabel)).not.toEqual(before.map((o) => o.statusLabel));
    expect((await coworker.request<any>('{ returnReasons { code label language } }')).returnReasons.find((r: any) => r.code === 'DEFECTIVE')).toEqual({ code: 'DEFECTIVE', label: 'Defekt eller fungerar inte', language: 'sv' });
    // A coworker without a language of their own still reads Spanish.
    expect(await productName(await as(spanishBuyer.email))).toMatchObject({ textLanguage: 'es' });
  });

  it("staff's text shows at once to readers of its language, the others keep theirs, and removing it brings the built-in text back", async () => {
    await coworker.request('mutation { setMyMessageLanguage(language: "sv") }');
    const order = (await ordersOf(coworker))[0];
    const label = `Statustext ${randomUUID().slice(0, 6)}`;
    cleanups.push(() => staff(REMOVE, { k: 'ORDER_STATUS', key: order.status, l: 'sv' }));
    const set = (await staff<{ setHubText: HubText }>(SET, { k: 'ORDER_STATUS', key: order.status, l: 'sv', t: `  ${label} ` })).setHubText;
    expect(set).toMatchObject({ kind: 'ORDER_STATUS', key: order.status, language: 'sv', text: label, overridden: true });
    expect(set.builtInText).not.toBe(label);
    expect((await ordersOf(coworker)).find((o) => o.id === order.id)?.statusLabel).toBe(label);
    // The Spanish coworker reads the Spanish built-in text; the list shows the Swedish one as staff's.
    const esLabel = (await textsOf(coworker, 'es', 'ORDER_STATUS')).find((t) => t.key === order.status)!.text;
    expect((await ordersOf(await as(spanishBuyer.email))).find((o) => o.id === order.id)?.statusLabel).toBe(esLabel);
    expect((await textsOf(await as(spanishBuyer.email), 'sv', 'ORDER_STATUS')).find((t) => t.key === order.status)).toMatchObject({ text: label, overridden: true });

    // A category name and a return reason, the same way.
    const { categories } = await coworker.request<{ categories: Array<{ id: string; code: string; name: string }> }>('{ categories { id code name } }');
    const category = categories[categories.length - 1];
    const categoryName = `Kategori ${randomUUID().slice(0, 6)}`;
    cleanups.push(() => staff(REMOVE, { k: 'CATEGORY', key: category.code, l: 'sv' }));
    await staff(SET, { k: 'CATEGORY', key: category.code, l: 'sv', t: categoryName });
    expect((await coworker.request<any>('query($id: ID!) { category(id: $id) { name } }', { id: category.id })).category.name).toBe(categoryName);
    expect((await (await as(spanishBuyer.email)).request<any>('query($id: ID!) { category(id: $id) { name } }', { id: category.id })).category.name).toBe(category.name);
    const reasonCode = `HUB_TEXTS_${randomUUID().slice(0, 6).toUpperCase()}`;
    await (await as(ORDER_DESK)).request('mutation($c: String!) { setReturnReason(code: $c, labels: [{ language: "en", label: "Texts test reason" }]) { code } }', { c: reasonCode });
    cleanups.push(() => as(ORDER_DESK).then((api) => api.request('mutation($c: String!) { setReturnReason(code: $c, labels: [], active: false) { code } }', { c: reasonCode })));
    const reasonOf = async (api: GraphQLClient, language?: string) => (await api.request<any>('query($l: String) { returnReasons(language: $l) { code label language } }', { l: language ?? null })).returnReasons.find((r: any) => r.code === reasonCode);
    expect(await reasonOf(coworker)).toEqual({ code: reasonCode, label: 'Texts test reason', language: 'en' });
    await staff(SET, { k: 'RETURN_REASON', key: reasonCode, l: 'sv', t: 'Testorsak' });
    cleanups.push(() => staff(REMOVE, { k: 'RETURN_REASON', key: reasonCode, l: 'sv' }));
    expect(await reasonOf(coworker)).toEqual({ code: reasonCode, label: 'Testorsak', language: 'sv' });
    expect(await reasonOf(await as(spanishBuyer.email), 'sv')).toEqual({ code: reasonCode, label: 'Testorsak', language: 'sv' });
    expect(await reasonOf(await as(spanishBuyer.email))).toEqual({ code: reasonCode, label: 'Texts test reason', language: 'en' });

    // Removed: the built-in text again; removing again finds nothing.
    const removed = (await staff<{ removeHubText: HubText }>(REMOVE, { k: 'ORDER_STATUS', key: order.status, l: 'sv' })).removeHubText;
    expect(removed).toMatchObject({ key: order.status, language: 'sv', text: set.builtInText, overridden: false });
    expect((await ordersOf(coworker)).find((o) => o.id === order.id)?.statusLabel).toBe(set.builtInText);
    expect((await failure(staff(REMOVE, { k: 'ORDER_STATUS', key: order.status, l: 'sv' }))).codes).toEqual(['NOT_FOUND']);
  });

  it('refuses bad input with a code and changes nothing', async () => {
    const before = await textsOf(coworker, 'sv', 'ORDER_STATUS');
    const refused = async (api: Promise<GraphQLClient>, variables: Record<string, unknown>) => {
      const f = await failure((await api).request(SET, variables));
      return { codes: f.codes, fields: f.fields };
    };
    const ok = { k: 'ORDER_STATUS', key: 'SHIPPED', l: 'sv', t: 'Skeppad' };
    expect(await refused(as(STAFF), { ...ok, l: 'de' })).toEqual({ codes: ['BAD_USER_INPUT'], fields: ['language'] });
    expect(await refused(as(STAFF), { ...ok, l: 'SV-se' })).toEqual({ codes: ['BAD_USER_INPUT'], fields: ['language'] });
    expect(await refused(as(STAFF), { ...ok, t: '   ' })).toEqual({ codes: ['BAD_USER_INPUT'], fields: ['text'] });
    expect(await refused(as(STAFF), { ...ok, t: 'x'.repeat(201) })).toEqual({ codes: ['BAD_USER_INPUT'], fields: ['text'] });
    expect(await refused(as(STAFF), { ...ok, t: 'two\nlines' })).toEqual({ codes: ['BAD_USER_INPUT'], fields: ['text'] });
    expect(await refused(as(STAFF), { ...ok, k: 'PAYMENT_TERMS' })).toEqual({ codes: ['BAD_USER_INPUT'], fields: ['kind'] });
    expect((await refused(as(STAFF), { ...ok, key: 'LOST_IN_SPACE' })).codes).toEqual(['NOT_FOUND']);
    expect((await refused(as(STAFF), { ...ok, k: 'CATEGORY', key: 'no-such-category' })).codes).toEqual(['NOT_FOUND']);
    // A customer, and staff without staff.users, may not set texts.
    expect((await refused(Promise.resolve(coworker), ok)).codes).toEqual(['FORBIDDEN']);
    expect((await refused(as(spanishAdmin.email), ok)).codes).toEqual(['FORBIDDEN']);
    expect((await refused(as(ORDER_DESK), ok)).codes).toEqual(['FORBIDDEN']);
    expect((await failure(coworker.request(REMOVE, { k: 'ORDER_STATUS', key: 'SHIPPED', l: 'sv' }))).codes).toEqual(['FORBIDDEN']);
    expect((await failure(client().request(SET, ok))).codes).toEqual(['UNAUTHENTICATED']);
    // Reading in an unknown language or kind.
    expect((await failure(coworker.request(HUB_TEXTS, { l: 'xx', k: 'ORDER_STATUS' }))).codes).toEqual(['BAD_USER_INPUT']);
    expect((await failure(coworker.request(HUB_TEXTS, { l: 'sv', k: 'NOPE' }))).codes).toEqual(['BAD_USER_INPUT']);
    // Nothing changed.
    expect(await textsOf(coworker, 'sv', 'ORDER_STATUS')).toEqual(before);
    expect(before.find((t) => t.key === 'SHIPPED')).toMatchObject({ text: 'Skickad', overridden: false });
  });

  it("exports without a language come in the user's language, else the company's; a language asked for wins", async () => {
    const email = `texts-reader-${randomUUID().slice(0, 8)}@ferreteria-garcia.example`;
    await createCoworker(spanishAdmin.email, { email, name: 'Texts Statement Reader', roles: ['READ_ONLY'], password: COWORKER_PASSWORD });
    const token = await login(email);
    const sheetName = async (bearer: string, language?: string) => {
      const { statementExport } = await client(bearer).request<any>(
        'query($l: String) { statementExport(from: "2020-01-01", to: "2029-12-31", format: XLSX, language: $l) { url } }',
        { l: language ?? null },
      );
      const res = await fetch(statementExport.url, { headers: { authorization: `Bearer ${bearer}` } });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as any);
      return workbook.worksheets[0].name;
    };
    expect(await sheetName(token)).toBe('Extracto de cuenta');
    await client(token).request('mutation { setMyMessageLanguage(language: "sv") }');
    expect(await sheetName(token)).toBe('Kontoutdrag');
    expect(await sheetName(token, 'pl')).toBe('Wyciąg z konta');
    expect(await sheetName(await tokenFor(demoUser(2, 'read-only').email))).toBe('Extracto de cuenta');

    // Invoice statuses: staff's Swedish text on screen and in the invoice list export's status column.
    const { invoices } = await client(token).request<{ invoices: Array<{ number: string; status: string; statusLabel: string }> }>('{ invoices(first: 50) { number status statusLabel } }');
    expect(invoices.length).toBeGreaterThan(0);
    const swedish: Record<string, string> = { OPEN: 'Obetald', PAID: 'Betald' };
    for (const i of invoices) expect(i.statusLabel).toBe(swedish[i.status]);
    const status = invoices[0].status;
    const text = `Fakturastatus ${randomUUID().slice(0, 6)}`;
    cleanups.push(() => staff(REMOVE, { k: 'INVOICE_STATUS', key: status, l: 'sv' }));
    await staff(SET, { k: 'INVOICE_STATUS', key: status, l: 'sv', t: text });
    const after = (await client(token).request<{ invoices: Array<{ number: string; status: string; statusLabel: string }> }>('{ invoices(first: 50) { number status statusLabel } }')).invoices;
    expect(after.filter((i) => i.status === status).every((i) => i.statusLabel === text)).toBe(true);
    const { invoicesExport } = await client(token).request<any>('{ invoicesExport(format: XLSX, orderBy: { field: NUMBER, direction: ASC }) { url } }');
    const res = await fetch(invoicesExport.url, { headers: { authorization: `Bearer ${token}` } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as any);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('Fakturor');
    const row = (number: string) => {
      let found: unknown[] | null = null;
      sheet.eachRow((r) => {
        if (r.getCell(1).value === number) found = (r.values as unknown[]).slice(1);
      });
      return found as unknown[] | null;
    };
    expect(row(invoices[0].number)?.[4]).toBe(text);
    await staff(REMOVE, { k: 'INVOICE_STATUS', key: status, l: 'sv' });
  });

  it('an anonymous caller reads labels in its Accept-Language, else the deployment default', async () => {
    const anonymous = (language?: string) => new GraphQLClient(gatewayUrl(), { headers: language ? { 'accept-language': language } : {} });
    const { categories } = await anonymous().request<{ categories: Array<{ code: string; name: string }> }>('{ categories { code name } }');
    const code = categories[0].code;
    const name = `Kategori ${randomUUID().slice(0, 6)}`;
    cleanups.push(() => staff(REMOVE, { k: 'CATEGORY', key: code, l: 'sv' }));
    await staff(SET, { k: 'CATEGORY', key: code, l: 'sv', t: name });
    expect((await anonymous('sv-SE').request<any>('{ categories { code name } }')).categories.find((c: any) => c.code === code).name).toBe(name);
    expect((await anonymous().request<any>('{ categories { code name } }')).categories.find((c: any) => c.code === code).name).toBe(categories[0].name);
    await staff(REMOVE, { k: 'CATEGORY', key: code, l: 'sv' });
  });
});
