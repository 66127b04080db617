import type { Pool, PoolClient } from 'pg';
import { ErpAdapter, ErpError, ErpErrorKind } from '@hub/erp-contract';
import type { OutboxMessage, OutboxStore } from '@hub/outbox';
import type { OutboxTopicDeclaration } from '@hub/subgraph-kit';
import type { SyncRegistry } from '../sync/sync-registry';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { metricsText, startTracing, stopTracing, withSpan } from '@hub/observability';
import '../integrator-metrics';
import { OutboxDispatcher, OutboxDispatcherOptions } from './outbox-dispatcher';
import { RegisteredOutbox } from './outbox-registry';

/**
 * The dispatcher's rules with a fake ERP, a fake outbox store and a fake pool that records every
 * statement and call in one log: what is delivered, retried (when) or dead-lettered, and what happens
 * inside the acknowledging transaction.
 */

const NOW = Date.parse('2026-11-22T10:00:00Z');

let log: string[];
let failed: Array<{ id: string; error: string; nextAttemptAt: Date; dead: boolean }>;
let delivered: Array<{ id: string; receipt: Record<string, unknown>; client: PoolClient }>;

function fakePool(): Pool {
  const client = {
    query: async (sql: string) => {
      log.push(sql);
      return { rows: [], rowCount: 0 };
    },
    on: () => client,
    off: () => client,
    release: () => log.push('release'),
  };
  return { connect: async () => client } as unknown as Pool;
}

function message(overrides: Partial<OutboxMessage> = {}): OutboxMessage {
  return {
    id: 'm-1', topic: 'order.placed', key: 'order:1', payload: { hubOrderId: '1' }, status: 'PENDING', attempts: 0,
    nextAttemptAt: new Date(NOW), lastError: null, result: null, createdAt: new Date(NOW), deliveredAt: null, traceparent: null, ...overrides,
  };
}

function fakeStore(batches: OutboxMessage[][], name = 'orders'): OutboxStore & { claims: unknown[][]; renewals: Array<{ held: string[]; leaseMs: number }> } {
  const claims: unknown[][] = [];
  const renewals: Array<{ held: string[]; leaseMs: number }> = [];
  return {
    schema: name,
    claims,
    renewals,
    renewLease: async (_pool: Pool, held: OutboxMessage[], leaseMs: number) => {
      renewals.push({ held: held.map((m) => `${m.id}@${m.attempts}`), leaseMs });
      return held.length;
    },
    claimDue: async (...args: unknown[]) => {
      claims.push(args.slice(1));
      return batches.shift() ?? [];
    },
    markDelivered: async (client: PoolClient, m: OutboxMessage, receipt: Record<string, unknown>) => {
      log.push(`delivered ${m.id}`);
      delivered.push({ id: m.id, receipt, client });
    },
    markFailed: async (_pool: Pool, id: string, error: string, nextAttemptAt: Date, dead: boolean) => {
      log.push(`failed ${id}`);
      failed.push({ id, error, nextAttemptAt, dead });
    },
  } as unknown as OutboxStore & { claims: unknown[][]; renewals: Array<{ held: string[]; leaseMs: number }> };
}

/** A topic whose push and lookup the test scripts; each call is logged. */
function topic(options: {
  name?: string;
  push?: () => Promise<Record<string, unknown>>;
  lookup?: () => Promise<Record<string, unknown> | null>;
  acknowledge?: (client: PoolClient) => Promise<void>;
  ingestAfterDelivery?: OutboxTopicDeclaration['ingestAfterDelivery'];
} = {}): OutboxTopicDeclaration {
  return {
    topic: options.name ?? 'order.placed',
    push: async (_adapter, m) => {
      log.push(`push ${m.key}`);
      return (options.push ?? (async () => ({ orderNumber: 'SO-1' })))();
    },
    lookup: async (_adapter, key) => {
      log.push(`lookup ${key}`);
      return (options.lookup ?? (async () => null))();
    },
    acknowledge: async (client) => {
      log.push('acknowledge');
      await options.acknowledge?.(client);
    },
    ingestAfterDelivery: options.ingestAfterDelivery,
  };
}

