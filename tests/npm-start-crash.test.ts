import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraphQLClient } from 'graphql-request';
import { DEMO_PASSWORD } from '@hub/demo-data';
import { runningPostmaster, stopPostmaster } from '@hub/launcher/dist/postmaster';
import { HubProcess, startHubProcess } from './support/hub-process';
import { descendantsOf, portFree, processAlive, ProcessInfo, processTable } from './support/process-tree';
import { eventually } from './support/staff-client';
import { freePort } from './support/test-database';

/**
 * `npm start` killed with SIGKILL (an OOM kill, `kill -9`, a crashed terminal) cannot stop its
 * children itself: each child notices on its own that the launcher is gone and stops, so nothing keeps
 * a port or the embedded PostgreSQL's data directory, and the next `npm start` starts cleanly.
 * Split mode (a process per subgraph, two workers for products) so every kind of child is there.
 */
describe('npm start after the launcher is killed with SIGKILL', () => {
  const dataRoot = mkdtempSync(join(tmpdir(), 'hub-crash-'));
  const started: HubProcess[] = [];
  /** Every child seen, so that a failed run does not leave any behind. */
  const seen: ProcessInfo[] = [];
  let env: NodeJS.ProcessEnv;
  let ports: { gateway: number; postgres: number; erp: number };

  beforeAll(async () => {
    ports = { gateway: await freePort(), postgres: await freePort(), erp: await freePort() };
    env = {
      ...process.env,
      HUB_PORT: String(ports.gateway),
      // A fixed gateway port would give the demo carrier its default 4011, which may be taken on a shared machine.
      HUB_DEMO_CARRIER_PORT: '0', HUB_DEMO_SMS_PORT: '0', HUB_DEMO_PAYMENTS_PORT: '0',
      HUB_SUBGRAPH_BASE_PORT: '0',
      HUB_PROCESSES: 'split',
      HUB_SUBGRAPH_WORKERS: 'products=2',
      HUB_DEMO_ERP_PORT: String(ports.erp),
      HUB_EMBEDDED_PG_PORT: String(ports.postgres),
      HUB_DATA_DIR: join(dataRoot, 'pg'),
    };
    delete env.DATABASE_URL;
  });

  afterAll(async () => {
    for (const hub of started) await hub.stop();
    // A failed run must not leave its database or any other child behind.
    const left = runningPostmaster(join(dataRoot, 'pg'));
    if (left) await stopPostmaster(left.pid);
    const running = processTable();
    // The same pid with the same command line: still that child, not a process that took its pid since.
    for (const child of seen) if (running.some((p) => p.pid === child.pid && p.command === child.command)) process.kill(child.pid, 'SIGKILL');
    rmSync(dataRoot, { recursive: true, force: true });
  });

  const start = async () => {
    const hub = await startHubProcess(env, 120_000);
    started.push(hub);
    return hub;
  };

  /** Signs in as a demo buyer and reads a page of the catalogue with prices and an order history: every subgraph answers. */
  const answers = async (hub: HubProcess) => {
    const { login } = await new GraphQLClient(hub.gatewayUrl).request<{ login: { token: string } }>(
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      { e: 'anna@nordic-tools.example', p: DEMO_PASSWORD },
    );
    const api = new GraphQLClient(hub.gatewayUrl, { headers: { authorization: `Bearer ${login.token}` } });
    const data = await api.request<{ products: { edges: Array<{ node: { price: { amount: string } | null } }> }; me: { company: { orders: unknown[] } } }>(
      '{ products(first: 3) { edges { node { sku price { amount } } } } me { company { orders(first: 2) { number invoices { number } } } } }',
    );
    expect(data.products.edges).toHaveLength(3);
    expect(data.products.edges[0].node.price).not.toBeNull();
    expect(data.me.company.orders).toHaveLength(2);
  };

  const portsOf = (hub: HubProcess) => [ports.gateway, ports.postgres, ports.erp, ...Object.values(hub.subgraphs).map((url) => Number(new URL(url).port))];
  const kinds = (children: ProcessInfo[]) => ({
    postgres: children.filter((p) => / -D \S+ -p /.test(p.command) && /postgres/.test(p.command)).length,
    guard: children.filter((p) => p.command.includes('postmaster-guard-main.js')).length,
    demoErp: children.filter((p) => p.command.includes('demo-erp/dist/main.js')).length,
    subgraphs: children.filter((p) => p.command.includes('subgraph-main.js')).length,
  });
  const stillRunning = (children: ProcessInfo[]) => children.filter((p) => processAlive(p.pid));

  it('stops every child process with it and frees every port; the next start is clean', async () => {
    const first = await start();
    await answers(first);
    const children = descendantsOf(first.pid);
    seen.push(...children);
    // The postmaster (its own workers besides), its guard, the demo ERP, seven subgraph processes (notifications the seventh) and the two products workers.
    expect(kinds(children)).toEqual({ postgres: 1, guard: 1, demoErp: 1, subgraphs: 9 });

    await first.kill('SIGKILL');
    await eventually(async () => stillRunning(children).length === 0, 30_000, 'the children of the killed launcher to stop').catch((error) => {
      throw new Error(`${error.message}; still running:\n${stillRunning(children).map((p) => `${p.pid} ${p.command}`).join('\n')}`);
    });
    for (const port of portsOf(first)) expect({ port, free: await portFree(port) }).toEqual({ port, free: true });

    const second = await start();
    expect(second.output()).not.toMatch(/EADDRINUSE|exited before it was ready|left running/);
    await answers(second);
    expect(await second.stop()).toBe(0);
    expect(second.output()).toContain('stopped');
  }, 300_000);

  it('stops a PostgreSQL left running on the data directory (its guard killed too) at the next start', async () => {
    const first = await start();
    const children = descendantsOf(first.pid);
    seen.push(...children);
    const postmaster = children.find((p) => / -D \S+ -p /.test(p.command) && /postgres/.test(p.command))!;
    const guard = children.find((p) => p.command.includes('postmaster-guard-main.js'))!;
    // The guard first, so that nothing is left to stop the database: the state a crash of both leaves.
    process.kill(guard.pid, 'SIGKILL');
    await first.kill('SIGKILL');
    await eventually(async () => !processAlive(guard.pid), 10_000, 'the guard to be gone');
    expect(processAlive(postmaster.pid)).toBe(true);
    expect(await portFree(ports.postgres)).toBe(false);

    const second = await start();
    expect(second.output()).toContain('a PostgreSQL left running on this data directory by an earlier start: stopping it');
    expect(processAlive(postmaster.pid)).toBe(false);
    await answers(second);
    expect(await second.stop()).toBe(0);
    expect(await portFree(ports.postgres)).toBe(true);
  }, 300_000);
});
