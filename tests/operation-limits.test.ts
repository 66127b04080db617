import { readFileSync } from 'node:fs';
import { buildASTSchema, parse, validate } from 'graphql';
import { CATALOGUE_PAGE_MAX_FIRST, CATALOGUE_PAGE_QUERY } from '@hub/benchmarks/dist/catalogue-page.query';
import { DEFAULT_OPERATION_LIMITS, LIMIT_CODES, operationCost, operationLimitRules, tokenLimitProblem } from '@hub/gateway';
import { as, demoUser, failure, gatewayUrl, tokenFor } from './support/hub-client';
import { readmeExamples } from './support/readme-examples';
import { wsClient } from './support/subscription-client';

/**
 * The gateway's operation limits, on by default (the test hub sets none of HUB_LIMIT_*): each
 * refusal comes with its own code and HTTP 400 and without `data`, so no subgraph was asked
 * anything; and what real clients send stays well inside every limit.
 */
const buyer = demoUser(0, 'buyer');
const limits = DEFAULT_OPERATION_LIMITS;
const supergraph = buildASTSchema(parse(readFileSync(process.env.HUB_TEST_SUPERGRAPH!, 'utf8')), { assumeValidSDL: true });

async function post(body: unknown, token?: string): Promise<{ status: number; body: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } }> {
  const response = await fetch(gatewayUrl(), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any };
}

const page = (alias: string) => `${alias}: products(first: 100) { edges { node { id price { amount } stock { status } } } }`;

describe('operation limits at the gateway', () => {
  it('500 aliases of a priced page (the probe\'s attack) are refused before any subgraph runs: the document is too long already', async () => {
    const query = `{ ${Array.from({ length: 500 }, (_, i) => page(`p${i}`)).join(' ')} }`;
    const answer = await post({ query }, await tokenFor(buyer.email));
    expect(answer.status).toBe(400);
    expect(answer.body.data).toBeUndefined();
    expect(answer.body.errors).toEqual([{ message: `The document has more than ${limits.maxTokens} tokens; the limit is ${limits.maxTokens}.`, extensions: { code: LIMIT_CODES.tokens, limit: limits.maxTokens, found: limits.maxTokens + 1 } }]);
  });

  it('500 short aliases (within the token limit) get ALIAS_LIMIT_EXCEEDED', async () => {
    const query = `{ ${Array.from({ length: 500 }, (_, i) => `p${i}: me { id }`).join(' ')} }`;
    expect(tokenLimitProblem(query, limits)).toBeNull();
    const answer = await post({ query }, await tokenFor(buyer.email));
    expect(answer.status).toBe(400);
    expect(answer.body.data).toBeUndefined();
    expect(answer.body.errors).toEqual([{ message: `The operation has 500 aliases; the limit is ${limits.maxAliases}.`, extensions: { code: LIMIT_CODES.aliases, limit: limits.maxAliases, found: 500 } }]);
  });

  it('5,000 × me { id } (the probe\'s other attack) gets TOKEN_LIMIT_EXCEEDED unparsed', async () => {
    const query = `{ ${Array.from({ length: 5000 }, () => 'me { id }').join(' ')} }`;
    const answer = await post({ query }, await tokenFor(buyer.email));
    expect(answer.status).toBe(400);
    expect(answer.body.data).toBeUndefined();
    expect(answer.body.errors?.map((e) => e.extensions?.code)).toEqual([LIMIT_CODES.tokens]);
  });

  it('nesting deeper than the limit gets DEPTH_LIMIT_EXCEEDED', async () => {
    let selection = 'id';
    for (let i = 0; i < limits.maxDepth; i++) selection = `related { ${selection} }`;
    const answer = await post({ query: `{ products(first: 1) { edges { node { ${selection} } } } }` }, await tokenFor(buyer.email));
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.map((e) => e.extensions?.code)).toEqual([LIMIT_CODES.depth]);
  });

  it('too many directives get DIRECTIVE_LIMIT_EXCEEDED', async () => {
    const fields = Array.from({ length: limits.maxDirectives + 1 }, () => 'id @include(if: true)').join(' ');
    const answer = await post({ query: `{ me { ${fields} } }` }, await tokenFor(buyer.email));
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.map((e) => e.extensions?.code)).toEqual([LIMIT_CODES.directives]);
  });

  it('few aliases that each ask for a large priced page get COST_LIMIT_EXCEEDED, also when first comes in a variable', async () => {
    const aliases = 25; // within the alias limit
    expect(aliases).toBeLessThanOrEqual(limits.maxAliases);
    const literal = await post({ query: `{ ${Array.from({ length: aliases }, (_, i) => page(`p${i}`)).join(' ')} }` }, await tokenFor(buyer.email));
    expect(literal.status).toBe(400);
    expect(literal.body.data).toBeUndefined();
    expect(literal.body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: LIMIT_CODES.cost, limit: limits.maxCost }) })]);
    const fromVariable = await post(
      { query: `query($n: Int!) { ${Array.from({ length: aliases }, (_, i) => `p${i}: products(first: $n) { edges { node { price { amount } stock { status } } } }`).join(' ')} }`, variables: { n: 100 } },
      await tokenFor(buyer.email),
    );
    expect(fromVariable.body.errors?.map((e) => e.extensions?.code)).toEqual([LIMIT_CODES.cost]);
    // The same operation with small pages is fine: the estimate follows `first`.
    const small = await (await as(buyer.email)).request<Record<string, unknown>>(
      `query($n: Int!) { ${Array.from({ length: aliases }, (_, i) => `p${i}: products(first: $n) { edges { node { price { amount } stock { status } } } }`).join(' ')} }`,
      { n: 2 },
    );
    expect(Object.keys(small)).toHaveLength(aliases);
    // And large again after that (the gateway keeps each document's cost per set of variables).
    const again = await post(
      { query: `query($n: Int!) { ${Array.from({ length: aliases }, (_, i) => `p${i}: products(first: $n) { edges { node { price { amount } stock { status } } } }`).join(' ')} }`, variables: { n: 100 } },
      await tokenFor(buyer.email),
    );
    expect(again.body.errors?.map((e) => e.extensions?.code)).toEqual([LIMIT_CODES.cost]);
  });

  it('anonymous callers meet the same limits (the public shop)', async () => {
    const answer = await post({ query: `{ ${Array.from({ length: 40 }, (_, i) => `c${i}: categories { id }`).join(' ')} }` });
    expect(answer.body.errors?.map((e) => e.extensions?.code)).toEqual([LIMIT_CODES.aliases]);
  });

  it('subscriptions meet them too: an oversized document is refused on the socket with its code', async () => {
    const socket = wsClient({ token: await tokenFor(buyer.email) });
    try {
      const fields = Array.from({ length: limits.maxTokens + 10 }, () => 'id').join(' ');
      const errors = await new Promise<unknown>((resolve) => {
        socket.subscribe({ query: `subscription { myOrdersChanged { ${fields} } }` }, { next: () => undefined, error: resolve, complete: () => resolve(null) });
      });
      expect((errors as Array<{ extensions?: { code?: string } }>).map((e) => e.extensions?.code)).toEqual([LIMIT_CODES.tokens]);
    } finally {
      await socket.dispose();
    }
  });

  it('a refusal is per request: the same user goes on with a normal page at once', async () => {
    const client = await as(buyer.email);
    const { products } = await client.request<{ products: { edges: unknown[] } }>('{ products(first: 5) { edges { node { id price { amount } } } } }');
    expect(products.edges.length).toBeGreaterThan(0);
    const problem = await failure(client.request(`{ ${Array.from({ length: 31 }, (_, i) => `m${i}: me { id }`).join(' ')} }`));
    expect(problem.codes).toEqual([LIMIT_CODES.aliases]);
  });
});

