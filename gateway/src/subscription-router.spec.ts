import { buildSchema, GraphQLError, parse, parseType, print } from 'graphql';
import { checkSubscriptionRoutes, prepareSubscription, PreparedSubscription, rewriteSubscriptionAsQuery, SubscriptionCache } from './subscription-router';
import { SubscriptionRoutes } from '@hub/events';

const TEST_SCHEMA = buildSchema(/* GraphQL */ `
  type Query {
    order(id: ID!): Order!
    syncRun(id: ID!): SyncRun!
    me: User
  }
  type Subscription {
    orderStatusChanged(orderId: ID!): Order!
    syncRunUpdated: SyncRun!
  }
  type Order {
    id: ID!
    number: String!
    status: String!
    lines(first: Int): [Line!]!
    placedBy: User
  }
  type Line {
    sku: String!
  }
  type SyncRun {
    id: ID!
    state: String!
  }
  type User {
    id: ID!
    email: String!
  }
`);

const TEST_ROUTES: SubscriptionRoutes = {
  orderStatusChanged: { topics: ['orderStatusChanged'], keyArg: 'orderId', queryField: 'order', queryArg: 'id' },
  syncRunUpdated: { topics: ['syncRunUpdated'], keyArg: null, queryField: 'syncRun', queryArg: 'id' },
};

const ORDER_ID = '6f1c2c8e-3f0a-4a55-9f43-2a1c5d9c1b11';

function prepared(query: string, variables?: Record<string, unknown>, operationName?: string): PreparedSubscription {
  const result = prepareSubscription(TEST_SCHEMA, TEST_ROUTES, { query, variables, operationName });
  if (Array.isArray(result)) throw new Error(`unexpected errors: ${result.map((e) => e.message).join('; ')}`);
  return result;
}

function errorsOf(query: unknown, variables?: unknown, operationName?: unknown): GraphQLError[] {
  const result = prepareSubscription(TEST_SCHEMA, TEST_ROUTES, { query, variables, operationName });
  if (!Array.isArray(result)) throw new Error('expected errors');
  return result;
}

const normalize = (query: string) => print(parse(query));

describe('rewriting a subscription into the query resolved per event', () => {
  it('keeps the alias, the selection, the fragments it uses and the variables it still needs', () => {
    const sub = prepared(
      /* GraphQL */ `
        subscription Watch($id: ID!, $n: Int) {
          changed: orderStatusChanged(orderId: $id) { ...Head lines(first: $n) { sku } }
        }
        fragment Head on Order { number status }
        fragment Elsewhere on Query { me { id } }
        query Other { ...Elsewhere }
      `,
      { id: ORDER_ID, n: 3 },
      'Watch',
    );
    expect(sub.query).toBe(
      normalize(`
        query Watch($n: Int, $eventKey: ID!) { changed: order(id: $eventKey) { ...Head lines(first: $n) { sku } } }
        fragment Head on Order { number status }
      `),
    );
    expect(sub).toMatchObject({ fieldName: 'orderStatusChanged', responseKey: 'changed', key: ORDER_ID, variables: { n: 3 }, keyVariable: 'eventKey' });
  });

  it('takes the key from a literal argument as well, and answers under the field name without an alias', () => {
    const sub = prepared(`subscription { orderStatusChanged(orderId: "${ORDER_ID}") { status } }`);
    expect(sub.query).toBe(normalize('query($eventKey: ID!) { orderStatusChanged: order(id: $eventKey) { status } }'));
    expect(sub).toMatchObject({ responseKey: 'orderStatusChanged', key: ORDER_ID, variables: {} });
  });

  it('picks a key variable name the client does not use', () => {
    const sub = prepared('subscription($eventKey: ID!) { orderStatusChanged(orderId: $eventKey) { status } }', { eventKey: ORDER_ID });
    expect(sub.keyVariable).toBe('eventKey2');
    expect(sub.query).toBe(normalize('query($eventKey2: ID!) { orderStatusChanged: order(id: $eventKey2) { status } }'));
  });

  it('gives routes without a key argument no key: every event of the topic is resolved', () => {
    const sub = prepared('subscription { syncRunUpdated { id state } }');
    expect(sub.key).toBeNull();
    expect(sub.query).toBe(normalize('query($eventKey: ID!) { syncRunUpdated: syncRun(id: $eventKey) { id state } }'));
  });

  it('is a pure function of the document', () => {
    const document = parse('subscription S { orderStatusChanged(orderId: "x") { status } }');
    const operation = document.definitions[0] as any;
    const a = rewriteSubscriptionAsQuery(document, operation, TEST_ROUTES.orderStatusChanged, parseType('ID!'));
    const b = rewriteSubscriptionAsQuery(document, operation, TEST_ROUTES.orderStatusChanged, parseType('ID!'));
    expect(print(a.document)).toBe(print(b.document));
    expect(print(document)).toBe(normalize('subscription S { orderStatusChanged(orderId: "x") { status } }'));
  });
});

