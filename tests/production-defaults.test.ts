import { anonymousIntrospectionAllowed, asksForIntrospection, INTROSPECTION_DISABLED, withoutSuggestions } from '@hub/gateway';
import { parse } from 'graphql';
import { as, client, demoUser, failure, gatewayUrl } from './support/hub-client';

/**
 * What a stranger gets from a production gateway (the test hub runs with HUB_ANONYMOUS_INTROSPECTION=false,
 * as production does by default): no schema map, no field names in errors, JSON for every refusal.
 */
describe('production defaults at the gateway', () => {
  const buyer = demoUser(0, 'buyer');

  it('refuses introspection to callers who are not signed in, with its own code and HTTP 400', async () => {
    const response = await fetch(gatewayUrl(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __schema { types { name } } }' }) });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { data?: unknown; errors: Array<{ extensions: { code: string } }> };
    expect(body.data).toBeUndefined();
    expect(body.errors.map((e) => e.extensions.code)).toEqual([INTROSPECTION_DISABLED]);
    // Hidden in a fragment, or as __type: the same.
    for (const query of ['query { ...F } fragment F on Query { __type(name: "Product") { fields { name } } }', '{ products(first: 1) { totalCount } __type(name: "Order") { name } }']) {
      expect((await failure(client().request(query))).codes).toEqual([INTROSPECTION_DISABLED]);
    }
    // __typename is no introspection.
    expect(await client().request('{ __typename }')).toEqual({ __typename: 'Query' });
  });

  it('lets signed-in callers introspect (code generators of partners)', async () => {
    const { __schema } = await (await as(buyer.email)).request<{ __schema: { queryType: { name: string } } }>('{ __schema { queryType { name } } }');
    expect(__schema.queryType.name).toBe('Query');
  });

  it('suggests no field names to callers who are not signed in; signed-in ones still get them', async () => {
    const anonymous = await failure(client().request('{ produts(first: 1) { totalCount } }'));
    expect(anonymous.codes).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(anonymous.messages).toEqual(['Cannot query field "produts" on type "Query".']);
    const signedIn = await failure((await as(buyer.email)).request('{ produts(first: 1) { totalCount } }'));
    expect(signedIn.messages[0]).toMatch(/Did you mean "products"/);
  });

  it('answers a 5 MB body with a GraphQL error as JSON (413), not an HTML page', async () => {
    const response = await fetch(gatewayUrl(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ ${'x'.repeat(5 * 1024 * 1024)} }` }) });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('the pieces', () => {
  it('anonymousIntrospectionAllowed: off in production unless configured, on elsewhere', () => {
    expect(anonymousIntrospectionAllowed({ NODE_ENV: 'production' })).toBe(false);
    expect(anonymousIntrospectionAllowed({ NODE_ENV: 'production', HUB_ANONYMOUS_INTROSPECTION: 'true' })).toBe(true);
    expect(anonymousIntrospectionAllowed({ NODE_ENV: 'development' })).toBe(true);
    expect(anonymousIntrospectionAllowed({ HUB_ANONYMOUS_INTROSPECTION: 'false' })).toBe(false);
    expect(() => anonymousIntrospectionAllowed({ HUB_ANONYMOUS_INTROSPECTION: 'sometimes' })).toThrow('HUB_ANONYMOUS_INTROSPECTION must be true or false, not "sometimes".');
  });

  it('asksForIntrospection and withoutSuggestions', () => {
    expect(asksForIntrospection(parse('{ __typename me { id } }'))).toBe(false);
    expect(asksForIntrospection(parse('{ me { id } ...F } fragment F on Query { __schema { types { name } } }'))).toBe(true);
    expect(withoutSuggestions('Cannot query field "produts" on type "Query". Did you mean "products" or "product"?')).toBe('Cannot query field "produts" on type "Query".');
    expect(withoutSuggestions('Unknown argument "fist" on field "Query.products". Did you mean "first"?')).toBe('Unknown argument "fist" on field "Query.products".');
  });
});