const records: Record<string, Record<string, unknown> | null> = {};
const adapter = {
  name: 'fake',
  fetchRecord: async (kind: string, key: string) => {
    log.push(`fetch ${kind} ${key}`);
    return records[`${kind}:${key}`] ?? null;
  },
} as unknown as ErpAdapter;

const ingested: Array<{ kind: string; client: PoolClient; page: unknown }> = [];
const registry = {
  findErpKind: (kind: string) => ({
    ingest: async (client: PoolClient, page: unknown) => {
      log.push(`ingest ${kind}`);
      ingested.push({ kind, client, page });
    },
  }),
} as unknown as SyncRegistry;

function dispatcher(outboxes: RegisteredOutbox[], options: Partial<OutboxDispatcherOptions> = {}): OutboxDispatcher {
  return new OutboxDispatcher({ pool: fakePool(), adapter, outboxes, registry, ...options });
}

const outbox = (store: OutboxStore, ...topics: OutboxTopicDeclaration[]): RegisteredOutbox => ({ source: store.schema, store, topics: new Map(topics.map((t) => [t.topic, t])) });

/** One delivery of one message through one topic. */
async function deliverOnce(m: OutboxMessage, t: OutboxTopicDeclaration, options: Partial<OutboxDispatcherOptions> = {}): Promise<void> {
  expect(await dispatcher([outbox(fakeStore([[m]]), t)], options).tick()).toBe(1);
}

const failing = (kind: ErpErrorKind, retryAfterMs: number | null = null) => async (): Promise<never> => {
  throw new ErpError(kind, `the ERP said ${kind}`, retryAfterMs);
};

beforeEach(() => {
  log = [];
  failed = [];
  delivered = [];
  ingested.length = 0;
  for (const key of Object.keys(records)) delete records[key];
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  // The jitter at its lowest: attempt n waits half its ceiling, min(cap, base · 2^n) / 2.
  jest.spyOn(Math, 'random').mockReturnValue(0);
});

afterEach(() => jest.restoreAllMocks());

