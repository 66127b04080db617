import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { ErpPriceRecord } from '@hub/erp-contract';
import { erpEntityId } from '@hub/erp-ids';
import { inTransaction } from '@hub/database';
import { productsSubgraph } from '../index';
import { CatalogueChangeRepository } from '../catalogue-cache/catalogue-change.repository';
import { ingestPrices } from './products.ingest';

const price = (sku: string, amount: string): ErpPriceRecord => ({
  key: `LIST:${sku}`, sku, customerNumber: null, customerGroup: null, minQuantity: '1', price: amount, currency: 'EUR', validFrom: null, validTo: null, promotion: false,
});

describe('the price ingest\'s catalogue change sets (real PostgreSQL)', () => {
  let db: SpecDatabase;
  const newest = async () => (await new CatalogueChangeRepository(db.em()).since('0')).changes.at(-1);

  beforeAll(async () => {
    db = await createSpecDatabase([productsSubgraph], { poolMax: 4 });
  });
  afterAll(() => db?.drop());

  it('lists the changed products of a delta page, says EVERYTHING for a page of a full pull, and writes none for a page that changed nothing', async () => {
    const full = await inTransaction(db.pool, (c) => ingestPrices(c, { rows: [price('A-1', '1.00'), price('B-1', '2.00')], deletions: [], full: true }));
    expect({ inserted: full.inserted, keys: full.changedKeys }).toEqual({ inserted: 2, keys: [] });
    expect(await newest()).toMatchObject({ scope: 'EVERYTHING', productIds: [] });

    const delta = await inTransaction(db.pool, (c) => ingestPrices(c, { rows: [price('A-1', '1.50'), price('B-1', '2.00')], deletions: [] }));
    expect({ updated: delta.updated, keys: delta.changedKeys }).toEqual({ updated: 1, keys: [erpEntityId('product', 'A-1')] });
    expect(await newest()).toMatchObject({ scope: 'PRICE', productIds: [erpEntityId('product', 'A-1')] });

    const version = (await newest())!.version;
    await inTransaction(db.pool, (c) => ingestPrices(c, { rows: [price('A-1', '1.50')], deletions: [], full: true }));
    expect((await newest())!.version).toBe(version);
  });
});
