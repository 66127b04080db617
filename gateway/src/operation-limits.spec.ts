import { buildSchema, parse, validate } from 'graphql';
import { costLimitProblem, DEFAULT_OPERATION_LIMITS, LIMIT_CODES, operationCost, operationLimitRules, operationLimitsFromEnv, OperationLimits, tokenLimitProblem } from './operation-limits';

const schema = buildSchema(/* GraphQL */ `
  type Query {
    products(first: Int! = 24, after: String): ProductConnection!
    product(id: ID!): Product
    ordersByIds(ids: [ID!]!): [Order]!
    orders: [Order!]!
    search: [SearchHit!]!
    me: User
  }
  type User { id: ID! name: String! }
  type ProductConnection { totalCount: Int! edges: [ProductEdge!]! nodes: [Product!]! pageInfo: PageInfo! }
  type PageInfo { hasNextPage: Boolean! }
  type ProductEdge { cursor: String! node: Product! }
  type Product { id: ID! sku: String! price: Money stock: Stock related: [Product!]! }
  type Money { amount: String! }
  type Stock { status: String! }
  type Order { id: ID! lines(first: Int = 50): [Line!]! }
  type Line { sku: String! product: Product }
  union SearchHit = Product | Order
`);

const limits: OperationLimits = { ...DEFAULT_OPERATION_LIMITS, fieldCosts: { 'Product.price': 3, 'Product.stock': 3 } };
const cost = (query: string, variables?: Record<string, unknown>) => operationCost(schema, parse(query), undefined, variables, limits);

describe('operationCost', () => {
  it('counts 1 per object field and 0 per scalar', () => {
    expect(cost('{ me { id name } }')).toBe(1);
    expect(cost('{ product(id: "1") { id sku } }')).toBe(1);
  });

  it('charges the configured cost of expensive fields', () => {
    expect(cost('{ product(id: "1") { price { amount } } }')).toBe(1 + 3);
    expect(cost('{ product(id: "1") { price { amount } stock { status } } }')).toBe(1 + 3 + 3);
  });

  it('multiplies everything below a connection by first, through edges and nodes', () => {
    // products 1, then per item: edges 1 + node 1 + price 3
    expect(cost('{ products(first: 100) { edges { node { price { amount } } } } }')).toBe(1 + 100 * (1 + 1 + 3));
    expect(cost('{ products(first: 10) { nodes { id } totalCount pageInfo { hasNextPage } } }')).toBe(1 + 10 * (1 + 1));
  });

  it('takes first from a variable, and the argument default when it is not given', () => {
    expect(cost('query($n: Int!) { products(first: $n) { nodes { id } } }', { n: 50 })).toBe(1 + 50);
    expect(cost('{ products { nodes { id } } }')).toBe(1 + 24);
  });

  it('sizes a list by its longest list argument, else by the assumed size', () => {
    expect(cost('{ ordersByIds(ids: ["a", "b", "c"]) { id } }')).toBe(1 + 0);
    expect(cost('query($ids: [ID!]!) { ordersByIds(ids: $ids) { lines(first: 2) { product { id } } } }', { ids: ['a', 'b', 'c', 'd'] })).toBe(1 + 4 * (1 + 2 * 1));
    expect(cost('{ orders { lines { sku } } }')).toBe(1 + limits.assumedListSize * 1);
  });

  it('multiplies nested lists together', () => {
    // orders (10 assumed) × lines (first 5) × product.related (10 assumed)
    expect(cost('{ orders { lines(first: 5) { product { related { id } } } } }')).toBe(1 + 10 * (1 + 5 * (1 + 1 * 1 + 10 * 0)));
  });

  it('counts fragments where they are spread, and the dearest branch of an abstract type', () => {
    const viaFragment = cost('query { products(first: 10) { nodes { ...P } } } fragment P on Product { price { amount } }');
    expect(viaFragment).toBe(1 + 10 * (1 + 3));
    // Per hit (10 assumed): a Product costs price 3 + stock 3 = 6, an Order lines 1 + 50 × product 1 = 51: the Order branch counts.
    expect(cost('{ search { ... on Product { price { amount } stock { status } } ... on Order { lines { product { id } } } } }')).toBe(1 + 10 * 51);
    expect(cost('{ search { ... on Product { price { amount } stock { status } } ... on Order { lines { sku } } } }')).toBe(1 + 10 * 6);
  });

  it('500 aliases of an expensive page cost far beyond the default limit', () => {
    const aliases = Array.from({ length: 500 }, (_, i) => `a${i}: products(first: 100) { edges { node { price { amount } stock { status } } } }`).join('\n');
    expect(cost(`{ ${aliases} }`)).toBe(500 * (1 + 100 * (1 + 1 + 3 + 3)));
    expect(costLimitProblem(schema, parse(`{ ${aliases} }`), undefined, {}, limits)?.extensions).toMatchObject({ code: LIMIT_CODES.cost, limit: limits.maxCost, found: 400_500 });
  });
});

