import { Decimal } from '@hub/money';
import { HoldRuleEntity, HoldRuleKind } from './hold-rule.entity';
import { effectiveRules, HoldFacts, holdReasons } from './hold-rules.evaluator';

const COMPANY = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';

const rule = (kind: HoldRuleKind, companyId: string | null, fields: Partial<HoldRuleEntity> = {}): HoldRuleEntity =>
  Object.assign(new HoldRuleEntity(), { kind, companyId, enabled: true, ...fields });

const facts = (overrides: Partial<HoldFacts> = {}): HoldFacts => ({
  currency: 'EUR',
  net: new Decimal('1000'),
  gross: new Decimal('1210'),
  deliveryAddressCode: 'D1',
  credit: { blocked: false, creditLimit: new Decimal('10000'), balance: new Decimal('2000'), currency: 'EUR' },
  openOrders: new Decimal('3000'),
  ordersToday: 0,
  ...overrides,
});

const kinds = (rules: ReturnType<typeof effectiveRules>) => rules.map((r) => r.kind);

describe('effective hold rules', () => {
  it('enforces blocked accounts and credit limits when no rule is stored, and nothing else', () => {
    expect(kinds(effectiveRules([], COMPANY))).toEqual([HoldRuleKind.ACCOUNT_BLOCKED, HoldRuleKind.CREDIT_LIMIT]);
  });

  it("lets a company's own rule replace the rule for every company, and a disabled rule switch a kind off", () => {
    const rules = [
      rule(HoldRuleKind.ORDER_VALUE, null, { id: 'all', limitAmount: '500', currency: 'EUR' }),
      rule(HoldRuleKind.ORDER_VALUE, COMPANY, { id: 'mine', limitAmount: '5000', currency: 'EUR' }),
      rule(HoldRuleKind.CREDIT_LIMIT, null, { enabled: false }),
      rule(HoldRuleKind.CREDIT_LIMIT, OTHER, { id: 'their-credit' }),
      rule(HoldRuleKind.DAILY_ORDER_COUNT, OTHER, { maxOrdersPerDay: 1 }),
    ];
    const mine = effectiveRules(rules, COMPANY);
    expect(mine.map((r) => [r.kind, r.ruleId, r.limitAmount])).toEqual([[HoldRuleKind.ACCOUNT_BLOCKED, null, null], [HoldRuleKind.ORDER_VALUE, 'mine', '5000']]);
    expect(effectiveRules(rules, OTHER).map((r) => [r.kind, r.ruleId])).toEqual([
      [HoldRuleKind.ACCOUNT_BLOCKED, null],
      [HoldRuleKind.CREDIT_LIMIT, 'their-credit'],
      [HoldRuleKind.ORDER_VALUE, 'all'],
      [HoldRuleKind.DAILY_ORDER_COUNT, expect.any(String)],
    ]);
  });
});

describe('hold reasons', () => {
  const every = effectiveRules(
    [
      rule(HoldRuleKind.ORDER_VALUE, null, { id: 'v', limitAmount: '999.99', currency: 'EUR' }),
      rule(HoldRuleKind.DELIVERY_ADDRESS, COMPANY, { id: 'a', deliveryAddressCodes: ['D2', 'D3'] }),
      rule(HoldRuleKind.DAILY_ORDER_COUNT, COMPANY, { id: 'd', maxOrdersPerDay: 3 }),
    ],
    COMPANY,
  );

  it('lets an ordinary order through', () => {
    expect(holdReasons(every, facts({ net: new Decimal('999.99'), gross: new Decimal('1209.99'), ordersToday: 2 }))).toEqual([]);
  });

  it('gives every reason that holds an order, with its figures', () => {
    const reasons = holdReasons(every, facts({
      credit: { blocked: true, creditLimit: new Decimal('5000'), balance: new Decimal('2000'), currency: 'EUR' },
      deliveryAddressCode: 'D3',
      ordersToday: 3,
    }));
    expect(reasons).toEqual([
      { kind: 'ACCOUNT_BLOCKED', ruleId: null, message: 'The account is blocked in the ERP.' },
      {
        kind: 'CREDIT_LIMIT', ruleId: null,
        message: 'Credit limit 5000.00 EUR exceeded: balance 2000.00 EUR + orders not yet invoiced 3000.00 EUR + this order 1210.00 EUR = 6210.00 EUR.',
      },
      { kind: 'ORDER_VALUE', ruleId: 'v', message: 'The order value 1000.00 EUR is above the limit of 999.99 EUR.' },
      { kind: 'DELIVERY_ADDRESS', ruleId: 'a', message: 'Orders to delivery address D3 are reviewed before they go to the ERP.' },
      { kind: 'DAILY_ORDER_COUNT', ruleId: 'd', message: 'This is order 4 of the company today; more than 3 a day are reviewed.' },
    ]);
  });

  it('holds at the credit limit only above it, and cannot judge credit it does not know or in another currency', () => {
    const credit = effectiveRules([], COMPANY);
    const at = { blocked: false, creditLimit: new Decimal('6210'), balance: new Decimal('2000'), currency: 'EUR' };
    expect(holdReasons(credit, facts({ credit: at }))).toEqual([]);
    expect(holdReasons(credit, facts({ credit: { ...at, creditLimit: new Decimal('6209.99') } })).map((r) => r.kind)).toEqual(['CREDIT_LIMIT']);
    expect(holdReasons(credit, facts({ credit: null }))).toEqual([]);
    expect(holdReasons(credit, facts({ credit: { ...at, creditLimit: new Decimal('1'), currency: 'SEK' } }))).toEqual([]);
  });

  it('compares an order value limit only with orders in its currency', () => {
    expect(holdReasons(every, facts({ currency: 'SEK', credit: null }))).toEqual([]);
  });
});
