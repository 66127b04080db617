import { randomUUID } from 'node:crypto';
import { CategoryEntity } from './category.entity';
import { CategoryRepository, ProductCategoryRow } from './category.repository';
import { CategoryService } from './category.service';

const category = (code: string, parentCode: string | null, name = code): CategoryEntity => ({ id: randomUUID(), code, parentCode, name, position: 0 }) as CategoryEntity;

/** The tree as the repository reads it (roots, children, a category whose parent the ERP never sent). */
const TOOLS = category('TOOLS', null, 'Tools');
const HAND = category('HAND', 'TOOLS');
const SAWS = category('SAWS', 'HAND');
const POWER = category('POWER', 'TOOLS');
const FASTENERS = category('FASTENERS', null);
const ORPHAN = category('ORPHAN', 'NOT-SENT');

function service(memberships: ProductCategoryRow[] = []): { service: CategoryService; reads: { all: number; ofProducts: string[][] } } {
  const reads = { all: 0, ofProducts: [] as string[][] };
  const repository = {
    all: async () => {
      reads.all++;
      return [TOOLS, HAND, SAWS, POWER, FASTENERS, ORPHAN];
    },
    ofProducts: async (ids: string[]) => {
      reads.ofProducts.push(ids);
      return memberships.filter((m) => ids.includes(m.productId));
    },
  } as unknown as CategoryRepository;
  return { service: new CategoryService(repository), reads };
}

describe('CategoryService', () => {
  it('reads the tree once per request: roots (a category with an unknown parent among them), children, parents', async () => {
    const { service: categories, reads } = service();
    expect((await categories.roots()).map((c) => c.code)).toEqual(['TOOLS', 'FASTENERS', 'ORPHAN']);
    expect((await categories.children(TOOLS)).map((c) => c.code)).toEqual(['HAND', 'POWER']);
    expect(await categories.children(SAWS)).toEqual([]);
    expect((await categories.parent(SAWS))?.code).toBe('HAND');
    expect(await categories.parent(TOOLS)).toBeNull();
    expect(await categories.parent(ORPHAN)).toBeNull();
    expect(reads.all).toBe(1);
  });

  it('finds a category by id; BAD_USER_INPUT for a non-UUID, NOT_FOUND for an unknown one', async () => {
    const { service: categories } = service();
    expect((await categories.get(HAND.id)).code).toBe('HAND');
    await expect(categories.get('HAND')).rejects.toMatchObject({ message: 'Category id must be a UUID.', extensions: { code: 'BAD_USER_INPUT', field: 'categoryId' } });
    const unknown = randomUUID();
    await expect(categories.get(unknown)).rejects.toMatchObject({ message: `Category ${unknown} was not found.`, extensions: { code: 'NOT_FOUND' } });
  });

  it("gives a category's code with every code below it, each once", async () => {
    const { service: categories } = service();
    expect((await categories.subtreeCodes(TOOLS)).sort()).toEqual(['HAND', 'POWER', 'SAWS', 'TOOLS']);
    expect(await categories.subtreeCodes(SAWS)).toEqual(['SAWS']);
  });

  it("gives a product's categories by code, those the tree knows only, with one read for all products of a tick", async () => {
    const a = randomUUID();
    const b = randomUUID();
    const { service: categories, reads } = service([
      { productId: a, categoryCode: 'SAWS' },
      { productId: a, categoryCode: 'FASTENERS' },
      { productId: a, categoryCode: 'GONE' },
      { productId: b, categoryCode: 'POWER' },
    ]);
    const [ofA, ofB, ofNone] = await Promise.all([categories.ofProductId(a), categories.ofProductId(b), categories.ofProductId(randomUUID())]);
    expect(ofA.map((c) => c.code)).toEqual(['FASTENERS', 'SAWS']);
    expect(ofB.map((c) => c.code)).toEqual(['POWER']);
    expect(ofNone).toEqual([]);
    expect(reads.ofProducts).toHaveLength(1);
  });
});
