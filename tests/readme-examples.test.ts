import { Client as PgClient } from 'pg';
import { publishOrderStatusChanged } from '@hub/orders';
import { as, client, tokenFor } from './support/hub-client';
import { Example, readmeExamples } from './support/readme-examples';
import { fieldMetrics, gatewayMetrics, RecordedSubscription, untilMetrics, wsClient } from './support/subscription-client';

/**
 * Every GraphQL example in the README runs as the login its block names (`# as <e-mail>`, or
 * `# as anyone`) and answers without a single error. Subscriptions must be accepted and deliver an
 * event without errors; the test makes each one's event happen.
 */
const examples = readmeExamples();
const fieldOf = (e: Example) => (e.operation.selectionSet.selections[0] as { name: { value: string } }).name.value;

describe('the README examples', () => {
  let db: PgClient;
  const disposers: Array<() => Promise<void> | void> = [];

  beforeAll(async () => {
    db = new PgClient({ connectionString: process.env.HUB_TEST_DATABASE_URL });
    await db.connect();
  });

  afterAll(async () => {
    for (const dispose of disposers.reverse()) await dispose();
    await db.end();
  });

  it('are found: logins, queries, mutations and subscriptions', () => {
    expect(examples.length).toBeGreaterThanOrEqual(8);
    expect(new Set(examples.map((e) => e.operation.operation))).toEqual(new Set(['query', 'mutation', 'subscription']));
    expect(examples.some((e) => e.who === null)).toBe(true);
  });

  /** What makes each subscription field of the README send an event (without changing what other tests rely on for long). */
  const triggers: Record<string, (example: Example) => Promise<void>> = {
    orderStatusChanged: async (example) => {
      const orderId = /orderId: "([^"]+)"/.exec(example.text)![1];
      const { rows } = await db.query<{ status: string }>('select status from orders.customer_order where id = $1', [orderId]);
      expect(rows).toHaveLength(1);
      // An ERP status change, as the orders ingest makes it: in one transaction with its event.
      await db.query('begin');
      await db.query("update orders.customer_order set status = 'DELIVERED' where id = $1", [orderId]);
      await publishOrderStatusChanged(db, orderId);
      await db.query('commit');
      disposers.push(async () => void (await db.query('update orders.customer_order set status = $2 where id = $1', [orderId, rows[0].status])));
    },
    myOrdersChanged: async (example) => {
      // The order the README's orderStatusChanged example watches, if it is the subscriber's company's: its event (no change) is resolved for the subscriber.
      const watched = examples.find((e) => fieldOf(e) === 'orderStatusChanged' && e.who === example.who);
      const orderId = /orderId: "([^"]+)"/.exec(watched!.text)![1];
      await publishOrderStatusChanged(db, orderId);
    },
    syncRunUpdated: async () => {
      const staff = await as('sync@hub.example');
      await staff.request('mutation { runSyncNow(operation: "exchangeRates") { runRequested } }');
    },
  };

  it.each(examples.map((e) => [`${e.operation.operation} ${fieldOf(e)} as ${e.who ?? 'anyone'}`, e] as const))('%s answers without errors', async (_name, example) => {
    const token = example.who ? await tokenFor(example.who) : undefined;
    if (example.operation.operation !== 'subscription') {
      const response = await client(token).rawRequest<Record<string, unknown>>(example.text).catch((error) => error.response);
      expect(response.errors).toBeUndefined();
      expect(response.data?.[fieldOf(example)] ?? null).not.toBeNull();
      if (fieldOf(example) === 'setSyncInterval') disposers.push(async () => void (await (await as('sync@hub.example')).request('mutation { setSyncInterval(operation: "stock", interval: "00:01:00") { interval } }')));
      return;
    }
    const field = fieldOf(example);
    const trigger = triggers[field];
    if (!trigger) throw new Error(`The README subscribes to ${field}; add what makes its event happen to this test.`);
    const ws = wsClient({ token });
    disposers.push(() => ws.dispose());
    const before = fieldMetrics(await gatewayMetrics(), field).checks;
    const sub = new RecordedSubscription(ws, example.text);
    // Accepted: its access check ran, and it is not refused.
    await untilMetrics((m) => fieldMetrics(m, field).checks > before && fieldMetrics(m, field).active > 0);
    // Other files' subscriptions on the same field also count as checks: the event is announced again
    // (each trigger is an idempotent announcement) until this subscription has heard one.
    const deadline = Date.now() + 20_000;
    while (sub.results.length === 0 && sub.error === undefined && Date.now() < deadline) {
      await trigger(example);
      await sub.until((s) => s.results.length > 0 || s.error !== undefined, 2_000).catch(() => undefined);
    }
    expect(sub.error).toBeUndefined();
    expect(sub.results[0].errors).toBeUndefined();
    expect(sub.results[0].data?.[field]).toBeTruthy();
    sub.unsubscribe();
  });
});
