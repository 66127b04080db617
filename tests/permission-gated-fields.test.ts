import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildASTSchema, GraphQLObjectType, isNonNullType, parse } from 'graphql';
import { as, client, demo, demoUser, failure } from './support/hub-client';

/**
 * A field the viewer may not see (it needs a permission or role) is nullable: the refusal nulls
 * that field alone, with an error whose path points at it, and the rest of the answer stays.
 */

const README_QUERY = '{ me { company { name orders(first: 3) { number invoices { number } } } } }';
const company = demo.companies[0];
const buyer = demoUser(0, 'buyer');
const reader = demoUser(0, 'read-only');

const last = (path: ReadonlyArray<string | number>) => path[path.length - 1];

describe('permission-gated fields are nullable and null alone', () => {
  it('the demo users are the ones the README names', () => {
    expect([buyer.email, reader.email]).toEqual(['erik@nordic-tools.example', 'sofia@nordic-tools.example']);
  });

  it("a buyer sees products and their suppliers' names; Supplier.email alone is null, with FORBIDDEN at its path", async () => {
    const api = await as(buyer.email);
    const result = await failure(api.request('{ products(first: 2) { edges { node { sku suppliers { name email } } } } }'));
    const edges = (result.data as any).products.edges as Array<{ node: { sku: string; suppliers: Array<{ name: string; email: string | null }> } }>;
    expect(edges).toHaveLength(2);
    const suppliers = edges.flatMap((e) => e.node.suppliers);
    expect(suppliers.length).toBeGreaterThan(0);
    const names = new Set(demo.suppliers.map((s) => s.name));
    for (const s of suppliers) {
      expect(names.has(s.name)).toBe(true);
      expect(s.email).toBeNull();
    }
    // One FORBIDDEN per supplier shown, each at that supplier's email.
    expect(result.codes).toEqual(suppliers.map(() => 'FORBIDDEN'));
    const expected = edges.flatMap((e, i) => e.node.suppliers.map((_s, j) => ['products', 'edges', i, 'node', 'suppliers', j, 'email']));
    expect([...result.paths].sort()).toEqual(expected.sort());
  });

  it("the README's company query as a buyer keeps the company and its orders; invoices are null, with FORBIDDEN at them", async () => {
    const api = await as(buyer.email);
    const result = await failure(api.request(README_QUERY));
    const c = (result.data as any).me.company as { name: string; orders: Array<{ number: string; invoices: unknown }> };
    expect(c.name).toBe(company.name);
    expect(c.orders.length).toBeGreaterThan(0);
    for (const order of c.orders) expect(order.invoices).toBeNull();
    expect(new Set(result.codes)).toEqual(new Set(['FORBIDDEN']));
    expect(result.paths).toHaveLength(c.orders.length);
    for (const path of result.paths) {
      expect(path.slice(0, 3)).toEqual(['me', 'company', 'orders']);
      expect(last(path)).toBe('invoices');
    }
  });

  it('a read-only user (invoices.view) gets the same query whole, invoices included', async () => {
    const api = await as(reader.email);
    const { me } = await api.request<{ me: { company: { name: string; orders: Array<{ number: string; invoices: Array<{ number: string }> }> } } }>(README_QUERY);
    expect(me.company.name).toBe(company.name);
    expect(me.company.orders.length).toBeGreaterThan(0);
    for (const order of me.company.orders) {
      // Orders other tests place meanwhile are not in the demo data and have no invoices yet.
      const id = demo.orders.find((o) => o.number === order.number)?.id;
      expect(order.invoices.map((i) => i.number).sort()).toEqual(demo.invoices.filter((i) => i.orderId === id).map((i) => i.number).sort());
    }
    const { me: again } = await api.request<{ me: { company: { invoices: Array<{ number: string }> } } }>('{ me { company { invoices(first: 5) { number } } } }');
    expect(again.company.invoices.length).toBeGreaterThan(0);
  });

  it('Company.invoices and the financial state are null alone for a buyer', async () => {
    const api = await as(buyer.email);
    const result = await failure(api.request('{ me { company { name creditLimit { amount } blocked invoices { number } } } }'));
    expect((result.data as any).me.company).toEqual({ name: company.name, creditLimit: null, blocked: null, invoices: null });
    expect(result.codes).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    expect(result.paths.map(last).sort()).toEqual(['blocked', 'creditLimit', 'invoices']);
  });

  it('a staff-only query next to `me` nulls only itself', async () => {
    const api = await as(buyer.email);
    const result = await failure(api.request('{ me { id } suppliers { id } }'));
    expect(result.data).toEqual({ me: { id: buyer.id }, suppliers: null });
    expect(result.codes).toEqual(['FORBIDDEN']);
    expect(result.paths).toEqual([['suppliers']]);
  });

  it('a visitor of the public shop gets products with suppliers null, not a null catalogue', async () => {
    // The suppliers subgraph resolves no Product for anonymous callers, so the field is simply null.
    const { products } = await client().request<{ products: { edges: Array<{ node: { sku: string; suppliers: unknown } }> } }>(
      '{ products(first: 1) { edges { node { sku suppliers { name } } } } }');
    expect(products.edges).toHaveLength(1);
    expect(products.edges[0].node.suppliers).toBeNull();
  });

  it('the supergraph declares every permission-gated field nullable', () => {
    const schema = buildASTSchema(parse(readFileSync(join(__dirname, '../schema/supergraph.graphql'), 'utf8')), { assumeValidSDL: true });
    const gated: Record<string, string[]> = {
      Query: ['companies', 'registrations', 'registration', 'auditLog', 'orders', 'order', 'invoices', 'invoice', 'suppliers', 'syncOperations', 'syncRuns', 'syncRun', 'outboxMessages',
        'basket', 'quotes', 'quote', 'holdRules', 'orderingSettings', 'deliveryNotes', 'deliveryNote',
        'invoiceList', 'invoicesExport', 'openItems', 'statement', 'statementExport', 'yearlyTotals', 'shipments', 'shipment'],
      Company: ['users', 'creditLimit', 'balance', 'blocked', 'orders', 'invoices', 'credit'],
      Order: ['invoices', 'deliveryNotes', 'confirmationPdfUrl', 'shipments'],
      Invoice: ['pdfUrl', 'deliveryNotes'],
      DeliveryNote: ['pdfUrl', 'invoices'],
      Supplier: ['email', 'offers'],
      Product: ['suppliers'],
    };
    const nonNull = Object.entries(gated).flatMap(([type, fields]) =>
      fields.filter((f) => isNonNullType((schema.getType(type) as GraphQLObjectType).getFields()[f].type)).map((f) => `${type}.${f}`));
    expect(nonNull).toEqual([]);
  });
});
