import { GraphQLClient } from 'graphql-request';
import { startHiveGatewayProcess } from '@hub/hive-gateway';
import { ServiceProcess } from '@hub/process-lifecycle';
import { startSubscriptionServerProcess } from '@hub/launcher';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_OPERATION_LIMITS, LIMIT_CODES, TrustedDocumentManifest, UNTRUSTED_DOCUMENT } from '@hub/gateway';
import { as, demo, demoUser, failure, gatewayUrl, subgraphUrls, tokenFor } from './support/hub-client';
import { RecordedSubscription, useGateway, wsClient } from './support/subscription-client';
import { freshCompany } from './support/ordering';

/**
 * The checked-in supergraph on Hive Gateway, with its JS planner and with Hive Router's Rust planner,
 * in front of the test hub's own subgraphs: the same answers as the hub's gateway, each caller only
 * ever its own, and the same refusals.
 */
const CATALOGUE = 'query { products(first: 60, sort: { field: SKU }) { edges { node { sku price { amount currency } } } } }';
const WALK = 'query { me { email company { id orders(first: 5) { number total { amount currency } lines { lineNo product { sku price { amount } suppliers { name } } } invoices { number } } } } }';

describe.each(['js', 'rust'] as const)('the supergraph on Hive Gateway (%s planner)', (planner) => {
  let hive: ServiceProcess;
  const viaHive = async (email?: string) => new GraphQLClient(hive.url, { headers: email ? { authorization: `Bearer ${await tokenFor(email)}` } : {} });
  // One buyer of each of four companies.
  const buyers = demo.companies.slice(0, 4).map((_, i) => demoUser(i, 'customer admin').email);

  beforeAll(async () => {
    // Its own process, with the test hub's (development) secrets.
    hive = await startHiveGatewayProcess({ subgraphUrls: subgraphUrls(), planner });
  });
  afterAll(async () => {
    await hive?.stop();
  });

  it('gives four companies sending the same query at once each its own prices, never merged with another caller', async () => {
    const expected = await Promise.all(buyers.map(async (email) => (await as(email)).request(CATALOGUE)));
    // The test means something only if the companies' prices differ.
    expect(new Set(expected.map((answer) => JSON.stringify(answer))).size).toBeGreaterThan(1);
    const clients = await Promise.all(buyers.map((email) => viaHive(email)));
    for (let round = 0; round < 5; round++) {
      const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => clients[i % 4].request(CATALOGUE)));
      answers.forEach((answer, i) => expect(answer).toEqual(expected[i % 4]));
    }
  });

  it('answers a query across every subgraph as the hub gateway does', async () => {
    const email = demoUser(1, 'customer admin').email;
    const expected = await (await as(email)).request(WALK);
    expect(await (await viaHive(email)).request(WALK)).toEqual(expected);
  });

  it("refuses another company's order with NOT_FOUND, a forged token with UNAUTHENTICATED, and a buyer without prices.view gets no prices", async () => {
    const me = await viaHive(demoUser(0, 'customer admin').email);
    const theirs = demo.orders.find((o) => o.companyId === demo.companies[1].id)!;
    const refused = await failure(me.request('query($id: ID!) { order(id: $id) { id number } }', { id: theirs.id }));
    expect(refused.codes).toEqual(['NOT_FOUND']);
    expect(JSON.stringify(refused.data)).not.toContain(theirs.number);

    const forged = new GraphQLClient(hive.url, { headers: { authorization: 'Bearer not.a.token' } });
    expect((await failure(forged.request('{ me { email } }'))).codes).toEqual(['UNAUTHENTICATED']);

    const anonymous = await viaHive();
    expect((await failure(anonymous.request('{ me { email } }'))).codes).toEqual(['UNAUTHENTICATED']);
  });

  it("refuses an operation over the hub's limits with the same status, code and message as the hub's gateway, before any subgraph runs", async () => {
    const token = await tokenFor(demoUser(0, 'buyer').email);
    const post = async (url: string, query: string, variables?: Record<string, unknown>) => {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
      return { status: response.status, body: await response.json() };
    };
    let deep = 'id';
    for (let i = 0; i < DEFAULT_OPERATION_LIMITS.maxDepth; i++) deep = `related { ${deep} }`;
    const attacks: Array<[string, string, Record<string, unknown>?]> = [
      [LIMIT_CODES.aliases, `{ ${Array.from({ length: 500 }, (_, i) => `p${i}: me { id }`).join(' ')} }`],
      [LIMIT_CODES.tokens, `{ ${Array.from({ length: 5000 }, () => 'me { id }').join(' ')} }`],
      [LIMIT_CODES.depth, `{ products(first: 1) { edges { node { ${deep} } } } }`],
      [LIMIT_CODES.cost, `query($n: Int!) { ${Array.from({ length: 25 }, (_, i) => `p${i}: products(first: $n) { edges { node { price { amount } stock { status } } } }`).join(' ')} }`, { n: 100 }],
    ];
    for (const [code, query, variables] of attacks) {
      const [hub, viaHiveAnswer] = await Promise.all([post(gatewayUrl(), query, variables), post(hive.url, query, variables)]);
      expect(hub.body.errors[0].extensions.code).toBe(code);
      expect({ code, status: viaHiveAnswer.status, data: viaHiveAnswer.body.data, errors: viaHiveAnswer.body.errors }).toEqual({ code, status: 400, data: undefined, errors: hub.body.errors });
    }
  });
});

