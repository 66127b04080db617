import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { ensureDatabase } from '@hub/database';
import { DEMO_PASSWORD } from '@hub/demo-data';
import { demoUser } from './support/hub-client';
import { HubProcess, startHubProcess } from './support/hub-process';
import { freePort, startEmbeddedPostgresProcess, TestServer } from './support/test-database';

/**
 * A hub of this file's own, as deployed: one process per subgraph (HUB_PROCESSES=split), JSON logs,
 * on an embedded PostgreSQL of its own so that the database can be stopped and started again.
 * - one request's log lines, from the gateway's process and the subgraphs' processes, share its request id and trace id;
 * - readiness tells the truth: 503 while PostgreSQL is down, 200 again once it is back.
 */
describe('operating a hub in split mode', () => {
  const dataRoot = mkdtempSync(join(tmpdir(), 'hub-ops-'));
  const dataDir = join(dataRoot, 'pg');
  let pgPort: number;
  let postgres: TestServer | undefined;
  let hub: HubProcess | undefined;
  let base: string;

  beforeAll(async () => {
    pgPort = await freePort();
    postgres = await startEmbeddedPostgresProcess(dataDir, pgPort);
    const databaseUrl = await ensureDatabase(postgres.serverUrl, 'hub');
    hub = await startHubProcess({
      ...process.env,
      DATABASE_URL: databaseUrl,
      HUB_PROCESSES: 'split',
      HUB_LOG_FORMAT: 'json',
      HUB_LOG_LEVEL: 'debug',
      HUB_PORT: '0',
      HUB_SUBGRAPH_BASE_PORT: '0',
      HUB_DEMO_ERP_PORT: '0',
      HUB_DEMO_ERP_STEP_SECONDS: '0',
      // This hub's own supergraph (the global setup's has the test module, which this hub does not run).
      HUB_MODULES: '',
      HUB_SUPERGRAPH: '',
    });
    base = new URL(hub.gatewayUrl).origin;
  }, 120_000);

  afterAll(async () => {
    await hub?.stop();
    await postgres?.stop();
    rmSync(dataRoot, { recursive: true, force: true });
  });

  const jsonLines = (): Array<Record<string, any>> =>
    hub!
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line));

  async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let last: unknown;
    for (;;) {
      try {
        const value = await check();
        if (value !== undefined) return value;
      } catch (error) {
        last = error;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${last}` : ''}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('logs JSON lines; one request shares its request id and trace id across the gateway and subgraph processes', async () => {
    const anna = demoUser(0, 'customer admin');
    const login = await fetch(hub!.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation Login($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', variables: { e: anna.email, p: DEMO_PASSWORD } }),
    });
    const token = ((await login.json()) as { data: { login: { token: string } } }).data.login.token;

    const requestId = `ops-test-${randomUUID()}`;
    const response = await fetch(hub!.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': requestId },
      body: JSON.stringify({ query: 'query CompanyOrders { me { company { name orders(first: 2) { number lines { product { sku suppliers { name } } } invoices { number } } } } }' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe(requestId);
    expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();

    // Every process that served it logged it (the gateway at info, the subgraphs at debug).
    const lines = await until('log lines of the request from four processes', async () => {
      const mine = jsonLines().filter((l) => l.requestId === requestId);
      const services = new Set(mine.map((l) => l.service));
      return ['gateway', 'customers', 'orders', 'products', 'suppliers'].every((s) => services.has(s)) ? mine : undefined;
    }, 10_000);
    expect(new Set(lines.map((l) => l.traceId)).size).toBe(1);
    expect(lines[0].traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(lines.map((l) => l.pid)).size).toBeGreaterThanOrEqual(5);
    for (const line of lines) {
      expect(line).toMatchObject({ level: expect.any(String), time: expect.any(String), msg: expect.any(String), userId: anna.id, companyId: anna.companyId });
    }
    expect(lines.find((l) => l.service === 'gateway')).toMatchObject({ level: 'info', operationName: 'CompanyOrders', msg: 'query CompanyOrders ok' });
    // Ids only: no log line holds the token or the password (the start-up banner prints the demo password, not a log line).
    const logged = jsonLines().map((l) => JSON.stringify(l)).join('\n');
    expect(logged).not.toContain(token);
    expect(logged).not.toContain(DEMO_PASSWORD);
    expect(logged).not.toContain(anna.email);
  });

  it('is ready, goes 503 when PostgreSQL stops, and ready again when it returns', async () => {
    const readiness = async () => {
      const response = await fetch(`${base}/health/ready`);
      return { status: response.status, body: (await response.json()) as { status: string; checks: Array<{ name: string; status: string; detail?: string }> } };
    };
    const first = await readiness();
    expect(first.status).toBe(200);
    expect(first.body.checks.filter((c) => c.status !== 'pass')).toEqual([]);

    await postgres!.stop();
    const down = await until('readiness 503', async () => {
      const r = await readiness();
      return r.status === 503 ? r : undefined;
    }, 30_000);
    expect(down.body.status).toBe('not_ready');
    const failing = down.body.checks.filter((c) => c.status === 'fail').map((c) => c.name);
    expect(failing).toEqual(expect.arrayContaining(['database', 'migrations:orders']));
    // Liveness stays: the process is fine, its database is not.
    expect((await fetch(`${base}/health/live`)).status).toBe(200);

    postgres = await startEmbeddedPostgresProcess(dataDir, pgPort);
    const back = await until('readiness 200', async () => {
      const r = await readiness();
      // Not ready yet: the checks still failing are the message if it never comes.
      if (r.status !== 200) throw new Error(`still ${r.status}: ${JSON.stringify(r.body.checks.filter((c) => c.status !== 'pass'))}`);
      return r;
    }, 60_000);
    expect(back.body.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(back.body.checks.find((c) => c.name === 'event-listener')).toMatchObject({ status: 'pass' });
    // And it serves again.
    const answer = await fetch(hub!.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ products(first: 1) { totalCount } }' }) });
    expect(((await answer.json()) as { data: { products: { totalCount: number } } }).data.products.totalCount).toBeGreaterThan(0);
  }, 120_000);
});
