import { randomUUID } from 'node:crypto';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { ordersSubgraph } from '../index';
import { HoldRuleEntity, HoldRuleKind } from '../hold/hold-rule.entity';
import { OrderingSettingsEntity } from '../settings/ordering-settings.entity';
import { CompanyAccountEntity } from './company-account.entity';
import { OrderingFactsRepository, OrderingFactsService } from './ordering-facts.repository';

const A = randomUUID();
const B = randomUUID();

describe('OrderingFactsRepository (real PostgreSQL)', () => {
  let db: SpecDatabase;
  const repository = () => new OrderingFactsRepository(db.em());

  beforeAll(async () => {
    db = await createSpecDatabase([ordersSubgraph]);
    const em = db.em();
    em.create(CompanyAccountEntity, { companyId: A, customerNumber: 'C1', currency: 'EUR', creditLimit: '5000.00', balance: '120.50', blocked: false, taxRatePercent: '21', deliveryAddressCodes: ['D1', 'D2'] });
    em.create(OrderingSettingsEntity, { companyId: A, requiresApproval: true, approvalLimit: '1000', approvalLimitCurrency: 'EUR' });
    em.create(HoldRuleEntity, { id: '00000000-0000-4000-8000-000000000001', kind: HoldRuleKind.ORDER_VALUE, companyId: null, enabled: true, limitAmount: '500', currency: 'EUR' });
    em.create(HoldRuleEntity, { id: '00000000-0000-4000-8000-000000000002', kind: HoldRuleKind.DELIVERY_ADDRESS, companyId: A, enabled: true, deliveryAddressCodes: ['D2'] });
    em.create(HoldRuleEntity, { kind: HoldRuleKind.DAILY_ORDER_COUNT, companyId: B, enabled: true, maxOrdersPerDay: 3 });
    await em.flush();
  });
  afterAll(() => db?.drop());

  it("reads a company's ERP account, settings and the rules for it in one statement", async () => {
    const facts = await repository().factsOf(A);
    expect(facts.account).toEqual({ customerNumber: 'C1', currency: 'EUR', creditLimit: '5000.00', balance: '120.50', blocked: false, taxRatePercent: '21.000', deliveryAddressCodes: ['D1', 'D2'] });
    expect(facts.settings).toEqual({ requiresApproval: true, approvalLimit: '1000.00', approvalLimitCurrency: 'EUR' });
    expect(facts.rules.map((r) => [r.id, r.kind, r.companyId, r.limitAmount, r.currency, r.deliveryAddressCodes]).sort()).toEqual([
      ['00000000-0000-4000-8000-000000000001', 'ORDER_VALUE', null, '500.00', 'EUR', null],
      ['00000000-0000-4000-8000-000000000002', 'DELIVERY_ADDRESS', A, null, null, ['D2']],
    ]);
  });

  it('has no account or settings for a company the ERP has not sent, and still the rules for every company', async () => {
    const facts = await repository().factsOf(randomUUID());
    expect(facts).toEqual({ account: null, settings: null, rules: [expect.objectContaining({ kind: 'ORDER_VALUE', maxOrdersPerDay: null })] });
    expect((await repository().factsOf(B)).rules.map((r) => [r.kind, r.maxOrdersPerDay]).sort()).toEqual([['DAILY_ORDER_COUNT', 3], ['ORDER_VALUE', null]]);
  });

  it('is read once per request', async () => {
    const facts = new OrderingFactsService(repository());
    const [first, second] = await Promise.all([facts.of(A), facts.of(A)]);
    expect(first).toBe(second);
    expect(await facts.taxRateOf(A)).toBe('21.000');
    expect(await facts.taxRateOf(B)).toBeNull();
  });
});
