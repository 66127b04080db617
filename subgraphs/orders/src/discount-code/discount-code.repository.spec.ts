import { randomUUID } from 'node:crypto';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { ordersSubgraph } from '../index';
import { DiscountCodeEntity, DiscountCodeUseEntity, DiscountKind } from './discount-code.entity';
import { DiscountCodeRepository } from './discount-code.repository';

const COMPANY = randomUUID();
const USER = randomUUID();

describe('DiscountCodeRepository (real PostgreSQL)', () => {
  let db: SpecDatabase;
  beforeAll(async () => {
    db = await createSpecDatabase([ordersSubgraph]);
  });
  afterAll(() => db?.drop());

  const draft = (code: string, maxUses: number) => Object.assign(new DiscountCodeEntity(), {
    code, batchId: randomUUID(), label: 'spec', kind: DiscountKind.PERCENT, percent: '5.00', maxUses, createdByUserId: USER, validFrom: new Date('2026-01-01T00:00:00Z'),
  });

  it('inserts a batch, skipping codes that exist already', async () => {
    const repo = new DiscountCodeRepository(db.em());
    expect(await repo.insertNew([draft('SPEC-AAAA', 1), draft('SPEC-BBBB', 1)])).toEqual(new Set(['SPEC-AAAA', 'SPEC-BBBB']));
    expect(await repo.insertNew([draft('SPEC-BBBB', 1), draft('SPEC-CCCC', 1)])).toEqual(new Set(['SPEC-CCCC']));
    const stored = await repo.byCode('SPEC-AAAA');
    expect(stored).toMatchObject({ percent: '5.00', maxUses: 1, usedCount: 0, validFrom: new Date('2026-01-01T00:00:00Z') });
  });

  it('claims uses only while they remain, also when 8 transactions race for 3 uses', async () => {
    const repo = new DiscountCodeRepository(db.em());
    await repo.insertNew([draft('SPEC-RACE', 3)]);
    const code = (await repo.byCode('SPEC-RACE'))!;
    const results = await Promise.all(Array.from({ length: 8 }, () => {
      const em = db.em();
      return em.transactional((tx) => new DiscountCodeRepository(tx).claimUse({ codeId: code.id, orderId: randomUUID(), companyId: COMPANY, userId: USER, amount: '1.00', currency: 'EUR' }));
    }));
    expect(results.filter(Boolean)).toHaveLength(3);
    const em = db.em();
    expect((await em.findOneOrFail(DiscountCodeEntity, { id: code.id })).usedCount).toBe(3);
    expect(await em.count(DiscountCodeUseEntity, { codeId: code.id })).toBe(3);
    expect((await new DiscountCodeRepository(em).usesOf([code.id])).map((u) => u.amount)).toEqual(['1.00', '1.00', '1.00']);
  });
});