describe("the hub's subscription server as its own process beside Hive Gateway", () => {
  let hive: ServiceProcess;
  let subscriptions: ServiceProcess;
  const WATCH = 'subscription { myOrdersChanged { id number status lines { product { sku } } } }';
  const PLACE = 'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }';

  beforeAll(async () => {
    [hive, subscriptions] = await Promise.all([
      startHiveGatewayProcess({ subgraphUrls: subgraphUrls(), planner: 'js' }),
      startSubscriptionServerProcess({ databaseUrl: process.env.HUB_TEST_DATABASE_URL!, subgraphUrls: subgraphUrls(), env: { HUB_LOG_LEVEL: 'warn' } }),
    ]);
    // This file's WebSocket clients connect to the subscription server, never the hub's gateway.
    useGateway(subscriptions.url);
  });
  afterAll(async () => {
    useGateway(null);
    await Promise.all([hive?.stop(), subscriptions?.stop()]);
  });

  it('delivers an order placed through Hive Gateway to its company, with fields of other subgraphs, and to no other company', async () => {
    // A company of this file's own places the order: the demo companies' order counts are other tests' facts.
    const company = await freshCompany('BesideHive');
    const sockets = [wsClient({ token: company.admin.token }), wsClient({ token: await tokenFor(demoUser(1, 'customer admin').email) })];
    const [ours, theirs] = sockets.map((socket) => new RecordedSubscription(socket, WATCH));
    // Both subscribed (checked and listening) before the order is placed.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const buyer = new GraphQLClient(hive.url, { headers: { authorization: `Bearer ${company.admin.token}` } });
    const page = await buyer.request<any>('{ products(first: 5) { edges { node { id sku price { amount } } } } }');
    const product = page.products.edges.find((e: any) => e.node.price).node;
    const { placeOrder } = await buyer.request<{ placeOrder: { id: string } }>(PLACE, { input: { idempotencyKey: `beside-hive-${Date.now()}`, lines: [{ productId: product.id, quantity: 1 }] } });

    await ours.until((s) => s.results.some((r) => r.data?.myOrdersChanged?.id === placeOrder.id), 20_000);
    const event = ours.results.find((r) => r.data?.myOrdersChanged?.id === placeOrder.id)!;
    expect(event.errors).toBeUndefined();
    expect(event.data!.myOrdersChanged.lines).toEqual([{ product: { sku: product.sku } }]);
    // Give the other company's subscription the same time to (wrongly) hear of it.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(theirs.results.map((r) => r.data?.myOrdersChanged?.id)).not.toContain(placeOrder.id);
    expect(theirs.error).toBeUndefined();
    ours.unsubscribe();
    theirs.unsubscribe();
    await Promise.all(sockets.map((socket) => socket.dispose()));
  }, 120_000);

  it("serves a signed file link through Hive Gateway to its user, and refuses it without the token or to another company's user", async () => {
    const admin = demoUser(0, 'customer admin').email;
    const client = new GraphQLClient(hive.url, { headers: { authorization: `Bearer ${await tokenFor(admin)}` } });
    const answer = await client.request<any>('{ me { company { orders(first: 20) { invoices { number pdfUrl } } } } }');
    const invoice = answer.me.company.orders.flatMap((o: any) => o.invoices).find((i: any) => i.pdfUrl);
    expect(invoice).toBeDefined();
    // The link names the hub's public origin; a deployment with Hive in front sets HUB_PUBLIC_URL to Hive's.
    const link = `${new URL(hive.url).origin}${new URL(invoice.pdfUrl).pathname}`;
    const got = await fetch(link, { headers: { authorization: `Bearer ${await tokenFor(admin)}` } });
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await got.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const anonymous = await fetch(link);
    expect({ status: anonymous.status, code: ((await anonymous.json()) as any).errors[0].extensions.code }).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    // A link is its user's: another company's user is refused, exactly as by the hub's gateway.
    const outsiderHeaders = { authorization: `Bearer ${await tokenFor(demoUser(1, 'customer admin').email)}` };
    const [outsider, viaHub] = await Promise.all([fetch(link, { headers: outsiderHeaders }), fetch(invoice.pdfUrl, { headers: outsiderHeaders })]);
    const refusal = { status: outsider.status, body: await outsider.json() };
    expect(refusal.status).toBe(403);
    expect(refusal).toEqual({ status: viaHub.status, body: await viaHub.json() });
  }, 60_000);

  it('refuses a forged token at connection, and answers a query sent over HTTP with NOT_FOUND and a pointer to the gateway', async () => {
    const socket = wsClient({ authorization: 'Bearer not.a.token' });
    const forged = new RecordedSubscription(socket, WATCH);
    await forged.until((s) => s.error !== undefined || s.completed, 10_000);
    expect(forged.results).toEqual([]);
    await socket.dispose();

    const answer = await fetch(subscriptions.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ me { email } }' }) });
    expect(answer.status).toBe(404);
    const body = await answer.json();
    expect(body.errors[0].extensions.code).toBe('NOT_FOUND');
    expect(body.errors[0].message).toContain('subscription server');
  });
});

