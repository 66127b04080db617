import { buildSchema, FormattedExecutionResult } from 'graphql';
import { Viewer } from '@hub/auth';
import { GraphQLError } from 'graphql';
import { EventSource, OperationExecutor, SubscriberAuth, SubscriberSink, SubscriptionFanout } from './subscription-fanout';
import { prepareSubscription, PreparedSubscription } from './subscription-router';
import { SubscriptionRoutes } from '@hub/events';

const schema = buildSchema(`
  type Query { order(id: ID!): Order! syncRun(id: ID!): SyncRun! }
  type Subscription { orderStatusChanged(orderId: ID!): Order! syncRunUpdated: SyncRun! }
  type Order { id: ID! status: String! }
  type SyncRun { id: ID! state: String! }
`);
const routes: SubscriptionRoutes = {
  orderStatusChanged: { topics: ['orderStatusChanged'], keyArg: 'orderId', queryField: 'order', queryArg: 'id' },
  syncRunUpdated: { topics: ['syncRunUpdated'], keyArg: null, queryField: 'syncRun', queryArg: 'id' },
};

function prepare(query: string): PreparedSubscription {
  const result = prepareSubscription(schema, routes, { query });
  if (Array.isArray(result)) throw result[0];
  return result;
}

/** An in-memory EventListener. */
class FakeEvents implements EventSource {
  handlers = new Set<{ topic: string; key: string | null; handler: (e: { topic: string; key: string }) => void }>();
  reconnectHandlers = new Set<() => void>();
  subscribe(topic: string, key: string | null, handler: (e: { topic: string; key: string }) => void) {
    const entry = { topic, key, handler };
    this.handlers.add(entry);
    return () => void this.handlers.delete(entry);
  }
  onReconnect(handler: () => void) {
    this.reconnectHandlers.add(handler);
    return () => void this.reconnectHandlers.delete(handler);
  }
  emit(topic: string, key: string) {
    for (const h of [...this.handlers]) if (h.topic === topic && (h.key === null || h.key === key)) h.handler({ topic, key });
  }
  reconnect() {
    for (const h of this.reconnectHandlers) h();
  }
}

const viewer = (userId: string, companyId: string, permissions = ['orders.view']): Viewer => ({ userId, kind: 'CUSTOMER', companyId, supplierId: null, permissions });
const as = (v: Viewer | null, expiresAt: number | null = null): SubscriberAuth => ({ bearer: v ? `token-of-${v.userId}` : undefined, viewer: v, expiresAt });

const ORDER = '11111111-1111-4111-8111-111111111111';
const tick = () => new Promise((resolve) => setImmediate(resolve));

function setup(answer: (variables: Record<string, unknown>, auth: SubscriberAuth) => FormattedExecutionResult, now = () => 1_000) {
  const events = new FakeEvents();
  const calls: Array<{ variables: Record<string, unknown>; auth: SubscriberAuth }> = [];
  const execute: OperationExecutor = async (request, auth) => {
    calls.push({ variables: request.variables, auth });
    await tick();
    return answer(request.variables, auth);
  };
  const fanout = new SubscriptionFanout({ schema, events, execute, now, log: () => undefined });
  return { events, calls, fanout };
}

/** A subscriber's end of the fanout: what it was sent, and how it ended. */
class FakeSink implements SubscriberSink {
  readonly results: unknown[] = [];
  error: GraphQLError | null = null;
  cut: string | null = null;
  pending = 0;
  private waiters: Array<() => void> = [];
  next(payloadJson: string) {
    this.results.push(JSON.parse(payloadJson));
    this.wake();
  }
  fail(error: GraphQLError) {
    this.error = error;
    this.wake();
  }
  backlog() {
    return this.pending;
  }
  cutOff(reason: string) {
    this.cut = reason;
    this.wake();
  }
  /** Resolves once `n` results arrived (or the subscription ended). */
  async until(n: number): Promise<void> {
    while (this.results.length < n && !this.error && !this.cut) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }
  private wake() {
    for (const w of this.waiters.splice(0)) w();
  }
}

