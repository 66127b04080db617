import { GraphQLClient } from 'graphql-request';
import { startHiveGatewayProcess } from '@hub/hive-gateway';
import { ServiceProcess } from '@hub/process-lifecycle';
import { as, demo, demoUser, failure, subgraphUrls, tokenFor } from './support/hub-client';

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
});