describe('refusing bad subscriptions with BAD_USER_INPUT', () => {
  const codes = (errors: GraphQLError[]) => errors.map((e) => e.extensions.code);

  it.each([
    ['a syntax error', 'subscription { orderStatusChanged(orderId: "x") { status }', undefined],
    ['an unknown field', 'subscription { orderStatusChanged(orderId: "x") { nope } }', undefined],
    ['an unknown subscription', 'subscription { nothing { id } }', undefined],
    ['two root fields', 'subscription { a: orderStatusChanged(orderId: "x") { id } b: orderStatusChanged(orderId: "y") { id } }', undefined],
    ['a root field through a fragment', 'subscription { ...F } fragment F on Subscription { orderStatusChanged(orderId: "x") { id } }', undefined],
    ['a query', '{ order(id: "x") { id } }', undefined],
    ['a missing variable', 'subscription($id: ID!) { orderStatusChanged(orderId: $id) { id } }', {}],
    ['variables that are not an object', 'subscription { orderStatusChanged(orderId: "x") { id } }', [1]],
    ['no query', undefined, undefined],
  ])('%s', (_what, query, variables) => {
    const errors = errorsOf(query, variables);
    expect(errors.length).toBeGreaterThan(0);
    expect(new Set(codes(errors))).toEqual(new Set(['BAD_USER_INPUT']));
  });

  it('applies extra validation rules (the depth limit)', () => {
    const rule = (context: any) => ({
      Field(node: any) {
        if (node.name.value === 'sku') context.reportError(new GraphQLError('too deep'));
      },
    });
    const result = prepareSubscription(TEST_SCHEMA, TEST_ROUTES, { query: 'subscription { orderStatusChanged(orderId: "x") { lines { sku } } }' }, [rule]);
    expect(Array.isArray(result) && result.map((e) => [e.message, e.extensions.code])).toEqual([['too deep', 'BAD_USER_INPUT']]);
  });
});

