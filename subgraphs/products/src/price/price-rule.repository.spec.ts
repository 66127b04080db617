import { randomUUID } from 'node:crypto';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { productsSubgraph } from '../index';
import { PriceRuleEntity } from './price-rule.entity';
import { PriceRuleRepository } from './price-rule.repository';

const BOLT = randomUUID();
const NUT = randomUUID();
const OURS = randomUUID();
const THEIRS = randomUUID();

type Rule = Pick<PriceRuleEntity, 'key' | 'productId'> & Partial<PriceRuleEntity>;

describe('PriceRuleRepository (real PostgreSQL)', () => {
  let db: SpecDatabase;
  const repository = () => new PriceRuleRepository(db.em());
  const keysOf = async (productIds: string[], audience: { companyId: string | null; customerGroup: string | null } | null) =>
    (await repository().forProducts(productIds, audience)).map((r) => `${r.productId === BOLT ? 'bolt' : 'nut'}:${r.price}`).sort();

  beforeAll(async () => {
    db = await createSpecDatabase([productsSubgraph]);
    const em = db.em();
    const rules: Rule[] = [
      { key: 'list-bolt', productId: BOLT },
      { key: 'list-bolt-10', productId: BOLT, minQuantity: '10', price: '9.5', validFrom: '2026-11-01', validTo: '2026-11-30', promotion: true },
      { key: 'list-nut', productId: NUT, price: '0.5' },
      { key: 'ours-bolt', productId: BOLT, companyId: OURS, price: '8' },
      { key: 'theirs-bolt', productId: BOLT, companyId: THEIRS, price: '7' },
      { key: 'wholesale-bolt', productId: BOLT, customerGroup: 'WHOLESALE', price: '8.5' },
      { key: 'retail-bolt', productId: BOLT, customerGroup: 'RETAIL', price: '11' },
      // Another company's price that also names our group is still theirs.
      { key: 'theirs-wholesale-nut', productId: NUT, companyId: THEIRS, customerGroup: 'WHOLESALE', price: '0.1' },
    ];
    for (const rule of rules) {
      em.create(PriceRuleEntity, {
        sku: rule.productId === BOLT ? 'BOLT' : 'NUT', companyId: null, customerGroup: null, minQuantity: '1', price: '10', currency: 'EUR',
        validFrom: null, validTo: null, promotion: false, ...rule,
      });
    }
    await em.flush();
  });
  afterAll(() => db?.drop());

  it('gives a visitor the list rules only', async () => {
    expect(await keysOf([BOLT, NUT], null)).toEqual(['bolt:10.0000', 'bolt:9.5000', 'nut:0.5000']);
    expect(await keysOf([BOLT, NUT], { companyId: null, customerGroup: null })).toEqual(['bolt:10.0000', 'bolt:9.5000', 'nut:0.5000']);
  });

  it("adds the company's own rules and its group's, never another company's or group's", async () => {
    expect(await keysOf([BOLT, NUT], { companyId: OURS, customerGroup: 'WHOLESALE' })).toEqual(['bolt:10.0000', 'bolt:8.0000', 'bolt:8.5000', 'bolt:9.5000', 'nut:0.5000']);
    expect(await keysOf([BOLT], { companyId: OURS, customerGroup: null })).toEqual(['bolt:10.0000', 'bolt:8.0000', 'bolt:9.5000']);
    expect(await keysOf([NUT], { companyId: THEIRS, customerGroup: null })).toEqual(['nut:0.1000', 'nut:0.5000']);
  });

  it('reads decimals and dates as text, as resolvePrice takes them', async () => {
    const rows = await repository().forProducts([BOLT], null);
    expect(rows.find((r) => r.promotion)).toEqual({
      productId: BOLT, companyId: null, customerGroup: null, minQuantity: '10.000', price: '9.5000', currency: 'EUR', validFrom: '2026-11-01', validTo: '2026-11-30', promotion: true,
    });
    expect(await repository().forProducts([randomUUID()], null)).toEqual([]);
  });
});
