import { randomUUID } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { Client } from 'graphql-ws';
import { loadAuthSecrets, signAccessToken } from '@hub/auth';
import { publishOrderStatusChanged } from '@hub/orders';
import { as, demo, demoUser, tokenFor } from './support/hub-client';
import { fieldMetrics, gatewayMetrics, RecordedSubscription, untilMetrics, useGateway, wsClient } from './support/subscription-client';
import { RunningGateway } from '@hub/gateway';
import { PRIVATE_GATEWAY_LISTENER, startPrivateGateway } from './support/private-gateway';

/** Fields from four subgraphs: orders (status, number, lines), customers (company), finance (invoices), products (product, price). */
const ORDER_FIELDS = 'id status number company { name } invoices { number } lines { product { sku price { amount } } }';
const WATCH_ORDER = `subscription Watch($orderId: ID!) { orderStatusChanged(orderId: $orderId) { ${ORDER_FIELDS} } }`;
const READ_ORDER = `query Read($id: ID!) { order(id: $id) { ${ORDER_FIELDS} } }`;

const company = demo.companies[0];
const anna = demoUser(0, 'customer admin');
const erik = demoUser(0, 'buyer');
const invoiced = demo.orders.find((o) => o.companyId === company.id && o.lines.length > 0 && demo.invoices.some((i) => i.orderId === o.id))!;
const sameCompanyOther = demo.orders.find((o) => o.companyId === company.id && o.id !== invoiced.id)!;
const otherCompanyOrder = demo.orders.find((o) => o.companyId !== company.id)!;

/**
 * These tests count the gateway's orderStatusChanged subscriptions and executions exactly, so they
 * run on a gateway of their own (same subgraphs, same database): other test files subscribe to the
 * same field on the shared one at the same time.
 */
