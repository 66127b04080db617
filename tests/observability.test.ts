import { randomUUID } from 'node:crypto';
import { as, demo, demoUser, gatewayUrl, subgraphUrls } from './support/hub-client';
import { sampleValue, scrape, Sample } from './support/prometheus';
import { eventually } from './support/staff-client';

/**
 * What an operator scrapes and probes, through the test hub's real processes: Prometheus counts after
 * a known workload, readiness with every check's result, and JSON for every refusal of the HTTP layer.
 * Operation names are this file's own, so test files running beside it do not move these counts.
 */
const metricsUrl = () => new URL('/metrics', gatewayUrl()).toString();
const base = () => new URL(gatewayUrl()).origin;
const productsBase = () => new URL(subgraphUrls().products).origin;

describe('GET /metrics (Prometheus)', () => {
  it('counts N identical named operations at the gateway and at the subgraph they reach, with their latency and SQL', async () => {
    const erik = await as(demoUser(0, 'buyer').email);
    const before = await scrape(metricsUrl());
    const N = 5;
    // A search of its own each time: a repeated catalogue question would be answered by the gateway's kept answers, never reaching products.
    for (let i = 0; i < N; i++) await erik.request('query MetricsProbe($s: String) { products(first: 2, search: $s) { totalCount edges { node { sku price { amount } } } } }', { s: `bolt ${randomUUID()}` });
    const after = await scrape(metricsUrl());
    const grew = (name: string, labels: Record<string, string>) => sampleValue(after, name, labels) - sampleValue(before, name, labels);

    expect(grew('hub_graphql_operations_total', { server: 'gateway', operation_name: 'MetricsProbe', operation_type: 'query', outcome: 'ok' })).toBe(N);
    expect(grew('hub_graphql_operation_duration_seconds_count', { server: 'gateway', operation_name: 'MetricsProbe' })).toBe(N);
    // The gateway names the subgraph's operation after the client's: the products subgraph answered each one.
    expect(grew('hub_graphql_operations_total', { server: 'products', operation_name: 'MetricsProbe__products__0', outcome: 'ok' })).toBe(N);
    expect(grew('hub_gateway_subgraph_fetch_duration_seconds_count', { subgraph: 'products', outcome: 'ok' })).toBeGreaterThanOrEqual(N);
    expect(grew('hub_sql_statements_per_request_count', { server: 'products' })).toBeGreaterThanOrEqual(N);
    expect(grew('hub_sql_statements_per_request_sum', { server: 'products' })).toBeGreaterThan(0);
    // The latency histogram has its buckets, cumulative up to +Inf.
    const buckets = after.filter((s) => s.name === 'hub_graphql_operation_duration_seconds_bucket' && s.labels.server === 'gateway' && s.labels.operation_name === 'MetricsProbe');
    expect(buckets.find((b) => b.labels.le === '+Inf')!.value).toBe(sampleValue(after, 'hub_graphql_operation_duration_seconds_count', { server: 'gateway', operation_name: 'MetricsProbe' }));
  });

  it('counts errors by extensions.code', async () => {
    const anna = await as(demoUser(0, 'customer admin').email);
    const before = await scrape(metricsUrl());
    const answer = await anna.rawRequest('query MetricsErrorProbe($id: ID!) { order(id: $id) { id } }', { id: randomUUID() }).catch((e) => e.response);
    expect(answer.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const after = await scrape(metricsUrl());
    const labels = { server: 'gateway', operation_name: 'MetricsErrorProbe', code: 'NOT_FOUND' };
    expect(sampleValue(after, 'hub_graphql_errors_total', labels) - sampleValue(before, 'hub_graphql_errors_total', labels)).toBe(1);
    expect(sampleValue(after, 'hub_graphql_operations_total', { server: 'gateway', operation_name: 'MetricsErrorProbe', outcome: 'error' })).toBe(1);
  });

  it('counts a sync run after runSyncNow, with its duration and rows; shows cursor age per operation', async () => {
    const staff = await as('sync@hub.example');
    const labels = { operation: 'openItems', status: 'SUCCEEDED' };
    const before = await scrape(metricsUrl());
    await staff.request('mutation { runSyncNow(operation: "openItems") { runRequested } }');
    const after = await eventually(async () => {
      const samples = await scrape(metricsUrl());
      return sampleValue(samples, 'hub_sync_runs_total', labels) > sampleValue(before, 'hub_sync_runs_total', labels) && samples;
    }, 15_000, 'a counted openItems run');
    expect(sampleValue(after, 'hub_sync_run_duration_seconds_count', labels)).toBeGreaterThan(sampleValue(before, 'hub_sync_run_duration_seconds_count', labels));
    expect(sampleValue(after, 'hub_sync_rows_total', { operation: 'openItems', change: 'read' })).toBeGreaterThanOrEqual(sampleValue(before, 'hub_sync_rows_total', { operation: 'openItems', change: 'read' }));
    const ages = after.filter((s) => s.name === 'hub_sync_cursor_age_seconds');
    expect(ages.map((s) => s.labels.operation)).toEqual(expect.arrayContaining(['customers', 'products', 'prices', 'stock', 'openItems']));
    expect(ages.find((s) => s.labels.operation === 'openItems')!.value).toBeLessThan(60);
  });

  it('counts an order delivered through the outbox, and shows the outbox depth and dead letters per topic', async () => {
    // A company whose exact list of orders no other test file checks (the order tests place orders there too).
    const erik = await as(demoUser(2, 'buyer').email);
    const product = demo.products.find((p) => p.sku === 'HB-S0006') ?? demo.products[0];
    const delivered = { source: 'orders', topic: 'order.placed', outcome: 'delivered' };
    const before = await scrape(metricsUrl());
    await erik.request('mutation MetricsOrder($key: String!, $product: ID!) { placeOrder(input: { idempotencyKey: $key, lines: [{ productId: $product, quantity: 1 }] }) { id } }', { key: `metrics-${randomUUID()}`, product: product.id });
    const after = await eventually(async () => {
      const samples = await scrape(metricsUrl());
      return sampleValue(samples, 'hub_outbox_delivery_attempts_total', delivered) > sampleValue(before, 'hub_outbox_delivery_attempts_total', delivered) && samples;
    }, 15_000, 'a counted delivery');
    const topics = (name: string) => after.filter((s: Sample) => s.name === name).map((s: Sample) => `${s.labels.source}/${s.labels.topic}`);
    for (const name of ['hub_outbox_pending_messages', 'hub_outbox_dead_letters']) expect(topics(name)).toEqual(expect.arrayContaining(['orders/order.placed', 'customers/customer.registered']));
    expect(sampleValue(after, 'hub_erp_requests_total', { route: 'orders', outcome: '2xx' })).toBeGreaterThan(0);
  });

  it('has process, pool, subscription and event-listener series', async () => {
    const samples = await scrape(metricsUrl());
    const names = new Set(samples.map((s) => s.name));
    for (const name of ['process_cpu_seconds_total', 'process_resident_memory_bytes', 'nodejs_eventloop_lag_seconds', 'nodejs_heap_size_used_bytes', 'hub_subscription_connections', 'hub_subscription_send_backlog', 'hub_event_listener_reconnects']) {
      expect({ name, present: names.has(name) }).toEqual({ name, present: true });
    }
    expect(sampleValue(samples, 'hub_event_listener_connected', { listener: 'gateway' })).toBe(1);
    expect(sampleValue(samples, 'hub_db_pool_connections', { pool: 'products', state: 'max' })).toBeGreaterThan(0);
    expect(sampleValue(samples, 'hub_db_pool_connections', { pool: 'integrator-worker', state: 'max' })).toBeGreaterThan(0);
    // Bounded labels: operation names only, never an id.
    const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-/;
    expect(samples.filter((s) => Object.values(s.labels).some((v) => uuid.test(v)))).toEqual([]);
  });

  it('is also served by each subgraph server', async () => {
    const samples = await scrape(`${productsBase()}/metrics`);
    expect(samples.some((s) => s.name === 'hub_graphql_operations_total' && s.labels.server === 'products')).toBe(true);
  });
});

describe('health', () => {
  it('answers liveness and readiness with every check, on the gateway and on a subgraph', async () => {
    for (const path of ['/health', '/health/live']) {
      const live = await fetch(`${base()}${path}`);
      expect(live.status).toBe(200);
      expect(await live.json()).toMatchObject({ status: 'ok' });
    }
    const ready = await fetch(`${base()}/health/ready`);
    const report = (await ready.json()) as { status: string; checks: Array<{ name: string; status: string }> };
    expect({ status: ready.status, report: report.status }).toEqual({ status: 200, report: 'ready' });
    const byName = Object.fromEntries(report.checks.map((c) => [c.name, c.status]));
    expect(byName).toMatchObject({
      'event-listener': 'pass',
      database: 'pass',
      'migrations:orders': 'pass',
      'migrations:memos': 'pass',
      'subgraph:products': 'pass',
      'subgraph:memos': 'pass',
      'integrator-worker:database': 'pass',
      erp: 'pass',
    });

    const subgraph = await fetch(`${productsBase()}/health/ready`);
    expect(subgraph.status).toBe(200);
    expect(((await subgraph.json()) as { checks: Array<{ name: string; status: string }> }).checks).toEqual([
      expect.objectContaining({ name: 'database', status: 'pass' }),
      expect.objectContaining({ name: 'migrations:products', status: 'pass' }),
    ]);
  });
});

describe('refusals of the HTTP layer are GraphQL-style JSON', () => {
  const cases: Array<[string, (url: string) => Promise<Response>, number, string]> = [
    ['an unknown path', (url) => fetch(new URL('/no-such-page', url)), 404, 'NOT_FOUND'],
    ['malformed JSON', (url) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' }), 400, 'BAD_REQUEST'],
    ['a body that is not JSON', (url) => fetch(url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{ me { id } }' }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['a body over the limit', (url) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ ${'x'.repeat(3 * 1024 * 1024)} }` }) }), 413, 'PAYLOAD_TOO_LARGE'],
  ];
  it.each(cases)('%s', async (_what, send, status, code) => {
    for (const url of [gatewayUrl(), subgraphUrls().products]) {
      const response = await send(url);
      expect({ url, status: response.status, type: response.headers.get('content-type') }).toEqual({ url, status, type: expect.stringContaining('application/json') });
      expect(await response.json()).toEqual({ errors: [{ message: expect.any(String), extensions: { code } }] });
    }
  });
});

describe('the Grafana dashboard (ops/grafana/hub-dashboard.json)', () => {
  it('queries only metrics the hub exports', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const dashboard = require('../ops/grafana/hub-dashboard.json') as { panels: Array<{ targets?: Array<{ expr: string }> }> };
    const text = await (await fetch(metricsUrl())).text();
    // Every metric is declared (# TYPE) even before it has a sample; histograms add _bucket, _sum and _count.
    const declared = new Set([...text.matchAll(/^# TYPE (\S+) (\S+)$/gm)].flatMap(([, name, type]) => (type === 'histogram' ? [`${name}_bucket`, `${name}_sum`, `${name}_count`] : [name])));
    const used = new Set(dashboard.panels.flatMap((p) => p.targets ?? []).flatMap((t) => [...t.expr.matchAll(/\b((?:hub|process|nodejs)_[a-z0-9_]+)\b/g)].map((m) => m[1])));
    expect(used.size).toBeGreaterThan(20);
    expect([...used].filter((name) => !declared.has(name))).toEqual([]);
  });
});
