import { randomUUID } from 'node:crypto';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { productsSubgraph } from '../index';
import { CategoryEntity, ProductCategoryEntity } from './category.entity';
import { CategoryRepository } from './category.repository';

const P1 = randomUUID();
const P2 = randomUUID();
const P3 = randomUUID();

describe('CategoryRepository (real PostgreSQL)', () => {
  let db: SpecDatabase;
  const repository = () => new CategoryRepository(db.em());

  beforeAll(async () => {
    db = await createSpecDatabase([productsSubgraph]);
  });
  afterAll(() => db?.drop());

  it('reads nothing from an empty tree', async () => {
    expect(await repository().all()).toEqual([]);
    expect(await repository().ofProducts([P1])).toEqual([]);
  });

  it('reads the whole tree in display order: position, then code', async () => {
    const em = db.em();
    const rows: Array<[string, string | null, number]> = [['TOOLS', null, 2], ['BOLTS', 'FIX', 1], ['FIX', null, 1], ['NUTS', 'FIX', 1], ['SAWS', 'TOOLS', 0]];
    for (const [code, parentCode, position] of rows) em.create(CategoryEntity, { id: randomUUID(), code, parentCode, name: `Name of ${code}`, position });
    await em.flush();
    const tree = await repository().all();
    expect(tree.map((c) => c.code)).toEqual(['SAWS', 'BOLTS', 'FIX', 'NUTS', 'TOOLS']);
    expect(tree[0]).toEqual({ id: expect.any(String), code: 'SAWS', parentCode: 'TOOLS', name: 'Name of SAWS', position: 0 });
    expect(tree.find((c) => c.code === 'FIX')!.parentCode).toBeNull();
  });

  it("reads the products' category codes in one go, several per product", async () => {
    const em = db.em();
    for (const [productId, categoryCode, sku] of [[P1, 'BOLTS', 'S-1'], [P1, 'NUTS', 'S-1'], [P2, 'SAWS', 'S-2']]) em.create(ProductCategoryEntity, { productId, categoryCode, sku });
    await em.flush();
    const rows = await repository().ofProducts([P1, P2, P3]);
    expect(rows).toHaveLength(3);
    expect(rows).toEqual(expect.arrayContaining([{ productId: P1, categoryCode: 'BOLTS' }, { productId: P1, categoryCode: 'NUTS' }, { productId: P2, categoryCode: 'SAWS' }]));
    expect(await repository().ofProducts([P3])).toEqual([]);
  });
});