describe('subscriptions through the gateway', () => {
  let db: PgClient;
  let gateway: RunningGateway;
  const clients: Client[] = [];
  const open = (auth?: { token?: string; authorization?: string }) => {
    const client = wsClient(auth);
    clients.push(client);
    return client;
  };

  /** Changes an order's status and announces it, in one transaction, as the ERP ingest does. */
  async function changeStatus(orderId: string, status: string, options: { commit?: boolean; publish?: boolean } = {}): Promise<void> {
    await db.query('begin');
    await db.query('update orders.customer_order set status = $1 where id = $2', [status, orderId]);
    if (options.publish ?? true) await publishOrderStatusChanged(db, orderId);
    await db.query(options.commit === false ? 'rollback' : 'commit');
  }

  /** Waits until the gateway serves `n` orderStatusChanged subscriptions: only then can an event reach them. */
  const untilActive = (n: number) => untilMetrics((m) => fieldMetrics(m, 'orderStatusChanged').active === n);
  /** This file's field only: other test files subscribe to other fields at the same time. */
  const orderField = async () => fieldMetrics(await gatewayMetrics(), 'orderStatusChanged');

  beforeAll(async () => {
    db = new PgClient({ connectionString: process.env.HUB_TEST_DATABASE_URL });
    await db.connect();
    gateway = await startPrivateGateway();
    useGateway(gateway.url);
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
    await untilActive(0);
  });

  afterAll(async () => {
    // Leave the demo data as other test files expect it.
    for (const order of [invoiced, sameCompanyOther]) await db.query('update orders.customer_order set status = $1 where id = $2', [order.status, order.id]);
    await db.end();
    useGateway(null);
    await gateway.stop();
  });

  it('sends the changed order with the fields of every subgraph, resolved as the subscriber', async () => {
    const token = await tokenFor(anna.email);
    const sub = new RecordedSubscription(open({ token }), WATCH_ORDER, { orderId: invoiced.id });
    await untilActive(1);

    await changeStatus(invoiced.id, 'DELIVERED');
    await sub.until((s) => s.results.length === 1);

    const event = sub.results[0];
    expect(event.errors).toBeUndefined();
    expect(event.data.orderStatusChanged).toMatchObject({ id: invoiced.id, status: 'DELIVERED', number: invoiced.number, company: { name: company.name } });
    expect(event.data.orderStatusChanged.invoices.map((i: { number: string }) => i.number)).toEqual(demo.invoices.filter((i) => i.orderId === invoiced.id).map((i) => i.number));
    expect(event.data.orderStatusChanged.lines.map((l: { product: { sku: string } }) => l.product.sku)).toEqual(invoiced.lines.map((l) => l.sku));
    for (const line of event.data.orderStatusChanged.lines) expect(Number(line.product.price.amount)).toBeGreaterThan(0);
    // Exactly what the same selection answers over HTTP for this user.
    const { order } = await (await as(anna.email)).request<{ order: unknown }>(READ_ORDER, { id: invoiced.id });
    expect(event.data.orderStatusChanged).toEqual(order);
  });

  it('hears only committed changes of its own order', async () => {
    const sub = new RecordedSubscription(open({ token: await tokenFor(anna.email) }), WATCH_ORDER, { orderId: invoiced.id });
    await untilActive(1);
    const before = await orderField();

    await changeStatus(sameCompanyOther.id, 'SHIPPED'); // another order of the same company
    await changeStatus(invoiced.id, 'CANCELLED', { commit: false }); // rolled back: never announced
    await changeStatus(invoiced.id, 'PICKED');
    await sub.until((s) => s.results.length >= 1);
    expect(sub.results.map((r) => r.data.orderStatusChanged.status)).toEqual(['PICKED']);
    expect((await orderField()).executions - before.executions).toBe(1);

    // Nothing else is on its way: events come in commit order, so one more committed change of this order
    // arrives after anything the earlier ones could still have caused.
    await changeStatus(invoiced.id, 'DELIVERED');
    await sub.until((s) => s.results.length >= 2);
    expect(sub.results.map((r) => r.data.orderStatusChanged.status)).toEqual(['PICKED', 'DELIVERED']);
    expect((await orderField()).executions - before.executions).toBe(2);
  });

  it("resolves many orders changed in one sync in one list query, each subscriber its own order with every subgraph's fields", async () => {
    const token = await tokenFor(anna.email);
    const watched = demo.orders.filter((o) => o.companyId === company.id && o.lines.length > 0 && o.status !== 'PICKED').slice(0, 6);
    const subs = watched.map((o) => new RecordedSubscription(open({ token }), WATCH_ORDER, { orderId: o.id }));
    await untilActive(watched.length);
    const before = await orderField();
    try {
      // One transaction, as one sync page commits them: six events at once.
      await db.query('begin');
      for (const order of watched) {
        await db.query("update orders.customer_order set status = 'PICKED' where id = $1", [order.id]);
        await publishOrderStatusChanged(db, order.id);
      }
      await db.query('commit');
      await Promise.all(subs.map((sub) => sub.until((s) => s.results.length === 1)));
      const api = await as(anna.email);
      for (const [i, sub] of subs.entries()) {
        expect(sub.results[0].errors).toBeUndefined();
        const { order } = await api.request<{ order: unknown }>(READ_ORDER, { id: watched[i].id });
        expect(sub.results[0].data.orderStatusChanged).toEqual(order);
        expect(sub.results[0].data.orderStatusChanged).toMatchObject({ id: watched[i].id, status: 'PICKED', company: { name: company.name } });
      }
      // The first event alone (the group was idle), the rest together: fewer executions than events.
      const after = await orderField();
      expect(after.events - before.events).toBe(watched.length);
      expect(after.executions - before.executions).toBeLessThanOrEqual(2);
    } finally {
      for (const order of watched) await db.query('update orders.customer_order set status = $1 where id = $2', [order.status, order.id]);
    }
  });

  it("ends a subscription to another company's order with NOT_FOUND and no data", async () => {
    const sub = new RecordedSubscription(open({ token: await tokenFor(anna.email) }), WATCH_ORDER, { orderId: otherCompanyOrder.id });
    await sub.until((s) => s.error !== undefined);
    expect(sub.errors.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    expect(JSON.stringify(sub.errors)).not.toContain(otherCompanyOrder.number);
    expect(sub.results).toEqual([]);
  });

  it('refuses an invalid token at connection with UNAUTHENTICATED', async () => {
    for (const authorization of ['Bearer not-a-token', 'Basic abc']) {
      const sub = new RecordedSubscription(open({ authorization }), WATCH_ORDER, { orderId: invoiced.id });
      await sub.until((s) => s.error !== undefined);
      const close = sub.error as { code: number; reason: string };
      expect(close.code).toBe(4401);
      expect(JSON.parse(close.reason)).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
      expect(sub.results).toEqual([]);
    }
  });

  it('refuses an expired token with its own message', async () => {
    const expired = await signAccessToken({ userId: anna.id, kind: 'CUSTOMER', companyId: company.id, supplierId: null, permissions: ['orders.view'] }, loadAuthSecrets(), new Date(Date.now() - 48 * 3600_000));
    const sub = new RecordedSubscription(open({ token: expired.token }), WATCH_ORDER, { orderId: invoiced.id });
    await sub.until((s) => s.error !== undefined);
    expect(JSON.parse((sub.error as { reason: string }).reason)).toEqual({ message: 'Your session has expired; sign in again.', extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses connections without a token (anonymous subscriptions are off unless the deployment allows them)', async () => {
    const sub = new RecordedSubscription(open(), WATCH_ORDER, { orderId: invoiced.id });
    await sub.until((s) => s.error !== undefined);
    expect((sub.error as { code: number }).code).toBe(4401);
    expect(JSON.parse((sub.error as { reason: string }).reason)).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(sub.results).toEqual([]);
  });

  it('validates against the supergraph: BAD_USER_INPUT for unknown fields, queries and missing variables', async () => {
    const client = open({ token: await tokenFor(anna.email) });
    const cases: Array<[string, Record<string, unknown>]> = [
      [`subscription { orderStatusChanged(orderId: "${invoiced.id}") { noSuchField } }`, {}],
      [`{ order(id: "${invoiced.id}") { id } }`, {}],
      [WATCH_ORDER, {}],
    ];
    for (const [query, variables] of cases) {
      const sub = new RecordedSubscription(client, query, variables);
      await sub.until((s) => s.error !== undefined);
      expect(sub.errors.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    }
  });

  it('resolves each event once per selection and viewer group, and stops delivering after unsubscribe', async () => {
    const selection = `subscription($orderId: ID!) { orderStatusChanged(orderId: $orderId) { status number company { name } } }`;
    // A second user with exactly anna's rights (kind, company, permissions): same viewer group.
    const colleague = await signAccessToken({ userId: randomUUID(), kind: 'CUSTOMER', companyId: company.id, supplierId: null, permissions: [...anna.permissions].reverse() }, loadAuthSecrets());
    const first = new RecordedSubscription(open({ token: await tokenFor(anna.email) }), selection, { orderId: invoiced.id });
    const secondClient = open({ token: colleague.token });
    const second = new RecordedSubscription(secondClient, selection, { orderId: invoiced.id });
    const buyer = new RecordedSubscription(open({ token: await tokenFor(erik.email) }), selection, { orderId: invoiced.id });
    await untilActive(3);
    const before = await orderField();
    expect(before.groups).toBe(2);

    await changeStatus(invoiced.id, 'SHIPPED');
    await Promise.all([first, second, buyer].map((s) => s.until((x) => x.results.length === 1)));
    for (const sub of [first, second, buyer]) expect(sub.results[0].data.orderStatusChanged).toEqual({ status: 'SHIPPED', number: invoiced.number, company: { name: company.name } });
    const after = await orderField();
    expect(after.executions - before.executions).toBe(2); // anna's group once, erik's once
    expect(after.deliveries - before.deliveries).toBe(3);

    second.unsubscribe();
    await untilActive(2);
    await changeStatus(invoiced.id, 'DELIVERED');
    await Promise.all([first, buyer].map((s) => s.until((x) => x.results.length === 2)));
    expect(first.results[1].data.orderStatusChanged.status).toBe('DELIVERED');
    // Had DELIVERED gone to the unsubscribed one, it would come over its connection before anything sent later:
    // a new subscription on that same connection hears the next change, and the old one still has only SHIPPED.
    const sentinel = new RecordedSubscription(secondClient, selection, { orderId: invoiced.id });
    await untilActive(3);
    await changeStatus(invoiced.id, 'PICKED');
    await sentinel.until((x) => x.results.length === 1);
    expect(sentinel.results[0].data.orderStatusChanged.status).toBe('PICKED');
    expect(second.results.map((r) => r.data.orderStatusChanged.status)).toEqual(['SHIPPED']);
  });

  it('survives a lost database connection and sends what changed meanwhile', async () => {
    const sub = new RecordedSubscription(open({ token: await tokenFor(anna.email) }), WATCH_ORDER, { orderId: invoiced.id });
    await untilActive(1);
    const before = await gatewayMetrics();
    expect(before.eventListenerConnected).toBe(true);

    // A change whose event is lost (here: never published), then the listener's connection dies.
    await changeStatus(invoiced.id, 'INVOICED', { publish: false });
    const { rowCount } = await db.query(`select pg_terminate_backend(pid) from pg_stat_activity where application_name = '${PRIVATE_GATEWAY_LISTENER}' and datname = current_database()`);
    expect(rowCount).toBe(1);
    await untilMetrics((m) => m.eventListenerReconnects === before.eventListenerReconnects + 1 && m.eventListenerConnected);
    await sub.until((s) => s.results.length === 1);
    expect(sub.results[0].data.orderStatusChanged.status).toBe('INVOICED');

    // And events flow again.
    await changeStatus(invoiced.id, 'DELIVERED');
    await sub.until((s) => s.results.length === 2);
    expect(sub.results[1].data.orderStatusChanged.status).toBe('DELIVERED');
  });
});
