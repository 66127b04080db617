import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraphQLClient } from 'graphql-request';
import { DEMO_PASSWORD } from '@hub/demo-data';
import { HubProcess, startHubProcess } from './support/hub-process';
import { freePort } from './support/test-database';

/**
 * What a new user does: start the hub with no DATABASE_URL (so on the embedded PostgreSQL), sign in
 * with a demo login printed at start-up, query across subgraphs, and stop it with Ctrl-C.
 */
// Also the production shape (HUB_PROCESSES=split): the other e2e tests run the hub in one process.
describe('npm start on the embedded PostgreSQL', () => {
  const dataRoot = mkdtempSync(join(tmpdir(), 'hub-start-'));
  let hub: HubProcess | undefined;

  afterAll(async () => {
    await hub?.stop();
    rmSync(dataRoot, { recursive: true, force: true });
  });

  it('starts, prints the URL and demo logins, answers, and stops cleanly on SIGINT', async () => {
    const [gatewayPort, pgPort] = [await freePort(), await freePort()];
    const env: NodeJS.ProcessEnv = { ...process.env, HUB_PORT: String(gatewayPort), HUB_SUBGRAPH_BASE_PORT: '0', HUB_PROCESSES: 'split', HUB_SUBGRAPH_WORKERS: 'products=2', HUB_DEMO_ERP_PORT: '0', HUB_DEMO_CARRIER_PORT: '0', HUB_DEMO_SMS_PORT: '0', HUB_DEMO_PAYMENTS_PORT: '0', HUB_EMBEDDED_PG_PORT: String(pgPort), HUB_DATA_DIR: join(dataRoot, 'pg') };
    delete env.DATABASE_URL;
    hub = await startHubProcess(env);

    expect(hub.gatewayUrl).toBe(`http://127.0.0.1:${gatewayPort}/graphql`);
    expect(hub.output()).toContain(`starting embedded PostgreSQL in ${join(dataRoot, 'pg')}`);
    expect(hub.output()).toContain('admin@hub.example');
    expect(hub.output()).toContain('(one process per subgraph; products: 2 workers)');
    const login = /(\S+@nordic-tools\.example)\s+customer admin/.exec(hub.output())![1];

    const { login: session } = await new GraphQLClient(hub.gatewayUrl).request<{ login: { token: string } }>(
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      { e: login, p: DEMO_PASSWORD },
    );
    const api = new GraphQLClient(hub.gatewayUrl, { headers: { authorization: `Bearer ${session.token}` } });
    const { me } = await api.request<{ me: { company: { orders: Array<{ lines: Array<{ product: { suppliers: unknown[] } }>; invoices: unknown[] }> } } }>(
      '{ me { company { orders(first: 5) { lines { product { sku suppliers { name } } } invoices { number } } } } }',
    );
    expect(me.company.orders).toHaveLength(5);
    expect(me.company.orders[0].lines[0].product.suppliers.length).toBeGreaterThan(0);
    // The products subgraph's two workers take connections in turn: every request gets the same page.
    const pages = await Promise.all(
      Array.from({ length: 6 }, () => api.request<{ products: { edges: Array<{ node: { sku: string; price: { amount: string } | null } }> } }>('{ products(first: 3) { edges { node { sku price { amount } } } } }')),
    );
    expect(pages[0].products.edges).toHaveLength(3);
    expect(pages[0].products.edges[0].node.price).not.toBeNull();
    for (const page of pages) expect(page).toEqual(pages[0]);

    expect(await hub.stop()).toBe(0);
    expect(hub.output()).toContain('stopped');
  }, 120_000);
});