describe('what real clients send stays well inside the default limits', () => {
  const examples = readmeExamples();

  it.each(examples.map((e) => [e.operation.name?.value ?? e.text.slice(0, 60).replace(/\s+/g, ' '), e] as const))('README: %s', (_name, example) => {
    const document = parse(example.text);
    expect(validate(supergraph, document, operationLimitRules(limits))).toEqual([]);
    expect(tokenLimitProblem(example.text, limits)).toBeNull();
    // "Well inside": under a quarter of the cost limit (variables as the README gives none: argument defaults).
    expect(operationCost(supergraph, document, null, {}, limits)).toBeLessThan(limits.maxCost / 4);
  });

  it('the catalogue page at its largest size', async () => {
    const document = parse(CATALOGUE_PAGE_QUERY);
    expect(validate(supergraph, document, operationLimitRules(limits))).toEqual([]);
    expect(tokenLimitProblem(CATALOGUE_PAGE_QUERY, limits)).toBeNull();
    const cost = operationCost(supergraph, document, null, { first: CATALOGUE_PAGE_MAX_FIRST }, limits);
    expect(cost).toBeLessThan(limits.maxCost / 4);
    // And it really runs through the gateway at that size, as a buyer.
    const answer = await (await as(buyer.email)).request<{ products: { edges: unknown[] } }>(CATALOGUE_PAGE_QUERY, { first: CATALOGUE_PAGE_MAX_FIRST });
    expect(answer.products.edges.length).toBeGreaterThan(0);
  });
});
