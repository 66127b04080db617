import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { InMemorySpanExporter, ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { dropDatabase, ensureDatabase } from '@hub/database';
import { DEMO_PASSWORD } from '@hub/demo-data';
import { HttpErpAdapter, IntegratorWorker, startIntegratorWorker } from '@hub/integrator';
import { RunningHub, startHub } from '@hub/launcher';
import { startTracing, stopTracing } from '@hub/observability';
import { demo, demoUser } from './support/hub-client';
import { DemoErpProcess, startDemoErpProcess } from './support/demo-erp-process';
import { eventually } from './support/staff-client';

/**
 * One request's trace, captured in memory: the gateway, every subgraph and the integrator worker in
 * this process (the hub's single-process mode) with an InMemorySpanExporter, on a database of its own
 * and a demo ERP of its own. Placing an order makes one tree (gateway operation → subgraph fetch →
 * subgraph request → SQL, and the pricing query the orders subgraph sends back through the gateway);
 * its delivery to the ERP is a trace of its own whose span links to that request.
 */
describe('traces', () => {
  const exporter = new InMemorySpanExporter();
  const database = `hub_trace_${process.pid}_${Date.now()}`;
  let hub: RunningHub | undefined;
  let erp: DemoErpProcess | undefined;
  let adapter: HttpErpAdapter | undefined;
  let worker: IntegratorWorker | undefined;
  let pool: Pool | undefined;

  beforeAll(async () => {
    startTracing({ service: 'test', exporter });
    const databaseUrl = await ensureDatabase(process.env.HUB_TEST_SERVER_URL!, database);
    pool = new Pool({ connectionString: databaseUrl, max: 1 });
    erp = await startDemoErpProcess();
    hub = await startHub({ databaseUrl, gatewayPort: 0, subgraphBasePort: 0, processes: 'single', graphqlIde: false });
    adapter = new HttpErpAdapter({ baseUrl: erp.url, apiKey: erp.apiKey });
    worker = await startIntegratorWorker({ databaseUrl, adapter, modules: hub.modules, dispatcherTickMs: 100, schedulerTickMs: 3_600_000 });
  }, 120_000);

  afterAll(async () => {
    await worker?.stop();
    adapter?.close();
    await hub?.stop();
    await pool?.end();
    await erp?.stop();
    await stopTracing();
    await dropDatabase(process.env.HUB_TEST_SERVER_URL!, database);
  });

  const post = async (query: string, variables: Record<string, unknown>, token?: string) => {
    const response = await fetch(hub!.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: any; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    return body.data;
  };

  const parentOf = (span: ReadableSpan): string | undefined => (span as any).parentSpanContext?.spanId ?? (span as any).parentSpanId;

  it("places an order in one trace, and the order's delivery links to it", async () => {
    const buyer = demoUser(0, 'buyer');
    const token = (await post('mutation Login($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: buyer.email, p: DEMO_PASSWORD })).login.token;
    const product = demo.products[0];
    const key = `trace-${randomUUID()}`;
    exporter.reset();
    const placed = await post('mutation PlaceOrderTraced($key: String!, $product: ID!) { placeOrder(input: { idempotencyKey: $key, lines: [{ productId: $product, quantity: 2 }] }) { id } }', { key, product: product.id }, token);
    expect(placed.placeOrder.id).toBeDefined();

    const root = await eventually(async () => exporter.getFinishedSpans().find((s) => s.name === 'gateway mutation PlaceOrderTraced'), 5_000, 'the operation span');
    const traceId = root.spanContext().traceId;
    const delivery = await eventually(
      async () => exporter.getFinishedSpans().find((s) => s.name === 'outbox deliver order.placed' && s.links.some((l) => l.context.traceId === traceId)),
      20_000,
      'the delivery span',
    );

    const spans = exporter.getFinishedSpans();
    const inTrace = spans.filter((s) => s.spanContext().traceId === traceId);
    const byId = new Map(inTrace.map((s) => [s.spanContext().spanId, s]));
    // One tree: the operation span is its root, every other span's parent is in it.
    expect(parentOf(root)).toBeUndefined();
    for (const span of inTrace) if (span !== root) expect({ span: span.name, parentInTrace: byId.has(parentOf(span) ?? '') }).toEqual({ span: span.name, parentInTrace: true });
    const ancestors = (span: ReadableSpan): string[] => {
      const names: string[] = [];
      for (let p = byId.get(parentOf(span) ?? ''); p; p = byId.get(parentOf(p) ?? '')) names.push(p.name);
      return names;
    };
    const named = (name: string) => inTrace.filter((s) => s.name === name);

    // Apollo Gateway's own spans (gateway.request, .plan, .execute, .fetch) sit between: they use the same API.
    const fetchOrders = named('subgraph fetch orders');
    expect(fetchOrders).toHaveLength(1);
    expect(ancestors(fetchOrders[0])).toEqual(expect.arrayContaining(['gateway.fetch', 'gateway.execute', root.name]));
    const ordersRequest = named('subgraph orders mutation PlaceOrderTraced__orders__0');
    expect(ordersRequest).toHaveLength(1);
    expect(parentOf(ordersRequest[0])).toBe(fetchOrders[0].spanContext().spanId);
    // The order's rows are written in the orders subgraph's request, statement by statement, literals left out.
    // (Placing writes order, lines, timeline and outbox row in one statement: `with o as (insert ...) ...`.)
    const inserts = inTrace.filter((s) => s.name.startsWith('sql ') && s.attributes['db.namespace'] === 'orders' && String(s.attributes['db.query.text'] ?? '').includes('insert into orders.customer_order'));
    expect(inserts.length).toBeGreaterThan(0);
    for (const insert of inserts) expect(ancestors(insert)).toContain(ordersRequest[0].name);
    expect(inTrace.some((s) => String(s.attributes['db.query.text'] ?? '').includes(key))).toBe(false);
    // The orders subgraph prices the lines through the gateway, as the buyer: the same trace, under its request.
    const pricing = inTrace.filter((s) => s.name.startsWith('gateway query PriceLines'));
    expect(pricing.length).toBeGreaterThan(0);
    for (const query of pricing) expect(ancestors(query)).toEqual(expect.arrayContaining([ordersRequest[0].name, root.name]));
    expect(inTrace.some((s) => s.name.startsWith('subgraph products query PriceLines') && ancestors(s).some((a) => a.startsWith('gateway query PriceLines')))).toBe(true);
    // DataLoader batches of the subgraphs, one span per batch.
    expect(inTrace.some((s) => s.name === 'batch CompanyEntity.byId' && s.attributes['hub.batch.size'] === 1)).toBe(true);

    // The delivery: its own trace (background work), linked to the span that wrote the outbox message.
    expect(delivery.spanContext().traceId).not.toBe(traceId);
    const link = delivery.links.find((l) => l.context.traceId === traceId)!;
    expect(byId.get(link.context.spanId)?.name).toBe(ordersRequest[0].name);
    const { rows } = await pool!.query<{ traceparent: string; status: string }>('select traceparent, status from orders.outbox_message where key = $1', [placed.placeOrder.id]);
    expect(rows[0]).toEqual({ traceparent: `00-${traceId}-${link.context.spanId}-01`, status: 'DELIVERED' });
    const deliverySpans = spans.filter((s) => s.spanContext().traceId === delivery.spanContext().traceId);
    const push = deliverySpans.find((s) => s.name === 'erp POST orders');
    expect(push && parentOf(push)).toBe(delivery.spanContext().spanId);
    expect(push!.attributes['http.response.status_code']).toBe(201);
  }, 60_000);
});
