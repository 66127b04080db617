import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraphQLClient } from 'graphql-request';
import { DEMO_PASSWORD } from '@hub/demo-data';
import { freePort } from './support/test-database';

/**
 * What a new user does: start the hub with no DATABASE_URL (so on the embedded PostgreSQL), sign in
 * with a demo login printed at start-up, query across subgraphs, and stop it with Ctrl-C.
 */
describe('npm start on the embedded PostgreSQL', () => {
  let child: ChildProcess;
  let output = '';
  const dataRoot = mkdtempSync(join(tmpdir(), 'hub-start-'));

  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    rmSync(dataRoot, { recursive: true, force: true });
  });

  it('starts, prints the URL and demo logins, answers, and stops cleanly on SIGINT', async () => {
    const [gatewayPort, subgraphBasePort, pgPort] = [await freePort(), await freePort(), await freePort()];
    const env: NodeJS.ProcessEnv = { ...process.env, HUB_PORT: String(gatewayPort), HUB_SUBGRAPH_BASE_PORT: String(subgraphBasePort), HUB_EMBEDDED_PG_PORT: String(pgPort), HUB_DATA_DIR: join(dataRoot, 'pg') };
    delete env.DATABASE_URL;
    // Consecutive subgraph ports from a free one; collisions are unlikely and would fail loudly.
    child = spawn(process.execPath, [join(__dirname, '../launcher/dist/main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));

    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (output.includes('Press Ctrl-C to stop.')) {
          clearInterval(timer);
          resolve();
        }
      }, 100);
      child.on('exit', (code) => {
        clearInterval(timer);
        reject(new Error(`npm start exited early with ${code}:\n${output}`));
      });
    });

    const url = /GraphQL endpoint: (\S+)/.exec(output)![1];
    expect(url).toBe(`http://127.0.0.1:${gatewayPort}/graphql`);
    expect(output).toContain('admin@hub.example');
    const login = /(\S+@nordic-tools\.example)\s+customer admin/.exec(output)![1];

    const anonymous = new GraphQLClient(url);
    const { login: session } = await anonymous.request<{ login: { token: string } }>('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: login, p: DEMO_PASSWORD });
    const api = new GraphQLClient(url, { headers: { authorization: `Bearer ${session.token}` } });
    const { me } = await api.request<{ me: { company: { orders: Array<{ lines: Array<{ product: { suppliers: unknown[] } }>; invoices: unknown[] }> } } }>(
      '{ me { company { orders(first: 5) { lines { product { sku suppliers { name } } } invoices { number } } } } }',
    );
    expect(me.company.orders).toHaveLength(5);
    expect(me.company.orders[0].lines[0].product.suppliers.length).toBeGreaterThan(0);

    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exit).toBe(0);
    expect(output).toContain('stopped');
  }, 120_000);
});
