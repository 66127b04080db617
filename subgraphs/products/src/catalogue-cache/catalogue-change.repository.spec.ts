import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { productsSubgraph } from '../index';
import { CatalogueChangeRepository, MAX_LISTED_PRODUCTS, recordCatalogueChange } from './catalogue-change.repository';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

describe('CatalogueChangeRepository (real PostgreSQL)', () => {
  let db: SpecDatabase;
  const repository = () => new CatalogueChangeRepository(db.em());

  beforeAll(async () => {
    db = await createSpecDatabase([productsSubgraph], { poolMax: 4 });
  });
  afterAll(() => db?.drop());

  it('finds a change set committed after a read that ran while its transaction was open, though a later one took a higher version first', async () => {
    const first = await repository().since('0');
    expect(first.changes).toEqual([]);
    expect(await repository().latestChangeAt()).toBeNull();

    // A long sync: its change set takes a version, then stays uncommitted while a short one commits.
    const slow = await db.pool.connect();
    const fast = await db.pool.connect();
    try {
      await slow.query('begin');
      await recordCatalogueChange(slow, 'PRICE', [A, A]);
      await fast.query('begin');
      await recordCatalogueChange(fast, 'STOCK', [B]);
      await fast.query('commit');

      const during = await repository().since(first.horizon);
      expect(during.changes.map((c) => [c.scope, c.productIds])).toEqual([['STOCK', [B]]]);

      await slow.query('commit');
      // From the horizon of the read made meanwhile: the slow one's, whose version is lower, is found now.
      const after = await repository().since(during.horizon);
      expect(after.changes.map((c) => [c.scope, c.productIds])).toContainEqual(['PRICE', [A]]);
      expect(after.changes.find((c) => c.scope === 'PRICE')!.version).toBeLessThan(during.changes[0].version);
      expect(BigInt(after.horizon)).toBeGreaterThanOrEqual(BigInt(during.horizon));
    } finally {
      slow.release();
      fast.release();
    }
    expect(await repository().latestChangeAt()).toBeInstanceOf(Date);
  });

  it('writes nothing for a page that changed nothing, and EVERYTHING for a page that changed more than it lists', async () => {
    const client = await db.pool.connect();
    try {
      const before = (await repository().since('0')).changes.length;
      await recordCatalogueChange(client, 'PRODUCT', []);
      expect((await repository().since('0')).changes.length).toBe(before);
      const many = Array.from({ length: MAX_LISTED_PRODUCTS + 1 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
      await recordCatalogueChange(client, 'PRODUCT', many);
      const newest = (await repository().since('0')).changes.at(-1)!;
      expect({ scope: newest.scope, listed: newest.productIds.length }).toEqual({ scope: 'EVERYTHING', listed: 0 });
    } finally {
      client.release();
    }
  });
});
