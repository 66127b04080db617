import { PoolClient } from 'pg';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { erpEntityId } from '@hub/erp-ids';
import { mergeTargetMismatches } from '@hub/subgraph-kit';
import { specConfigurationRecords } from './configuration.spec-fixture';
import { productsSubgraph } from '../index';
import { ingestProductConfigurations, PRODUCT_CONFIGURATION_TARGET } from './product-configuration.ingest';

describe('product configuration ingest (real PostgreSQL)', () => {
  let db: SpecDatabase;
  beforeAll(async () => {
    db = await createSpecDatabase([productsSubgraph]);
  });
  afterAll(() => db?.drop());

  const ingest = async (work: (client: PoolClient) => Promise<unknown>) => {
    const client = await db.pool.connect();
    try {
      await client.query('begin');
      await work(client);
      await client.query('commit');
    } catch (error) {
      await client.query('rollback');
      throw error;
    } finally {
      client.release();
    }
  };
  const rows = async () => (await db.pool.query('select sku, product_id, currency, options, rules, area, price_per_square_metre::text as ppsm from products.product_configuration order by sku')).rows;

  it('agrees with the entity', async () => {
    expect(await mergeTargetMismatches(productsSubgraph, [PRODUCT_CONFIGURATION_TARGET])).toEqual([]);
  });

  it("merges a page of the ERP's configurations, replaces a changed one, drops malformed records and deletes what the ERP deleted", async () => {
    const [window, door] = specConfigurationRecords();
    await ingest((c) => ingestProductConfigurations(c, { rows: [window, door, { key: 'BAD', sku: 'BAD', currency: 'euro', options: [] }], deletions: [] }));
    let stored = await rows();
    expect(stored.map((r) => r.sku)).toEqual(['DOOR-CFG-01', 'WIN-CFG-01']);
    expect(stored[1]).toMatchObject({ product_id: erpEntityId('product', 'WIN-CFG-01'), currency: 'EUR', options: window.options, rules: window.rules, area: window.area, ppsm: '85.0000' });
    expect(stored[0]).toMatchObject({ area: null, ppsm: null });

    const changed = { ...window, pricePerSquareMetre: '90.00', rules: window.rules.slice(0, 1) };
    await ingest((c) => ingestProductConfigurations(c, { rows: [changed], deletions: ['DOOR-CFG-01'] }));
    stored = await rows();
    expect(stored.map((r) => r.sku)).toEqual(['WIN-CFG-01']);
    expect(stored[0]).toMatchObject({ ppsm: '90.0000', rules: window.rules.slice(0, 1) });
  });
});