describe('OutboxDispatcher: delivery', () => {
  it('pushes a first attempt without looking it up, and marks it delivered with the receipt and acknowledges it in one transaction', async () => {
    await deliverOnce(message(), topic());
    expect(log).toEqual(['push order:1', 'begin', 'delivered m-1', 'acknowledge', 'commit', 'release']);
    expect(delivered.map((d) => [d.id, d.receipt])).toEqual([['m-1', { orderNumber: 'SO-1' }]]);
    expect(failed).toEqual([]);
  });

  it('ingests the records a topic reads back through their owners, in the acknowledging transaction before the acknowledgement', async () => {
    records['customers:C-100'] = { customerNumber: 'C-100', currency: 'SEK' };
    const t = topic({
      push: async () => ({ customerNumber: 'C-100', contactNumber: 'P-7' }),
      ingestAfterDelivery: [
        { kind: 'customers', key: (receipt) => String(receipt.customerNumber) },
        { kind: 'contacts', key: (receipt, m) => `${receipt.contactNumber}/${m.key}` },
      ],
    });
    await deliverOnce(message(), t);
    // The contact is not in the ERP yet: left to the next sync, not ingested as nothing.
    expect(log).toEqual(['push order:1', 'fetch customers C-100', 'fetch contacts P-7/order:1', 'begin', 'ingest customers', 'delivered m-1', 'acknowledge', 'commit', 'release']);
    expect(ingested.map((i) => [i.kind, i.page])).toEqual([['customers', { rows: [{ customerNumber: 'C-100', currency: 'SEK' }], deletions: [] }]]);
    expect(ingested[0].client).toBe(delivered[0].client);
  });

  it('delivers through a topic that has nothing to acknowledge', async () => {
    const { acknowledge: _none, ...plain } = topic();
    await deliverOnce(message(), plain);
    expect(log).toEqual(['push order:1', 'begin', 'delivered m-1', 'commit', 'release']);
    expect(failed).toEqual([]);
  });

  it('rolls the delivery back and retries when the acknowledgement fails', async () => {
    await deliverOnce(message(), topic({ acknowledge: async () => Promise.reject(new Error('deadlock detected')) }));
    expect(log).toEqual(['push order:1', 'begin', 'delivered m-1', 'acknowledge', 'rollback', 'release', 'failed m-1']);
    expect(failed).toEqual([{ id: 'm-1', error: 'TRANSIENT: deadlock detected', nextAttemptAt: new Date(NOW + 500), dead: false }]);
  });

  it('dead-letters a message of a topic nobody declares, without sending it', async () => {
    const before = new Date();
    await deliverOnce(message({ topic: 'order.cancelled' }), topic());
    expect(log).toEqual(['failed m-1']);
    expect(failed).toEqual([{ id: 'm-1', error: 'No ERP operation for topic order.cancelled', nextAttemptAt: expect.any(Date), dead: true }]);
    expect(failed[0].nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(failed[0].nextAttemptAt.getTime()).toBeLessThanOrEqual(new Date().getTime());
  });
});

describe('OutboxDispatcher: classification and retry', () => {
  it('retries a transient failure with the backoff of its attempt: base · 2^(attempt−1) at the least', async () => {
    await deliverOnce(message(), topic({ push: failing('TRANSIENT') }));
    await deliverOnce(message({ id: 'm-4', attempts: 3 }), topic({ push: failing('TRANSIENT') }));
    expect(failed).toEqual([
      { id: 'm-1', error: 'TRANSIENT: the ERP said TRANSIENT', nextAttemptAt: new Date(NOW + 500), dead: false },
      { id: 'm-4', error: 'TRANSIENT: the ERP said TRANSIENT', nextAttemptAt: new Date(NOW + 4000), dead: false },
    ]);
  });

  it('spreads the delay up to the whole ceiling (jitter), capped at the configured maximum', async () => {
    jest.spyOn(Math, 'random').mockReturnValue(1);
    await deliverOnce(message({ attempts: 2 }), topic({ push: failing('TRANSIENT') }), { baseDelayMs: 200, maxDelayMs: 1000 });
    await deliverOnce(message({ id: 'm-2', attempts: 7 }), topic({ push: failing('TRANSIENT') }), { baseDelayMs: 200, maxDelayMs: 1000 });
    // Defaults: a second base, five minutes at most.
    await deliverOnce(message({ id: 'm-3', attempts: 1 }), topic({ push: failing('TRANSIENT') }));
    await deliverOnce(message({ id: 'm-4', attempts: 8 }), topic({ push: failing('TRANSIENT') }), { maxAttempts: 20 });
    await deliverOnce(message({ id: 'm-5', attempts: 9 }), topic({ push: failing('TRANSIENT') }), { maxAttempts: 20 });
    expect(failed.map((f) => f.nextAttemptAt.getTime() - NOW)).toEqual([800, 1000, 2000, 256_000, 300_000]);
  });

  it('treats an error that is not an ErpError as transient', async () => {
    await deliverOnce(message(), topic({ push: async () => Promise.reject(new Error('socket hang up')) }));
    expect(failed).toEqual([{ id: 'm-1', error: 'TRANSIENT: socket hang up', nextAttemptAt: new Date(NOW + 500), dead: false }]);
  });

  it('waits at least as long as a rate limit asks, and no less than its own backoff', async () => {
    await deliverOnce(message({ id: 'long' }), topic({ push: failing('RATE_LIMITED', 30_000) }));
    await deliverOnce(message({ id: 'short', attempts: 3 }), topic({ push: failing('RATE_LIMITED', 100) }));
    await deliverOnce(message({ id: 'unsaid' }), topic({ push: failing('RATE_LIMITED') }));
    expect(failed).toEqual([
      { id: 'long', error: 'RATE_LIMITED: the ERP said RATE_LIMITED', nextAttemptAt: new Date(NOW + 30_000), dead: false },
      { id: 'short', error: 'RATE_LIMITED: the ERP said RATE_LIMITED', nextAttemptAt: new Date(NOW + 4000), dead: false },
      { id: 'unsaid', error: 'RATE_LIMITED: the ERP said RATE_LIMITED', nextAttemptAt: new Date(NOW + 500), dead: false },
    ]);
  });

  it('uses a retry-after only for a rate limit', async () => {
    await deliverOnce(message(), topic({ push: failing('TRANSIENT', 30_000) }));
    expect(failed[0].nextAttemptAt).toEqual(new Date(NOW + 500));
  });

  it.each<ErpErrorKind>(['VALIDATION', 'CONFLICT', 'AUTH'])('dead-letters a %s failure at once, on the first attempt', async (kind) => {
    await deliverOnce(message(), topic({ push: failing(kind) }));
    expect(failed).toEqual([{ id: 'm-1', error: `${kind}: the ERP said ${kind}`, nextAttemptAt: new Date(NOW + 500), dead: true }]);
  });

  it('dead-letters a message whose attempts are used up, and not one attempt earlier', async () => {
    await deliverOnce(message({ id: 'last', attempts: 2 }), topic({ push: failing('TRANSIENT') }), { maxAttempts: 3 });
    await deliverOnce(message({ id: 'not yet', attempts: 1 }), topic({ push: failing('TRANSIENT') }), { maxAttempts: 3 });
    // Ten attempts by default.
    await deliverOnce(message({ id: 'tenth', attempts: 9 }), topic({ push: failing('UNKNOWN_OUTCOME') }));
    await deliverOnce(message({ id: 'ninth', attempts: 8 }), topic({ push: failing('RATE_LIMITED') }));
    expect(failed.map((f) => [f.id, f.dead])).toEqual([['last', true], ['not yet', false], ['tenth', true], ['ninth', false]]);
  });

  it('retries an unknown outcome, then looks the key up before pushing again and takes the receipt the ERP already has', async () => {
    await deliverOnce(message(), topic({ push: failing('UNKNOWN_OUTCOME') }));
    expect(failed).toEqual([{ id: 'm-1', error: 'UNKNOWN_OUTCOME: the ERP said UNKNOWN_OUTCOME', nextAttemptAt: new Date(NOW + 500), dead: false }]);

    log = [];
    await deliverOnce(message({ attempts: 1 }), topic({ lookup: async () => ({ orderNumber: 'SO-already' }) }));
    expect(log).toEqual(['lookup order:1', 'begin', 'delivered m-1', 'acknowledge', 'commit', 'release']);
    expect(delivered.map((d) => d.receipt)).toEqual([{ orderNumber: 'SO-already' }]);
  });

  it('pushes again after the lookup when the ERP never got the key', async () => {
    await deliverOnce(message({ attempts: 1 }), topic({ lookup: async () => null }));
    expect(log.slice(0, 2)).toEqual(['lookup order:1', 'push order:1']);
    expect(delivered.map((d) => d.receipt)).toEqual([{ orderNumber: 'SO-1' }]);
  });

  it('counts a failed lookup as a failed attempt, without pushing', async () => {
    await deliverOnce(message({ attempts: 1 }), topic({ lookup: failing('TRANSIENT') }));
    expect(log).toEqual(['lookup order:1', 'failed m-1']);
    expect(failed[0]).toMatchObject({ dead: false, nextAttemptAt: new Date(NOW + 1000) });
  });
});

describe('OutboxDispatcher: ticks', () => {
  it('claims due messages of every outbox with the batch size and lease, and counts what it attempted', async () => {
    const orders = fakeStore([[message({ id: 'o-1' }), message({ id: 'o-2', key: 'order:2' })]], 'orders');
    const customers = fakeStore([[message({ id: 'c-1', topic: 'customer.registered', key: 'reg:1' })]], 'customers');
    const d = dispatcher([outbox(orders, topic()), outbox(customers, topic({ name: 'customer.registered' }))]);
    expect(await d.tick()).toBe(3);
    expect(delivered.map((x) => x.id)).toEqual(['o-1', 'o-2', 'c-1']);
    expect(orders.claims).toEqual([[20, 10_000]]);
    // A quick batch needs no renewal.
    expect(orders.renewals).toEqual([]);
    expect(await d.tick()).toBe(0);

    const custom = fakeStore([], 'orders');
    await dispatcher([outbox(custom, topic())], { batchSize: 5, leaseMs: 1000 }).tick();
    expect(custom.claims).toEqual([[5, 1000]]);
  });

  it('renews the lease of the messages it still holds while a slow batch is delivered, and stops when the batch is done', async () => {
    const store = fakeStore([[message({ id: 'a', key: 'order:a' }), message({ id: 'b', key: 'order:b', attempts: 2 })]]);
    // The first push takes a while (a slow ERP): until three renewals came (at most 5 s, so a starved machine's late timers still count).
    let pushes = 0;
    const untilRenewed = (resolve: (value: { orderNumber: string }) => void, started = performance.now()) => {
      if (store.renewals.length >= 3 || performance.now() - started > 5_000) resolve({ orderNumber: 'SO-1' });
      else setTimeout(() => untilRenewed(resolve, started), 10);
    };
    const slowFirst = topic({ push: async () => (pushes++ === 0 ? new Promise((resolve) => untilRenewed(resolve)) : { orderNumber: 'SO-2' }) });
    const began = performance.now();
    expect(await dispatcher([outbox(store, slowFirst)], { leaseMs: 120 }).tick()).toBe(2);
    const took = performance.now() - began;
    // Every 40 ms (a third of the lease, never more often) while the first was under way: both still held (at the attempt count they were claimed with).
    expect(store.renewals.length).toBeGreaterThanOrEqual(3);
    expect(store.renewals.length).toBeLessThanOrEqual(Math.ceil(took / 40));
    for (const renewal of store.renewals) expect(renewal).toEqual({ held: ['a@0', 'b@2'], leaseMs: 120 });
    const after = store.renewals.length;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(store.renewals).toHaveLength(after);
  });

  it('logs a failed renewal and goes on delivering', async () => {
    const log = { error: jest.fn(), warn: jest.fn(), info: jest.fn() };
    const store = { ...fakeStore([[message({ id: 'a' })]]), renewLease: async () => Promise.reject(new Error('connection lost')) } as unknown as OutboxStore;
    const slow = topic({ push: () => new Promise((resolve) => setTimeout(() => resolve({ orderNumber: 'SO-1' }), 100)) });
    expect(await dispatcher([outbox(store, slow)], { leaseMs: 90, log }).tick()).toBe(1);
    expect(delivered.map((x) => x.id)).toEqual(['a']);
    expect(log.error).toHaveBeenCalledWith({ source: 'orders', err: expect.objectContaining({ message: 'connection lost' }) }, 'outbox orders: renewing the lease failed');
  });

  it('goes on with the next outbox when claiming from one fails', async () => {
    const log = { error: jest.fn(), warn: jest.fn(), info: jest.fn() };
    const broken = { ...fakeStore([], 'orders'), claimDue: async () => Promise.reject(new Error('relation does not exist')) } as unknown as OutboxStore;
    const customers = fakeStore([[message({ id: 'c-1' })]], 'customers');
    expect(await dispatcher([outbox(broken, topic()), outbox(customers, topic())], { log }).tick()).toBe(1);
    expect(delivered.map((x) => x.id)).toEqual(['c-1']);
    expect(log.error).toHaveBeenCalledWith({ source: 'orders', err: expect.objectContaining({ message: 'relation does not exist' }) }, 'outbox orders: claim failed');
  });

  it('ticks on its interval once started, never two ticks at once, and stop waits for the running one', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate', 'Date'] });
    try {
      let release: () => void = () => undefined;
      let claims = 0;
      const slow = {
        ...fakeStore([], 'orders'),
        claimDue: () => {
          claims++;
          return new Promise<OutboxMessage[]>((resolve) => (release = () => resolve([])));
        },
      } as unknown as OutboxStore;
      const d = dispatcher([outbox(slow, topic())], { tickMs: 100 });
      d.start();
      d.start();
      jest.advanceTimersByTime(99);
      expect(claims).toBe(0);
      jest.advanceTimersByTime(1);
      expect(claims).toBe(1);
      // The first tick still waits for its claim: later intervals do not start another.
      jest.advanceTimersByTime(500);
      expect(claims).toBe(1);
      let stopped = false;
      const stopping = d.stop().then(() => (stopped = true));
      await Promise.resolve();
      expect(stopped).toBe(false);
      release();
      await stopping;
      jest.advanceTimersByTime(1000);
      expect(claims).toBe(1);
    } finally {
      jest.useRealTimers();
    }
  });

  it('ticks every 500 ms by default, and starts ticking again after a tick finished', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate', 'Date'] });
    try {
      const store = fakeStore([], 'orders');
      const d = dispatcher([outbox(store, topic())]);
      d.start();
      jest.advanceTimersByTime(499);
      expect(store.claims).toHaveLength(0);
      jest.advanceTimersByTime(1);
      expect(store.claims).toHaveLength(1);
      // Let the first tick finish (its promise chain), then the next interval ticks again.
      await jest.runOnlyPendingTimersAsync();
      await new Promise((resolve) => setImmediate(resolve));
      jest.advanceTimersByTime(500);
      expect(store.claims.length).toBeGreaterThanOrEqual(2);
      await d.stop();
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('OutboxDispatcher: what each attempt tells (log line, metrics, span)', () => {
  const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
  const TRACEPARENT = `00-${TRACE_ID}-b7ad6b7169203331-01`;
  let exporter: InMemorySpanExporter;
  let lines: Array<{ level: string; fields: Record<string, unknown>; text: string }>;
  const record = (level: string) => ((fields: Record<string, unknown>, text: string) => void lines.push({ level, fields, text })) as any;
  const recorder = (): NonNullable<OutboxDispatcherOptions['log']> => ({ info: record('info'), warn: record('warn'), error: record('error') });
  /** This describe's samples (source "telemetry") of a metric in the Prometheus text, by their other labels. */
  const samples = async (name: string): Promise<Record<string, number>> => {
    const out: Record<string, number> = {};
    for (const line of (await metricsText()).split('\n')) {
      const match = /^(\w+)\{(.*)\} (\S+)$/.exec(line);
      if (!match || match[1] !== name || !match[2].includes('source="telemetry"')) continue;
      out[match[2].replace('source="telemetry",', '').replace(',source="telemetry"', '')] = Number(match[3]);
    }
    return out;
  };
  const attemptsCounted = async () => {
    const out: Record<string, number> = {};
    for (const [labels, value] of Object.entries(await samples('hub_outbox_delivery_attempts_total'))) {
      out[`${/topic="([^"]*)"/.exec(labels)![1]} ${/outcome="([^"]*)"/.exec(labels)![1]}`] = value;
    }
    return out;
  };

  beforeAll(() => {
    exporter = new InMemorySpanExporter();
    startTracing({ service: 'outbox-spec', exporter });
  });
  afterAll(() => stopTracing());
  beforeEach(() => {
    lines = [];
    exporter.reset();
  });

  it('delivered: an info line with the attempt and the trace that wrote it, a counted attempt and its time, a root span linked to that trace', async () => {
    const store = fakeStore([[message({ id: 'm-t1', traceparent: TRACEPARENT })]], 'telemetry');
    const before = await attemptsCounted();
    // Inside another span: the delivery still starts a trace of its own (background work), linked instead.
    await withSpan('outer work', {}, () => dispatcher([outbox(store, topic())], { log: recorder() }).tick());
    expect(lines).toEqual([
      { level: 'info', text: 'outbox order.placed delivered', fields: { source: 'telemetry', topic: 'order.placed', messageId: 'm-t1', attempt: 1, outcome: 'delivered', causeTraceId: TRACE_ID } },
    ]);
    expect((await attemptsCounted())['order.placed delivered']).toBe((before['order.placed delivered'] ?? 0) + 1);
    const sum = (await samples('hub_outbox_delivery_duration_seconds_sum'))['topic="order.placed"'];
    expect(sum).toBeGreaterThanOrEqual(0);
    expect(sum).toBeLessThan(5); // seconds, not milliseconds
    const span = exporter.getFinishedSpans().find((s) => s.name === 'outbox deliver order.placed')!;
    expect(span).toBeDefined();
    expect((span as any).parentSpanContext?.spanId ?? (span as any).parentSpanId).toBeUndefined();
    expect(span.links.map((l) => l.context.traceId)).toEqual([TRACE_ID]);
    expect(span.attributes).toEqual({ 'hub.outbox.source': 'telemetry', 'hub.outbox.topic': 'order.placed', 'hub.outbox.attempt': 1, 'hub.outbox.outcome': 'delivered' });
  });

  it('retried and dead-lettered: warn lines that say which, counted by outcome; no link without a stored trace', async () => {
    const store = fakeStore([[message({ id: 'm-t2', key: 'k-2', attempts: 2 }), message({ id: 'm-t3', key: 'k-3' })]], 'telemetry');
    let call = 0;
    const t = topic({ push: async () => (++call === 1 ? failing('TRANSIENT')() : failing('VALIDATION')()) });
    const before = await attemptsCounted();
    await dispatcher([outbox(store, t)], { log: recorder() }).tick();
    expect(lines).toEqual([
      { level: 'warn', text: 'outbox order.placed will be retried', fields: { source: 'telemetry', topic: 'order.placed', messageId: 'm-t2', attempt: 3, outcome: 'retry' } },
      { level: 'warn', text: 'outbox order.placed dead-lettered', fields: { source: 'telemetry', topic: 'order.placed', messageId: 'm-t3', attempt: 1, outcome: 'dead' } },
    ]);
    const after = await attemptsCounted();
    expect(after['order.placed retry']).toBe((before['order.placed retry'] ?? 0) + 1);
    expect(after['order.placed dead']).toBe((before['order.placed dead'] ?? 0) + 1);
    const spans = exporter.getFinishedSpans().filter((s) => s.name === 'outbox deliver order.placed');
    expect(spans.map((s) => [s.attributes['hub.outbox.attempt'], s.attributes['hub.outbox.outcome'], s.links.length])).toEqual([[3, 'retry', 0], [1, 'dead', 0]]);
  });

  it('a topic nobody declares is dead at once, and said so', async () => {
    const store = fakeStore([[message({ id: 'm-t4', topic: 'nobody.declares' })]], 'telemetry');
    await dispatcher([outbox(store, topic())], { log: recorder() }).tick();
    expect(lines.map((l) => [l.level, l.text, l.fields.outcome])).toEqual([['warn', 'outbox nobody.declares dead-lettered', 'dead']]);
    expect(failed).toEqual([{ id: 'm-t4', error: 'No ERP operation for topic nobody.declares', nextAttemptAt: expect.any(Date), dead: true }]);
  });
});
