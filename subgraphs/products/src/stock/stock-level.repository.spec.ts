import { randomUUID } from 'node:crypto';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { productsSubgraph } from '../index';
import { StockDisplayPolicyEntity } from './stock-display-policy.entity';
import { StockLevelEntity } from './stock-level.entity';
import { StockLevelRepository } from './stock-level.repository';

const BOLT = randomUUID();
const NUT = randomUUID();
const COMPANY = randomUUID();

describe('StockLevelRepository (real PostgreSQL)', () => {
  let db: SpecDatabase;
  const repository = () => new StockLevelRepository(db.em());

  beforeAll(async () => {
    db = await createSpecDatabase([productsSubgraph]);
    const em = db.em();
    em.create(StockLevelEntity, { key: 'W1:BOLT', warehouseCode: 'W1', warehouseName: 'North', productId: BOLT, onHand: '12', reserved: '2.5', nextReceiptDate: '2026-12-01', nextReceiptQuantity: '40' });
    em.create(StockLevelEntity, { key: 'W2:BOLT', warehouseCode: 'W2', warehouseName: 'South', productId: BOLT, onHand: '0', reserved: '0', nextReceiptDate: null, nextReceiptQuantity: null });
    await em.flush();
  });
  afterAll(() => db?.drop());

  it("reads every warehouse's level, quantities and dates as text", async () => {
    const levels = await repository().levelsOf([BOLT, NUT]);
    expect(levels.sort((a, b) => a.warehouseCode.localeCompare(b.warehouseCode))).toEqual([
      { productId: BOLT, warehouseCode: 'W1', warehouseName: 'North', onHand: '12.000', reserved: '2.500', nextReceiptDate: '2026-12-01', nextReceiptQuantity: '40.000' },
      { productId: BOLT, warehouseCode: 'W2', warehouseName: 'South', onHand: '0.000', reserved: '0.000', nextReceiptDate: null, nextReceiptQuantity: null },
    ]);
    expect(await repository().levelsOf([NUT])).toEqual([]);
  });

  it("inserts a company's display policy, then replaces it in place", async () => {
    const [first, second] = [randomUUID(), randomUUID()];
    const saved = await repository().saveDisplayPolicy(COMPANY, 'HIDDEN', first);
    expect(saved).toMatchObject({ companyId: COMPANY, policy: 'HIDDEN', updatedBy: first });
    const replaced = await repository().saveDisplayPolicy(COMPANY, 'QUANTITY', second);
    expect(replaced).toMatchObject({ companyId: COMPANY, policy: 'QUANTITY', updatedBy: second });
    expect(replaced.updatedAt.getTime()).toBeGreaterThanOrEqual(saved.updatedAt.getTime());
    const rows = await db.em().find(StockDisplayPolicyEntity, {});
    expect(rows.map((r) => [r.companyId, r.policy])).toEqual([[COMPANY, 'QUANTITY']]);
  });
});