describe('the validation rules', () => {
  const problems = (query: string, own: Partial<OperationLimits> = {}) => validate(schema, parse(query), operationLimitRules({ ...limits, ...own })).map((e) => ({ code: e.extensions.code, message: e.message }));

  it('let a normal operation through', () => {
    expect(problems('{ products(first: 10) { edges { node { id price { amount } } } } }')).toEqual([]);
  });

  it('refuse too many aliases with their own code, counted through fragments', () => {
    expect(problems('{ a: me { id } b: me { id } c: me { id } }', { maxAliases: 2 })).toEqual([{ code: LIMIT_CODES.aliases, message: 'The operation has 3 aliases; the limit is 2.' }]);
    expect(problems('query { ...F } fragment F on Query { a: me { id } b: me { id } c: me { id } }', { maxAliases: 2 })).toEqual([{ code: LIMIT_CODES.aliases, message: 'The operation has 3 aliases; the limit is 2.' }]);
  });

  it('refuse too many directives', () => {
    expect(problems('{ me @include(if: true) { id @skip(if: false) name @skip(if: false) } }', { maxDirectives: 2 })).toEqual([{ code: LIMIT_CODES.directives, message: 'The operation has 3 directives; the limit is 2.' }]);
  });

  it('refuse nesting deeper than the limit, through fragments', () => {
    const deep = '{ products { nodes { related { related { related { id } } } } } }';
    expect(problems(deep, { maxDepth: 10 })).toEqual([]);
    expect(problems(deep, { maxDepth: 3 })).toEqual([expect.objectContaining({ code: LIMIT_CODES.depth })]);
    expect(problems('{ products { ...N } } fragment N on ProductConnection { nodes { related { related { id } } } }', { maxDepth: 3 })).toEqual([expect.objectContaining({ code: LIMIT_CODES.depth })]);
  });
});

describe('tokenLimitProblem', () => {
  it('passes a document within the limit and refuses one beyond it with its own code', () => {
    expect(tokenLimitProblem('{ me { id } }', { ...limits, maxTokens: 10 })).toBeNull();
    const many = `{ ${Array.from({ length: 5000 }, () => 'me { id }').join(' ')} }`;
    expect(tokenLimitProblem(many, limits)?.extensions).toMatchObject({ code: LIMIT_CODES.tokens, limit: limits.maxTokens });
  });

  it('leaves a syntax error to the parser (no token refusal)', () => {
    expect(tokenLimitProblem('{ me { id ', limits)).toBeNull();
  });
});

describe('operationLimitsFromEnv', () => {
  it('takes positive integers from HUB_LIMIT_* and keeps the defaults otherwise', () => {
    const read = operationLimitsFromEnv({ HUB_LIMIT_ALIASES: '5', HUB_LIMIT_COST: '1000' });
    expect(read).toMatchObject({ maxAliases: 5, maxCost: 1000, maxTokens: DEFAULT_OPERATION_LIMITS.maxTokens, maxDepth: DEFAULT_OPERATION_LIMITS.maxDepth });
  });

  it.each(['0', '-1', 'lots', '1.5'])('refuses %s', (value) => {
    expect(() => operationLimitsFromEnv({ HUB_LIMIT_DEPTH: value })).toThrow(`HUB_LIMIT_DEPTH must be a positive integer, not "${value}".`);
  });
});
