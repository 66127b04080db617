import { buildSchema, FormattedExecutionResult } from 'graphql';
import { Viewer } from '@hub/auth';
import { EventSource, OperationExecutor, SubscriberAuth, SubscriptionFanout } from './subscription-fanout';
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

async function take<T>(iterator: AsyncIterator<T>): Promise<T> {
  const result = await iterator.next();
  if (result.done) throw new Error('ended');
  return result.value;
}

describe('the subscription fanout', () => {
  let status = 'CONFIRMED';
  const orderAnswer = (variables: Record<string, unknown>) => ({ data: { orderStatusChanged: { id: variables.eventKey, status } } });

  it('resolves once per event for subscribers with the same query and rights, and sends to each', async () => {
    const { events, calls, fanout } = setup(orderAnswer);
    const sub = prepare(`subscription { orderStatusChanged(orderId: "${ORDER}") { id status } }`);
    const a = fanout.add(sub, as(viewer('anna', 'c1')));
    const b = fanout.add(sub, as(viewer('other-user-same-rights', 'c1')));
    const c = fanout.add(sub, as(viewer('other-company', 'c2')));
    expect(fanout.groupCount).toBe(2);
    status = 'SHIPPED';
    events.emit('orderStatusChanged', ORDER);
    const expected = { data: { orderStatusChanged: { id: ORDER, status: 'SHIPPED' } } };
    expect(await take(a)).toEqual(expected);
    expect(await take(b)).toEqual(expected);
    expect(await take(c)).toEqual(expected);
    expect(calls.length).toBe(2);
    expect(fanout.counters).toMatchObject({ executions: 2, deliveries: 3 });
    await a.return!();
    await b.return!();
    await c.return!();
    expect(events.handlers.size).toBe(0);
    expect(fanout.subscriberCount).toBe(0);
  });

  it('hears only its own key, and coalesces events that arrive while one is being resolved', async () => {
    const { events, calls, fanout } = setup(orderAnswer);
    const it = fanout.add(prepare(`subscription { orderStatusChanged(orderId: "${ORDER}") { id status } }`), as(viewer('anna', 'c1')));
    events.emit('orderStatusChanged', '22222222-2222-4222-8222-222222222222');
    expect(calls.length).toBe(0);
    events.emit('orderStatusChanged', ORDER);
    events.emit('orderStatusChanged', ORDER);
    events.emit('orderStatusChanged', ORDER);
    await take(it);
    await take(it);
    expect(calls.length).toBe(2);
    await it.return!();
  });

  it('ends the subscription with the access error when the query is refused', async () => {
    let refuse = false;
    const { events, fanout } = setup((variables) => (refuse ? { data: null, errors: [{ message: 'Order was not found.', extensions: { code: 'NOT_FOUND' } }] } : orderAnswer(variables)));
    const it = fanout.add(prepare(`subscription { orderStatusChanged(orderId: "${ORDER}") { id status } }`), as(viewer('anna', 'c1')));
    refuse = true;
    events.emit('orderStatusChanged', ORDER);
    await expect(it.next()).rejects.toMatchObject({ message: 'Order was not found.', extensions: { code: 'NOT_FOUND' } });
    expect(fanout.groupCount).toBe(0);
  });

  it('skips, without a key filter, the events the subscriber may not see', async () => {
    const visible = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
    const { events, fanout } = setup((variables) =>
      variables.eventKey === visible ? { data: { syncRunUpdated: { id: visible, state: 'DONE' } } } : { data: null, errors: [{ message: 'not found', extensions: { code: 'NOT_FOUND' } }] },
    );
    const it = fanout.add(prepare('subscription { syncRunUpdated { id state } }'), as(viewer('staff', 'c1', ['staff.sync'])));
    events.emit('syncRunUpdated', 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb');
    events.emit('syncRunUpdated', visible);
    expect(await take(it)).toEqual({ data: { syncRunUpdated: { id: visible, state: 'DONE' } } });
    await it.return!();
  });

  it('checks the subscriber up front: refused keys end it, the probe of a keyless route may answer NOT_FOUND', async () => {
    const { fanout } = setup((variables, auth) =>
      auth.viewer?.companyId === 'c1'
        ? variables.eventKey === ORDER
          ? orderAnswer(variables)
          : { data: null, errors: [{ message: 'not found', extensions: { code: 'NOT_FOUND' } }] }
        : { data: null, errors: [{ message: 'forbidden', extensions: { code: 'FORBIDDEN' } }] },
    );
    const order = prepare(`subscription { orderStatusChanged(orderId: "${ORDER}") { id status } }`);
    expect(await fanout.check(order, as(viewer('anna', 'c1')))).toHaveProperty('result');
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
    const sub = prepare(`subscription { orderStatusChanged(orderId: "${ORDER}") { id status } }`);
    const short = fanout.add(sub, as(viewer('anna', 'c1'), 2_000));
    const long = fanout.add(sub, as(viewer('anna', 'c1'), 9_000));
    now = 5_000;
    events.emit('orderStatusChanged', ORDER);
    await expect(short.next()).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    await take(long);
    expect(calls.map((c) => c.auth.expiresAt)).toEqual([9_000]);
    await long.return!();
  });

  it('after a reconnection re-reads keyed subscriptions and sends only what changed', async () => {
    status = 'CONFIRMED';
    const { events, calls, fanout } = setup(orderAnswer);
    const sub = prepare(`subscription { orderStatusChanged(orderId: "${ORDER}") { id status } }`);
    const initial = await fanout.check(sub, as(viewer('anna', 'c1')));
    const it = fanout.add(sub, as(viewer('anna', 'c1')), 'result' in initial ? initial.result : undefined);
    events.reconnect();
    await tick();
    await tick();
    expect(calls.length).toBe(2);
    status = 'DELIVERED';
    events.reconnect();
    expect(await take(it)).toEqual({ data: { orderStatusChanged: { id: ORDER, status: 'DELIVERED' } } });
    await it.return!();
  });
});
