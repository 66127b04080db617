import { execute, parse } from 'graphql';
import { MikroORM } from '@mikro-orm/postgresql';
import { Viewer } from '@hub/auth';
import { executePrepared, subgraphOrmConfig } from '@hub/database';
import { SUBGRAPH_MODULES } from '@hub/schema';
import { demo, demoUser } from './support/hub-client';

/**
 * The SQL a catalogue page costs does not grow with the page size: the products subgraph's real
 * schema and resolvers, on the test hub's database, with every statement counted.
 */
describe('catalogue SQL per page', () => {
  const products = SUBGRAPH_MODULES.find((m) => m.name === 'products')!;
  let orm: MikroORM;
  let statements: string[] = [];

  beforeAll(async () => {
    orm = await MikroORM.init({
      ...subgraphOrmConfig({
        schema: products.dbSchema,
        clientUrl: process.env.HUB_TEST_DATABASE_URL!,
        entities: products.entities,
        migrationsPath: products.migrationsPath,
        // One connection, so the prepared statements checked below are all on it.
        poolMax: 1,
      }),
      debug: ['query'],
      logger: (message: string) => {
        // Messages are coloured: "\x1b[90m[query] \x1b[39mselect ...".
        if (message.includes('[query]')) statements.push(message);
      },
    });
  });

  afterAll(() => orm?.close(true));

  const PAGE = `query($first: Int!) {
    products(first: $first) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node {
        id sku name specifications { name value } images { url }
        price { amount currency } big: price(quantity: 50) { amount } priceDetail { source listPrice { amount } rate }
        stock { status quantity warehouses { code status } availableFrom(quantity: 5) }
        categories { code name parent { code } }
        related { sku price { amount } } substitutes { sku }
      } }
    }
  }`;

  async function countPage(first: number, viewer: Viewer | null): Promise<number> {
    const schema = await products.buildSchema();
    statements = [];
    const contextValue = products.buildContext(
      { viewer, bearer: undefined, em: orm.em.fork() },
      { secrets: undefined as never, databaseUrl: process.env.HUB_TEST_DATABASE_URL!, gatewayUrl: () => process.env.HUB_TEST_GATEWAY_URL!, modules: SUBGRAPH_MODULES },
    );
    const result = await execute({ schema, document: parse(PAGE), variableValues: { first }, contextValue });
    expect(result.errors).toBeUndefined();
    expect((result.data as any).products.edges).toHaveLength(first);
    return statements.length;
  }

  it('is the same for pages of 10 and of 100', async () => {
    const buyer = demoUser(0, 'buyer');
    const viewer: Viewer = { userId: buyer.id, kind: 'CUSTOMER', companyId: demo.companies[0].id, supplierId: null, permissions: ['catalog.view', 'prices.view', 'orders.view'] };
    const sql10 = await countPage(10, viewer);
    const sql100 = await countPage(100, viewer);
    console.log(`SQL statements per catalogue page: ${sql10} for 10 products, ${sql100} for 100`);
    expect(sql10).toBeGreaterThan(0);
    expect(sql10).toBeLessThanOrEqual(12);
    // The count may come from the short-lived count cache the second time, never more statements.
    expect(sql100).toBeLessThanOrEqual(sql10);
    // The page's reads are prepared statements (parsed once per connection, plans reusable).
    const prepared = await executePrepared<{ name: string; statement: string }>(orm.em.fork(), "select name, statement from pg_prepared_statements where name like 'hub\\_%'", []);
    expect(prepared.map((p) => p.statement)).toEqual(
      expect.arrayContaining([expect.stringContaining('from products.price_rule'), expect.stringContaining('from products.stock_level'), expect.stringContaining('from products.product_category')]),
    );
  });

  it("runs inside a transaction on the transaction's own connection", async () => {
    const seen = await orm.em.fork().transactional(async (em) => {
      await em.execute("set local application_name = 'hub-prepared-check'");
      return executePrepared<{ name: string }>(em, "select current_setting('application_name') as name", []);
    });
    expect(seen).toEqual([{ name: 'hub-prepared-check' }]);
  });

  it('also for anonymous visitors', async () => {
    expect(await countPage(100, null)).toBeLessThanOrEqual(await countPage(10, null) + 1);
  });
});