describe('checking the routing table against the schema', () => {
  it('accepts a table that fits', () => {
    expect(checkSubscriptionRoutes(TEST_SCHEMA, TEST_ROUTES)).toEqual([]);
  });

  it('accepts a nullable query field behind a non-null subscription field (permission-gated queries are nullable)', () => {
    const schema = buildSchema(/* GraphQL */ `
      type Query { order(id: ID!): Order, syncRun(id: ID!): SyncRun }
      type Subscription { orderStatusChanged(orderId: ID!): Order!, syncRunUpdated: SyncRun! }
      type Order { id: ID! }
      type SyncRun { id: ID! }
    `);
    expect(checkSubscriptionRoutes(schema, TEST_ROUTES)).toEqual([]);
  });

  it('names every misfit', () => {
    const problems = checkSubscriptionRoutes(TEST_SCHEMA, {
      orderStatusChanged: { topics: ['t'], keyArg: 'id', queryField: 'syncRun', queryArg: 'id' },
      gone: { topics: ['t'], keyArg: null, queryField: 'order', queryArg: 'id' },
    });
    expect(problems).toEqual([
      'Subscription.syncRunUpdated has no entry in the subscription routes.',
      "Subscription.orderStatusChanged(orderId) is not the route's key argument, and the route would drop it.",
      'Subscription.orderStatusChanged has no argument id.',
      'Subscription.orderStatusChanged returns Order! but Query.syncRun returns SyncRun!.',
      'The route gone names no field of type Subscription.',
    ]);
  });

  it('checks a batch field: a list of the keys in, a list of nullable items of the same type out', () => {
    const schema = buildSchema(/* GraphQL */ `
      type Query { order(id: ID!): Order, ordersByIds(ids: [ID!]!): [Order]!, wrongIn(ids: ID!): [Order]!, wrongOut(ids: [ID!]!): [SyncRun!]!, needsMore(ids: [ID!]!, x: Int!): [Order]! }
      type Subscription { orderStatusChanged(orderId: ID!): Order }
      type Order { id: ID! }
      type SyncRun { id: ID! }
    `);
    const route = (batchQueryField: string, batchQueryArg = 'ids') => ({
      orderStatusChanged: { topics: ['t'], keyArg: 'orderId', queryField: 'order', queryArg: 'id', batchQueryField, batchQueryArg },
    });
    expect(checkSubscriptionRoutes(schema, route('ordersByIds'))).toEqual([]);
    expect(checkSubscriptionRoutes(schema, route('nope'))).toEqual(['The route orderStatusChanged names the batch field Query.nope(ids), which does not exist.']);
    expect(checkSubscriptionRoutes(schema, route('ordersByIds', 'keys'))).toEqual(['Query.ordersByIds(keys) must take a list of ID.', 'Query.ordersByIds requires ids, which the route cannot give.']);
    expect(checkSubscriptionRoutes(schema, route('wrongIn'))).toEqual(['Query.wrongIn(ids) must take a list of ID.']);
    expect(checkSubscriptionRoutes(schema, route('wrongOut'))).toEqual(['Query.wrongOut must return a list of nullable Order (null where one is not visible).']);
    expect(checkSubscriptionRoutes(schema, route('needsMore'))).toEqual(['Query.needsMore requires x, which the route cannot give.']);
  });
});

describe('compiling a subscription text once', () => {
  it('reuses the compiled text for other variables, and still reads each subscriber its own key', () => {
    const cache = new SubscriptionCache();
    const query = 'subscription W($id: ID!) { orderStatusChanged(orderId: $id) { id status } }';
    const a = prepareSubscription(TEST_SCHEMA, TEST_ROUTES, { query, variables: { id: 'order-a' } }, [], cache) as PreparedSubscription;
    const b = prepareSubscription(TEST_SCHEMA, TEST_ROUTES, { query, variables: { id: 'order-b' } }, [], cache) as PreparedSubscription;
    expect([a.key, b.key]).toEqual(['order-a', 'order-b']);
    // One document and one rewritten query for both: parsed, validated and rewritten once.
    expect(b.queryDocument).toBe(a.queryDocument);
    expect(b.query).toBe(a.query);
    // Variables are still checked for each subscriber.
    const missing = prepareSubscription(TEST_SCHEMA, TEST_ROUTES, { query, variables: {} }, [], cache);
    expect(Array.isArray(missing) && missing.map((e) => e.extensions.code)).toEqual(['BAD_USER_INPUT']);
  });

  it('keeps the errors of a text that does not validate', () => {
    const cache = new SubscriptionCache();
    const query = 'subscription { orderStatusChanged(orderId: "x") { nope } }';
    const first = prepareSubscription(TEST_SCHEMA, TEST_ROUTES, { query }, [], cache);
    const second = prepareSubscription(TEST_SCHEMA, TEST_ROUTES, { query }, [], cache);
    expect(Array.isArray(first) && first[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(second).toBe(first);
  });
});
