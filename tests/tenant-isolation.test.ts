import { GraphQLClient } from 'graphql-request';
import { directSubgraphClient } from './support/direct-subgraph';
import { as, demo, demoUser, failure, subgraphUrls, tokenFor } from './support/hub-client';

/** A user of company 0 tries company 1's ids on every path this slice has. */
describe("another company's data", () => {
  const me = demoUser(0, 'customer admin');
  const other = demo.companies[1];
  const otherOrder = demo.orders.find((o) => o.companyId === other.id)!;
  const otherInvoice = demo.invoices.find((i) => i.companyId === other.id)!;

  it('order(id) answers NOT_FOUND, as for an id that does not exist', async () => {
    const api = await as(me.email);
    const theirs = await failure(api.request('query($id: ID!) { order(id: $id) { id number } }', { id: otherOrder.id }));
    const missing = await failure(api.request('query($id: ID!) { order(id: $id) { id number } }', { id: '00000000-0000-4000-8000-000000000000' }));
    expect(theirs.codes).toEqual(['NOT_FOUND']);
    expect(missing.codes).toEqual(['NOT_FOUND']);
    expect(JSON.stringify(theirs.data)).not.toContain(otherOrder.number);
  });

  it('company(id) and invoice(id) answer NOT_FOUND', async () => {
    const api = await as(me.email);
    expect((await failure(api.request('query($id: ID!) { company(id: $id) { name } }', { id: other.id }))).codes).toEqual(['NOT_FOUND']);
    expect((await failure(api.request('query($id: ID!) { invoice(id: $id) { number } }', { id: otherInvoice.id }))).codes).toEqual(['NOT_FOUND']);
  });

  it("ordersByIds answers in the order asked, with NOT_FOUND at the index of another company's or a missing order, and refuses more than 100 ids", async () => {
    const api = await as(me.email);
    const own = demo.orders.filter((o) => o.companyId === demo.companies[0].id).slice(0, 2);
    const missing = '00000000-0000-4000-8000-000000000000';
    const asked = [own[1].id, otherOrder.id, own[0].id, missing, 'not-a-uuid'];
    const answer = await failure(api.request('query($ids: [ID!]!) { ordersByIds(ids: $ids) { id number company { id } } }', { ids: asked }));
    expect(answer.data).toEqual({
      ordersByIds: [{ id: own[1].id, number: own[1].number, company: { id: demo.companies[0].id } }, null, { id: own[0].id, number: own[0].number, company: { id: demo.companies[0].id } }, null, null],
    });
    expect(answer.paths).toEqual([['ordersByIds', 1], ['ordersByIds', 3], ['ordersByIds', 4]]);
    expect(answer.codes).toEqual(['NOT_FOUND', 'NOT_FOUND', 'BAD_USER_INPUT']);
    expect(JSON.stringify(answer)).not.toContain(otherOrder.number);

    const tooMany = await failure(api.request('query($ids: [ID!]!) { ordersByIds(ids: $ids) { id } }', { ids: Array.from({ length: 101 }, () => own[0].id) }));
    expect(tooMany.codes).toEqual(['BAD_USER_INPUT']);
    expect(tooMany.messages[0]).toBe('At most 100 order ids at once; got 101.');
  });

  it('a malformed id is BAD_USER_INPUT, not a database error', async () => {
    const api = await as(me.email);
    expect((await failure(api.request('{ order(id: "1; drop table x") { id } }'))).codes).toEqual(['BAD_USER_INPUT']);
  });

  it('lists show only your own company', async () => {
    const api = await as(me.email);
    const { orders: page, invoices } = await api.request<{ orders: { edges: Array<{ node: { id: string; company: { id: string } } }> }; invoices: Array<{ company: { id: string } }> }>(
      '{ orders(first: 200) { edges { node { id company { id } } } } invoices(first: 200) { company { id } } }',
    );
    const orders = page.edges.map((e) => e.node);
    // Every one of its demo orders, and none of another company's (other test files, and the README's
    // examples, may place more orders for it meanwhile: those are its own too).
    expect(orders.map((o) => o.id)).toEqual(expect.arrayContaining(demo.orders.filter((o) => o.companyId === demo.companies[0].id).map((o) => o.id)));
    const others = new Set(demo.orders.filter((o) => o.companyId !== demo.companies[0].id).map((o) => o.id));
    expect(orders.filter((o) => others.has(o.id))).toEqual([]);
    expect(new Set(orders.map((o) => o.company.id))).toEqual(new Set([demo.companies[0].id]));
    expect(invoices.length).toBeGreaterThan(0);
    expect(new Set(invoices.map((i) => i.company.id))).toEqual(new Set([demo.companies[0].id]));
  });

  it('a customer cannot ask for another company by argument', async () => {
    const api = await as(me.email);
    // NOT_FOUND, as for a company that does not exist: the answer does not tell that the id is a company.
    expect((await failure(api.request('query($c: ID) { orders(companyId: $c) { totalCount } }', { c: other.id }))).codes).toEqual(['NOT_FOUND']);
  });

  it("_entities straight at each subgraph, with a valid token of the wrong company, returns nothing of theirs", async () => {
    const token = await tokenFor(me.email);
    const direct = (name: string) => directSubgraphClient(name, token);
    // Each subgraph knows only its own types, so each gets its own selection.
    const entities = (...types: string[]) =>
      `query($r: [_Any!]!) { _entities(representations: $r) { __typename ${types.map((t) => `... on ${t} { id }`).join(' ')} } }`;

    const orders = await direct('orders').request<{ _entities: unknown[] }>(entities('Order', 'Company'), { r: [{ __typename: 'Order', id: otherOrder.id }, { __typename: 'Company', id: other.id }] });
    expect(orders._entities).toEqual([null, null]);

    const customers = await direct('customers').request<{ _entities: unknown[] }>(entities('Company', 'User'), {
      r: [{ __typename: 'Company', id: other.id }, { __typename: 'User', id: demoUser(1, 'buyer').id }],
    });
    expect(customers._entities).toEqual([null, null]);

    const finance = await direct('finance').request<{ _entities: unknown[] }>(entities('Invoice', 'Company'), { r: [{ __typename: 'Invoice', id: otherInvoice.id }, { __typename: 'Company', id: other.id }] });
    expect(finance._entities).toEqual([null, null]);

    const invoicesOfTheirOrder = await direct('finance').request<{ _entities: Array<{ invoices: unknown[] } | null> }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Order { invoices { id } } } }',
      { r: [{ __typename: 'Order', id: otherInvoice.orderId }] },
    );
    expect(invoicesOfTheirOrder._entities.every((e) => e === null || e.invoices.length === 0)).toBe(true);

    // The positive control: the same path returns your own company's entities.
    const own = await direct('orders').request<{ _entities: Array<{ id: string } | null> }>(entities('Company'), { r: [{ __typename: 'Company', id: demo.companies[0].id }] });
    expect(own._entities).toEqual([{ __typename: 'Company', id: demo.companies[0].id }]);
  });

  it('invoices need invoices.view: a buyer without it gets FORBIDDEN, a read-only user with it sees them', async () => {
    const buyer = await as(demoUser(0, 'buyer').email);
    const refused = await failure(buyer.request('{ invoices { id } }'));
    expect(refused.codes).toEqual(['FORBIDDEN']);
    expect(refused.data).toEqual({ invoices: null });
    const reader = await as(demoUser(0, 'read-only').email);
    const { invoices } = await reader.request<{ invoices: unknown[] }>('{ invoices { id } }');
    expect(invoices.length).toBeGreaterThan(0);
  });
});