describe('the subscription fanout', () => {
  let status = 'CONFIRMED';
  const orderAnswer = (variables: Record<string, unknown>) => {
    // One answer per key, under whatever alias the (batched) query asked it.
    const data: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(variables)) if (name.startsWith('eventKey')) data[name === 'eventKey' ? 'orderStatusChanged' : `b${name.split('_')[1]}`] = { id: value, status };
    return { data };
  };
  const ORDER_SUB = `subscription { orderStatusChanged(orderId: "${ORDER}") { id status } }`;

  it('resolves once per event for subscribers with the same query and rights, encodes it once and sends it to each', async () => {
    const { events, calls, fanout } = setup(orderAnswer);
    const sub = prepare(ORDER_SUB);
    const [a, b, c] = [new FakeSink(), new FakeSink(), new FakeSink()];
    const handles = [fanout.add(sub, as(viewer('anna', 'c1')), a), fanout.add(sub, as(viewer('other-user-same-rights', 'c1')), b), fanout.add(sub, as(viewer('other-company', 'c2')), c)];
    expect(fanout.groupCount).toBe(2);
    status = 'SHIPPED';
    events.emit('orderStatusChanged', ORDER);
    await Promise.all([a.until(1), b.until(1), c.until(1)]);
    const expected = { data: { orderStatusChanged: { id: ORDER, status: 'SHIPPED' } } };
    for (const sink of [a, b, c]) expect(sink.results).toEqual([expected]);
    expect(calls.length).toBe(2);
    expect(fanout.counters).toMatchObject({ executions: 2, deliveries: 3 });
    for (const h of handles) h.close();
    expect(events.handlers.size).toBe(0);
    expect(fanout.subscriberCount).toBe(0);
  });

  it('hears only its own key, coalesces events that arrive while one is resolved, and never sends an unchanged result twice', async () => {
    const { events, calls, fanout } = setup(orderAnswer);
    const sink = new FakeSink();
    const handle = fanout.add(prepare(ORDER_SUB), as(viewer('anna', 'c1')), sink);
    events.emit('orderStatusChanged', '22222222-2222-4222-8222-222222222222');
    expect(calls.length).toBe(0);
    status = 'PICKED';
    events.emit('orderStatusChanged', ORDER);
    events.emit('orderStatusChanged', ORDER);
    events.emit('orderStatusChanged', ORDER);
    await sink.until(1);
    await tick();
    await tick();
    // Three events, two executions (the later two coalesced into one), one result: the second was unchanged.
    expect(calls.length).toBe(2);
    expect(sink.results).toEqual([{ data: { orderStatusChanged: { id: ORDER, status: 'PICKED' } } }]);
    status = 'SHIPPED';
    events.emit('orderStatusChanged', ORDER);
    await sink.until(2);
    expect(sink.results.map((r: any) => r.data.orderStatusChanged.status)).toEqual(['PICKED', 'SHIPPED']);
    handle.close();
  });

  it('resolves the events of many keys of one group in one execution, and gives each key its own answer', async () => {
    const { events, calls, fanout } = setup(orderAnswer);
    const keys = Array.from({ length: 5 }, (_, i) => `0000000${i}-0000-4000-8000-000000000000`);
    const sinks = keys.map(() => new FakeSink());
    const handles = keys.map((key, i) => fanout.add(prepare(`subscription { orderStatusChanged(orderId: "${key}") { id status } }`), as(viewer(`u${i}`, 'c1')), sinks[i]));
    expect(fanout.groupCount).toBe(1);
    status = 'DELIVERED';
    for (const key of keys) events.emit('orderStatusChanged', key);
    await Promise.all(sinks.map((s) => s.until(1)));
    // The first key alone (the group was idle), then the four that waited meanwhile together.
    expect(calls.length).toBe(2);
    expect(Object.keys(calls[1].variables).filter((n) => n.startsWith('eventKey'))).toHaveLength(4);
    sinks.forEach((sink, i) => expect(sink.results).toEqual([{ data: { orderStatusChanged: { id: keys[i], status: 'DELIVERED' } } }]));
    for (const h of handles) h.close();
  });

  it('gives each key of a batch its own errors, with the path of the field the client asked', async () => {
    const [visible, hidden] = ['aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb'];
    const { events, fanout } = setup((variables) => {
      if (variables.eventKey) return { data: { orderStatusChanged: { id: variables.eventKey, status } } };
      const data: Record<string, unknown> = {};
      const errors = [];
      for (const [name, value] of Object.entries(variables)) {
        const alias = `b${name.split('_')[1]}`;
        if (value === hidden) {
          data[alias] = null;
          errors.push({ message: 'Order was not found.', path: [alias], extensions: { code: 'NOT_FOUND' } });
        } else data[alias] = { id: value, status };
      }
      return { data, errors };
    });
    const first = new FakeSink();
    const [a, b] = [new FakeSink(), new FakeSink()];
    fanout.add(prepare(`subscription { orderStatusChanged(orderId: "${ORDER}") { id status } }`), as(viewer('anna', 'c1')), first);
    fanout.add(prepare(`subscription { orderStatusChanged(orderId: "${visible}") { id status } }`), as(viewer('anna', 'c1')), a);
    fanout.add(prepare(`subscription { orderStatusChanged(orderId: "${hidden}") { id status } }`), as(viewer('anna', 'c1')), b);
    events.emit('orderStatusChanged', ORDER);
    events.emit('orderStatusChanged', visible);
    events.emit('orderStatusChanged', hidden);
    await Promise.all([first.until(1), a.until(1), b.until(1)]);
    expect(a.results).toEqual([{ data: { orderStatusChanged: { id: visible, status } } }]);
    expect(b.error).toMatchObject({ message: 'Order was not found.', path: ['orderStatusChanged'], extensions: { code: 'NOT_FOUND' } });
    expect(b.results).toEqual([]);
  });

  it('ends the subscription with the access error when the query is refused', async () => {
    let refuse = false;
    const { events, fanout } = setup((variables) => (refuse ? { data: null, errors: [{ message: 'Order was not found.', extensions: { code: 'NOT_FOUND' } }] } : orderAnswer(variables)));
    const sink = new FakeSink();
    fanout.add(prepare(ORDER_SUB), as(viewer('anna', 'c1')), sink);
    refuse = true;
    events.emit('orderStatusChanged', ORDER);
    await sink.until(1);
    expect(sink.error).toMatchObject({ message: 'Order was not found.', extensions: { code: 'NOT_FOUND' } });
    expect(fanout.groupCount).toBe(0);
  });

  it('skips, without a key filter, the events the subscriber may not see, and sends each key unchanged only once', async () => {
    const visible = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
    const { events, fanout } = setup((variables) => {
      const data: Record<string, unknown> = {};
      const errors = [];
      for (const [name, value] of Object.entries(variables)) {
        const alias = name === 'eventKey' ? 'syncRunUpdated' : `b${name.split('_')[1]}`;
        if (value === visible) data[alias] = { id: visible, state: 'DONE' };
        else {
          data[alias] = null;
          errors.push({ message: 'not found', path: [alias], extensions: { code: 'NOT_FOUND' } });
        }
      }
      return errors.length ? { data, errors } : { data };
    });
    const sink = new FakeSink();
    const handle = fanout.add(prepare('subscription { syncRunUpdated { id state } }'), as(viewer('staff', 'c1', ['staff.sync'])), sink);
    events.emit('syncRunUpdated', 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb');
    events.emit('syncRunUpdated', visible);
    await sink.until(1);
    events.emit('syncRunUpdated', visible);
    await tick();
    await tick();
    expect(sink.results).toEqual([{ data: { syncRunUpdated: { id: visible, state: 'DONE' } } }]);
    expect(sink.error).toBeNull();
    handle.close();
  });

  it('checks subscribers up front, many in one execution: refused keys end them, the probe of a keyless route may answer NOT_FOUND', async () => {
    const { calls, fanout } = setup((variables, auth) => {
      if (auth.viewer?.companyId !== 'c1') return { data: null, errors: [{ message: 'forbidden', extensions: { code: 'FORBIDDEN' } }] };
      if (variables.eventKey === ORDER) return orderAnswer(variables);
      if (variables.eventKey) return { data: null, errors: [{ message: 'not found', extensions: { code: 'NOT_FOUND' } }] };
      return orderAnswer(variables);
    });
    const order = prepare(ORDER_SUB);
    const checks = await Promise.all(Array.from({ length: 10 }, (_, i) => fanout.check(order, as(viewer(`u${i}`, 'c1')))));
    for (const c of checks) expect(c).toHaveProperty('result');
    // Ten subscribers of one selection and rights: one check execution.
    expect(calls.length).toBe(1);
    expect(fanout.counters).toMatchObject({ checks: 10, checkExecutions: 1 });
    const refused = await fanout.check(order, as(viewer('marta', 'c2')));
    expect('errors' in refused && refused.errors.map((e) => e.extensions.code)).toEqual(['FORBIDDEN']);
    const runs = prepare('subscription { syncRunUpdated { id } }');
    expect(await fanout.check(runs, as(viewer('staff', 'c1')))).toHaveProperty('result');
    const expired = await fanout.check(order, as(viewer('anna', 'c1'), 999));
    expect('errors' in expired && expired.errors.map((e) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('ends subscribers whose token expired and runs the group as one whose token is valid', async () => {
    let now = 1_000;
    const { events, calls, fanout } = setup(orderAnswer, () => now);
    const sub = prepare(ORDER_SUB);
    const [short, long] = [new FakeSink(), new FakeSink()];
    fanout.add(sub, as(viewer('anna', 'c1'), 2_000), short);
    fanout.add(sub, as(viewer('anna', 'c1'), 9_000), long);
    now = 5_000;
    status = 'INVOICED';
    events.emit('orderStatusChanged', ORDER);
    await long.until(1);
    expect(short.error).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(calls.map((c) => c.auth.expiresAt)).toEqual([9_000]);
  });

  it('cuts off a subscriber whose connection does not keep up, and keeps sending to the others', async () => {
    const { events, fanout } = setup(orderAnswer);
    const sub = prepare(ORDER_SUB);
    const [slow, fine] = [new FakeSink(), new FakeSink()];
    slow.pending = 2 * 1024 * 1024;
    fanout.add(sub, as(viewer('anna', 'c1')), slow);
    fanout.add(sub, as(viewer('anna', 'c1')), fine);
    status = 'CANCELLED';
    events.emit('orderStatusChanged', ORDER);
    await fine.until(1);
    expect(slow.cut).toMatch(/does not keep up/);
    expect(slow.results).toEqual([]);
    expect(fanout.counters.cutOff).toBe(1);
    expect(fanout.subscriberCount).toBe(1);
  });

  it('after a reconnection re-reads keyed subscriptions and sends only what changed', async () => {
    status = 'CONFIRMED';
    const { events, calls, fanout } = setup(orderAnswer);
    const sub = prepare(ORDER_SUB);
    const initial = await fanout.check(sub, as(viewer('anna', 'c1')));
    const sink = new FakeSink();
    fanout.add(sub, as(viewer('anna', 'c1')), sink, 'result' in initial ? initial.result : undefined);
    events.reconnect();
    await tick();
    await tick();
    expect(calls.length).toBe(2);
    expect(sink.results).toEqual([]);
    status = 'DELIVERED';
    events.reconnect();
    await sink.until(1);
    expect(sink.results).toEqual([{ data: { orderStatusChanged: { id: ORDER, status: 'DELIVERED' } } }]);
  });
});

describe('the subscription fanout with a batch field', () => {
  const batchSchema = buildSchema(`
    type Query { order(id: ID!): Order ordersByIds(ids: [ID!]!): [Order]! }
    type Subscription { orderStatusChanged(orderId: ID!): Order }
    type Order { id: ID! status: String }
  `);
  const batchRoutes: SubscriptionRoutes = {
    orderStatusChanged: { topics: ['orderStatusChanged'], keyArg: 'orderId', queryField: 'order', queryArg: 'id', batchQueryField: 'ordersByIds', batchQueryArg: 'ids' },
  };
  const prepareBatch = (query: string) => {
    const result = prepareSubscription(batchSchema, batchRoutes, { query });
    if (Array.isArray(result)) throw result[0];
    return result;
  };

  it("resolves many keys in one call of the list field, each key's item and errors its own", async () => {
    const keys = Array.from({ length: 5 }, (_, i) => `0000000${i}-0000-4000-8000-000000000000`);
    const [hidden, broken] = [keys[2], keys[3]];
    const events = new FakeEvents();
    const queries: Array<{ query: string; variables: Record<string, unknown> }> = [];
    const execute: OperationExecutor = async (request) => {
      queries.push(request);
      await tick();
      if (typeof request.variables.eventKey === 'string') return { data: { mine: { id: request.variables.eventKey, status: 'PICKED' } } };
      const ids = request.variables.eventKeys as string[];
      const errors: Array<{ message: string; path: Array<string | number>; extensions: { code: string } }> = [];
      const items = ids.map((id, i) => {
        if (id === hidden) {
          errors.push({ message: 'Order was not found.', path: ['b', i], extensions: { code: 'NOT_FOUND' } });
          return null;
        }
        if (id === broken) {
          errors.push({ message: 'status failed', path: ['b', i, 'status'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
          return { id, status: null };
        }
        return { id, status: 'PICKED' };
      });
      return { data: { b: items }, errors };
    };
    const fanout = new SubscriptionFanout({ schema: batchSchema, events, execute, log: () => undefined });
    const sinks = keys.map(() => new FakeSink());
    keys.forEach((key, i) => fanout.add(prepareBatch(`subscription { mine: orderStatusChanged(orderId: "${key}") { id status } }`), as(viewer(`u${i}`, 'c1')), sinks[i]));
    for (const key of keys) events.emit('orderStatusChanged', key);
    await Promise.all(sinks.map((s) => s.until(1)));

    // The first key alone (the group was idle), then the four that waited meanwhile in one list query.
    expect(queries).toHaveLength(2);
    expect(queries[1].query).toMatch(/^query \(\$eventKeys: \[ID!\]!\) \{\s+b: ordersByIds\(ids: \$eventKeys\)/);
    expect(queries[1].variables).toEqual({ eventKeys: keys.slice(1) });
    for (const i of [0, 1, 4]) expect(sinks[i].results).toEqual([{ data: { mine: { id: keys[i], status: 'PICKED' } } }]);
    expect(sinks[2].error).toMatchObject({ message: 'Order was not found.', path: ['mine'], extensions: { code: 'NOT_FOUND' } });
    expect(sinks[2].results).toEqual([]);
    expect(sinks[3].results).toEqual([{ data: { mine: { id: broken, status: null } }, errors: [{ message: 'status failed', path: ['mine', 'status'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }]);
    expect(fanout.counters).toMatchObject({ executions: 2, deliveries: 4 });
  });

  it("gives an error of the whole list to every key of the batch", async () => {
    const keys = Array.from({ length: 3 }, (_, i) => `1000000${i}-0000-4000-8000-000000000000`);
    const events = new FakeEvents();
    const execute: OperationExecutor = async (request) => {
      await tick();
      if (typeof request.variables.eventKey === 'string') return { data: { orderStatusChanged: { id: request.variables.eventKey, status: 'PICKED' } } };
      return { data: null, errors: [{ message: 'Signed out.', path: ['b'], extensions: { code: 'UNAUTHENTICATED' } }] };
    };
    const fanout = new SubscriptionFanout({ schema: batchSchema, events, execute, log: () => undefined });
    const sinks = keys.map(() => new FakeSink());
    keys.forEach((key, i) => fanout.add(prepareBatch(`subscription { orderStatusChanged(orderId: "${key}") { id } }`), as(viewer(`u${i}`, 'c1')), sinks[i]));
    for (const key of keys) events.emit('orderStatusChanged', key);
    await Promise.all(sinks.map((s) => s.until(1)));
    expect(sinks[0].results).toEqual([{ data: { orderStatusChanged: { id: keys[0], status: 'PICKED' } } }]);
    for (const sink of sinks.slice(1)) expect(sink.error).toMatchObject({ message: 'Signed out.', extensions: { code: 'UNAUTHENTICATED' } });
    expect(fanout.subscriberCount).toBe(1);
  });
});
