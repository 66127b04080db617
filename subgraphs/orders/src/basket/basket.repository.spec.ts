import { randomUUID } from 'node:crypto';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { ordersSubgraph } from '../index';
import { BasketRepository, withLines } from './basket.repository';

const COMPANY = randomUUID();
const P = [randomUUID(), randomUUID(), randomUUID()];

describe('BasketRepository (real PostgreSQL)', () => {
  let db: SpecDatabase;
  const repository = () => new BasketRepository(db.em());
  const lines = async (userId: string) => (await repository().basketOf(userId))!.lines.map((l) => [l.sku, l.quantity, l.position]);

  beforeAll(async () => {
    db = await createSpecDatabase([ordersSubgraph]);
  });
  afterAll(() => db?.drop());

  it('has no basket for a user who never had one', async () => {
    expect(await repository().basketOf(randomUUID())).toBeNull();
  });

  it('creates the basket with the first lines, adds to quantities already there and keeps the order lines were first added in', async () => {
    const user = randomUUID();
    await repository().writeLines(user, COMPANY, [{ productId: P[0], sku: 'A', quantity: '2' }, { productId: P[1], sku: 'B', quantity: '1' }], 'add');
    const written = await repository().writeLines(user, COMPANY, [{ productId: P[2], sku: 'C', quantity: '5' }, { productId: P[0], sku: 'A', quantity: '3' }], 'add');
    expect(written.map((l) => [l.sku, l.quantity, l.position]).sort()).toEqual([['A', '5.000', 1], ['C', '5.000', 3]]);
    expect(await lines(user)).toEqual([['A', '5.000', 1], ['B', '1.000', 2], ['C', '5.000', 3]]);
    // What a request shows after writing: the basket it read with the lines it wrote.
    const before = (await repository().basketOf(user))!;
    const after = withLines(before, await repository().writeLines(user, COMPANY, [{ productId: P[1], sku: 'B', quantity: '1' }, { productId: randomUUID(), sku: 'D', quantity: '2' }], 'add'));
    // New lines go after the others (positions may leave gaps: only their order counts).
    expect(after.lines.map((l) => [l.sku, l.quantity])).toEqual([['A', '5.000'], ['B', '2.000'], ['C', '5.000'], ['D', '2.000']]);
    expect(after.lines[3].position).toBeGreaterThan(3);
    expect(after).toEqual({ ...(await repository().basketOf(user))!, updatedAt: expect.any(Date) });
    await repository().removeLines(user, [after.lines[3].productId]);
    await repository().writeLines(user, COMPANY, [{ productId: P[1], sku: 'B', quantity: '7' }], 'set');
    expect(await lines(user)).toEqual([['A', '5.000', 1], ['B', '7.000', 2], ['C', '5.000', 3]]);
    expect(await repository().writeLines(user, COMPANY, [], 'add')).toEqual([]);
    expect((await repository().basketOf(user))!.companyId).toBe(COMPANY);
  });

  it("adds up two adds at once instead of losing one, and keeps each user's basket apart", async () => {
    const user = randomUUID();
    const other = randomUUID();
    await Promise.all([1, 2, 3, 4].map(() => repository().writeLines(user, COMPANY, [{ productId: P[0], sku: 'A', quantity: '1' }], 'add')));
    await repository().writeLines(other, COMPANY, [{ productId: P[0], sku: 'A', quantity: '9' }], 'add');
    expect(await lines(user)).toEqual([['A', '4.000', 1]]);
    expect(await lines(other)).toEqual([['A', '9.000', 1]]);
  });

  it('removes lines by product or all of them, and keeps the delivery details', async () => {
    const user = randomUUID();
    await repository().writeLines(user, COMPANY, P.map((productId, i) => ({ productId, sku: `S${i}`, quantity: '1' })), 'add');
    await repository().setDetails(user, COMPANY, { deliveryAddressCode: 'D2', branchId: null, customerReference: 'PO-7', notes: null });
    expect(await repository().removeLines(user, [P[1], randomUUID()])).toBe(1);
    expect((await lines(user)).map((l) => l[0])).toEqual(['S0', 'S2']);
    expect(await repository().removeLines(user, null)).toBe(2);
    const basket = await repository().basketOf(user);
    expect(basket!.lines).toEqual([]);
    expect(basket).toMatchObject({ deliveryAddressCode: 'D2', customerReference: 'PO-7' });
  });

  it("keeps a configured line's options (with quotes and backslashes intact) through adds and quantity changes that do not name them", async () => {
    const user = randomUUID();
    const configuration = { options: [{ code: 'WIDTH', value: '1200' }, { code: 'NOTE', value: 'say "hi" \\ bye' }], summary: 'Width 1200 mm, Note: say "hi" \\ bye' };
    await repository().writeLines(user, COMPANY, [{ productId: P[0], sku: 'WIN', quantity: '1', configuration }, { productId: P[1], sku: 'B', quantity: '1' }], 'add');
    await repository().writeLines(user, COMPANY, [{ productId: P[0], sku: 'WIN', quantity: '1', configuration }], 'add');
    await repository().writeLines(user, COMPANY, [{ productId: P[0], sku: 'WIN', quantity: '5' }], 'set');
    const basket = (await repository().basketOf(user))!;
    expect(basket.lines.map((l) => [l.sku, l.quantity, l.configuration])).toEqual([['WIN', '5.000', configuration], ['B', '1.000', null]]);
  });
});
