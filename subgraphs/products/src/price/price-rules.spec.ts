import fc from 'fast-check';
import { Decimal } from '@hub/money';
import { PriceRuleData, PriceViewer, RateTable, resolvePrice } from './price-rules';

const product = { listPrice: '10.0000', currency: 'EUR' };
const TODAY = '2026-11-22';
const company = 'c0000000-0000-4000-8000-000000000001';
const other = 'c0000000-0000-4000-8000-000000000002';
const viewer: PriceViewer = { companyId: company, customerGroup: 'WHOLESALE', currency: 'EUR', today: TODAY };
const noRates = new RateTable([]);
const rates = new RateTable([{ fromCurrency: 'EUR', toCurrency: 'SEK', rate: '11.23456', rateDate: '2026-11-01' }]);

function rule(overrides: Partial<PriceRuleData>): PriceRuleData {
  return { companyId: null, customerGroup: null, minQuantity: '1', price: '9.0000', currency: 'EUR', validFrom: null, validTo: null, promotion: false, ...overrides };
}

describe('resolvePrice: precedence', () => {
  it('uses the list price when nothing else applies', () => {
    expect(resolvePrice(product, [], viewer, 1, noRates)).toMatchObject({ amount: new Decimal('10.0000'), currency: 'EUR', source: 'LIST' });
  });

  it('prefers the customer-specific price over the group price over the list price', () => {
    const rules = [rule({ customerGroup: 'WHOLESALE', price: '8.00' }), rule({ companyId: company, price: '9.50' })];
    expect(resolvePrice(product, rules, viewer, 1, noRates)).toMatchObject({ source: 'CUSTOMER', amount: new Decimal('9.50') });
    expect(resolvePrice(product, rules.slice(0, 1), viewer, 1, noRates)).toMatchObject({ source: 'GROUP', amount: new Decimal('8.00') });
  });

  it('ignores other companies and other groups', () => {
    const rules = [rule({ companyId: other, price: '1.00' }), rule({ customerGroup: 'RETAIL', price: '2.00' })];
    expect(resolvePrice(product, rules, viewer, 1, noRates).source).toBe('LIST');
  });

  it('takes the highest quantity break that the quantity reaches', () => {
    const rules = [rule({ minQuantity: '10', price: '9.00' }), rule({ minQuantity: '50', price: '8.00' })];
    expect(resolvePrice(product, rules, viewer, 9, noRates).amount.toFixed(2)).toBe('10.00');
    expect(resolvePrice(product, rules, viewer, 10, noRates).amount.toFixed(2)).toBe('9.00');
    expect(resolvePrice(product, rules, viewer, 500, noRates)).toMatchObject({ amount: new Decimal('8.00'), minQuantity: new Decimal(50) });
  });

  it('applies a promotion only between its dates (inclusive) and only when it is lower', () => {
    const promo = rule({ promotion: true, price: '7.00', validFrom: '2026-11-20', validTo: TODAY });
    expect(resolvePrice(product, [promo], viewer, 1, noRates)).toMatchObject({ source: 'PROMOTION', validTo: TODAY, listPrice: new Decimal('10.0000') });
    expect(resolvePrice(product, [{ ...promo, validTo: '2026-11-21' }], viewer, 1, noRates).source).toBe('LIST');
    expect(resolvePrice(product, [{ ...promo, validFrom: '2026-11-23' }], viewer, 1, noRates).source).toBe('LIST');
    expect(resolvePrice(product, [promo, rule({ companyId: company, price: '6.00' })], viewer, 1, noRates).source).toBe('CUSTOMER');
  });

  it('converts into the company currency with the ERP rate and rounds to its minor unit', () => {
    const result = resolvePrice(product, [], { ...viewer, currency: 'SEK' }, 1, rates);
    expect(result).toMatchObject({ currency: 'SEK', amount: new Decimal('112.35'), rateDate: '2026-11-01', baseCurrency: 'EUR' });
    expect(result.rate!.toFixed()).toBe('11.23456');
    // The inverse pair works too; a currency without any rate falls back to the product's currency.
    expect(resolvePrice({ listPrice: '112.35', currency: 'SEK' }, [], viewer, 1, rates).amount.toFixed(2)).toBe('10.00');
    expect(resolvePrice(product, [], { ...viewer, currency: 'JPY' }, 1, rates).currency).toBe('EUR');
  });

  it('keeps sub-cent precision when nothing is converted', () => {
    expect(resolvePrice(product, [rule({ companyId: company, price: '0.0125' })], viewer, 1000, noRates).amount.toFixed()).toBe('0.0125');
  });

  it('rejects quantities that are not whole and positive', () => {
    for (const q of [0, -1, 1.5, 2_000_000]) {
      expect(() => resolvePrice(product, [], viewer, q, noRates)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
    }
  });
});

describe('resolvePrice: properties', () => {
  const day = fc.integer({ min: 0, max: 60 }).map((d) => new Date(Date.UTC(2026, 9, 15 + d)).toISOString().slice(0, 10));
  const cents = fc.integer({ min: 1, max: 100_000 }).map((c) => (c / 100).toFixed(2));
  const arbRule: fc.Arbitrary<PriceRuleData> = fc.record({
    companyId: fc.constantFrom(null, company, other),
    customerGroup: fc.constantFrom(null, 'WHOLESALE', 'RETAIL'),
    minQuantity: fc.constantFrom('1', '5', '10', '50', '100'),
    price: cents,
    currency: fc.constantFrom('EUR', 'SEK'),
    validFrom: fc.option(day, { nil: null }),
    validTo: fc.option(day, { nil: null }),
    promotion: fc.boolean(),
  });
  const arbViewer: fc.Arbitrary<PriceViewer> = fc.record({
    companyId: fc.constantFrom(null, company),
    customerGroup: fc.constantFrom(null, 'WHOLESALE'),
    currency: fc.constantFrom(null, 'EUR', 'SEK'),
    today: day,
  });
  const arbQuantity = fc.integer({ min: 1, max: 200 });
  const args = fc.tuple(fc.array(arbRule, { maxLength: 12 }), arbViewer, arbQuantity);

  it('never depends on the order of the rules', () => {
    fc.assert(
      fc.property(args, ([rules, v, q]) => {
        const a = resolvePrice(product, rules, v, q, rates);
        const b = resolvePrice(product, [...rules].reverse(), v, q, rates);
        return a.amount.eq(b.amount) && a.currency === b.currency && a.source === b.source;
      }),
    );
  });

  it('is unaffected by rules for other companies and other groups', () => {
    fc.assert(
      fc.property(args, fc.array(arbRule, { maxLength: 6 }), ([rules, v, q], noise) => {
        const foreign = noise.map((r) => ({ ...r, companyId: r.companyId ? other : null, customerGroup: r.companyId ? null : 'RETAIL' }));
        const a = resolvePrice(product, rules, v, q, rates);
        const b = resolvePrice(product, [...rules, ...foreign], v, q, rates);
        return a.amount.eq(b.amount) && a.source === b.source;
      }),
    );
  });

  it('a promotion never raises the price, and a non-promotion answer is from the most specific level that applies', () => {
    fc.assert(
      fc.property(args, ([rules, v, q]) => {
        const withPromos = resolvePrice(product, rules, v, q, rates);
        const regular = resolvePrice(product, rules.filter((r) => !r.promotion), v, q, rates);
        if (withPromos.amount.gt(regular.amount)) return false;
        if (withPromos.source !== 'PROMOTION' && (withPromos.source !== regular.source || !withPromos.amount.eq(regular.amount))) return false;
        const applies = (r: PriceRuleData) =>
          !r.promotion && (!r.validFrom || r.validFrom <= v.today) && (!r.validTo || r.validTo >= v.today) && Number(r.minQuantity) <= q;
        const hasCustomer = rules.some((r) => applies(r) && r.companyId !== null && r.companyId === v.companyId);
        return !hasCustomer || regular.source === 'CUSTOMER';
      }),
    );
  });

  it('answers in the viewer currency (rounded to its minor unit when converted), never below zero', () => {
    fc.assert(
      fc.property(args, ([rules, v, q]) => {
        const r = resolvePrice(product, rules, v, q, rates);
        const target = v.currency ?? 'EUR';
        if (r.currency !== target || r.amount.isNegative()) return false;
        return r.rate === null || r.amount.decimalPlaces() <= 2;
      }),
    );
  });
});