describe('Hive Gateway running only registered operations (HUB_TRUSTED_DOCUMENTS)', () => {
  let hive: ServiceProcess;
  let manifest: TrustedDocumentManifest;
  const buyer = demoUser(0, 'buyer');

  beforeAll(async () => {
    const frontend = mkdtempSync(join(tmpdir(), 'hub-hive-frontend-'));
    writeFileSync(join(frontend, 'me.graphql'), 'query Me { me { id email } }\n');
    writeFileSync(join(frontend, 'catalogue.graphql'), 'query Catalogue($n: Int!) { products(first: $n) { edges { node { id sku } } } }\n');
    const out = join(frontend, 'trusted-documents.json');
    execFileSync(process.execPath, [join(__dirname, '..', 'gateway', 'dist', 'trusted-documents-cli.js'), frontend, out], { stdio: 'pipe' });
    manifest = JSON.parse(readFileSync(out, 'utf8'));
    hive = await startHiveGatewayProcess({ subgraphUrls: subgraphUrls(), planner: 'js', env: { ...process.env, HUB_TRUSTED_DOCUMENTS: out } });
  });
  afterAll(async () => {
    await hive?.stop();
  });

  const op = (name: string) => manifest.operations.find((o) => o.name === name)!;
  async function post(body: unknown): Promise<{ status: number; body: { data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> } }> {
    const response = await fetch(hive.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor(buyer.email)}` }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as any };
  }

  it('runs a registered operation by documentId, by persistedQuery hash and by its text, and refuses anything else with 400 PERSISTED_QUERY_NOT_IN_LIST', async () => {
    expect((await post({ documentId: op('Me').id })).body).toEqual({ data: { me: { id: buyer.id, email: buyer.email } } });
    const byHash = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: op('Catalogue').id } }, variables: { n: 2 } });
    expect(byHash.body.errors).toBeUndefined();
    expect(byHash.body.data.products.edges).toHaveLength(2);
    expect((await post({ query: op('Me').body })).body.data.me.id).toBe(buyer.id);
    for (const body of [{ query: '{ me { id email } }' }, { documentId: '0'.repeat(64) }, { documentId: op('Me').id, query: '{ me { id permissions } }' }]) {
      const answer = await post(body);
      expect({ body, status: answer.status, codes: answer.body.errors?.map((e) => e.extensions?.code), data: answer.body.data }).toEqual({ body, status: 400, codes: [UNTRUSTED_DOCUMENT], data: undefined });
    }
  });
});
