import fc from 'fast-check';
import { Decimal } from '@hub/money';
import { MAX_QUANTITY, PriceRuleData, PriceViewer, RateTable, resolvePrice, ruleAppliesTo, ruleLevel, validateQuantity } from './price-rules';

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
    for (const q of [0, -1, 1.5, 2_000_000, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => resolvePrice(product, [], viewer, q, noRates)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
    }
  });

  it('takes quantities up to 1,000,000 and refuses 1,000,001, naming the quantity field', () => {
    expect(MAX_QUANTITY).toBe(1_000_000);
    expect(resolvePrice(product, [], viewer, 1_000_000, noRates).amount.toFixed(2)).toBe('10.00');
    expect(resolvePrice(product, [], viewer, 1, noRates).amount.toFixed(2)).toBe('10.00');
    const refusal = expect.objectContaining({ message: 'Quantity must be a whole number from 1 to 1,000,000.', extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'quantity' }) });
    expect(() => validateQuantity(1_000_001)).toThrow(refusal);
    expect(() => validateQuantity(0)).toThrow(refusal);
    expect(() => validateQuantity(2.5)).toThrow(refusal);
    expect(() => validateQuantity(1_000_000)).not.toThrow();
  });

  it('takes the lower price of two rules with the same quantity break, in either order', () => {
    const rules = [rule({ customerGroup: 'WHOLESALE', minQuantity: '10', price: '8.50' }), rule({ customerGroup: 'WHOLESALE', minQuantity: '10', price: '8.00' })];
    expect(resolvePrice(product, rules, viewer, 10, noRates).amount.toFixed(2)).toBe('8.00');
    expect(resolvePrice(product, [...rules].reverse(), viewer, 10, noRates).amount.toFixed(2)).toBe('8.00');
  });

  it('lets the highest break that the quantity reaches win even when it is dearer than a lower break', () => {
    const rules = [rule({ minQuantity: '10', price: '8.00' }), rule({ minQuantity: '50', price: '8.75' })];
    expect(resolvePrice(product, rules, viewer, 60, noRates)).toMatchObject({ amount: new Decimal('8.75'), minQuantity: new Decimal(50), source: 'LIST' });
    expect(resolvePrice(product, [...rules].reverse(), viewer, 60, noRates).amount.toFixed(2)).toBe('8.75');
  });

  it('keeps a more specific level even when a less specific one has a lower break price', () => {
    const rules = [rule({ minQuantity: '100', price: '5.00' }), rule({ customerGroup: 'WHOLESALE', minQuantity: '1', price: '9.00' })];
    expect(resolvePrice(product, rules, viewer, 100, noRates)).toMatchObject({ source: 'GROUP', amount: new Decimal('9.00'), minQuantity: new Decimal(1) });
    expect(resolvePrice(product, [...rules].reverse(), viewer, 100, noRates).source).toBe('GROUP');
  });

  it('applies a promotion from its first day (starting today) and through its last', () => {
    const startsToday = rule({ promotion: true, price: '7.00', validFrom: TODAY, validTo: '2026-12-31' });
    expect(resolvePrice(product, [startsToday], viewer, 1, noRates)).toMatchObject({ source: 'PROMOTION', amount: new Decimal('7.00'), validTo: '2026-12-31' });
    expect(resolvePrice(product, [{ ...startsToday, validFrom: null, validTo: null }], viewer, 1, noRates).source).toBe('PROMOTION');
    expect(resolvePrice(product, [{ ...startsToday, validFrom: '2026-11-23' }], viewer, 1, noRates).source).toBe('LIST');
  });

  it('applies dated regular prices only between their dates as well', () => {
    const dated = rule({ customerGroup: 'WHOLESALE', price: '8.00', validFrom: TODAY, validTo: TODAY });
    expect(resolvePrice(product, [dated], viewer, 1, noRates)).toMatchObject({ source: 'GROUP', validTo: TODAY });
    expect(resolvePrice(product, [{ ...dated, validTo: '2026-11-21', validFrom: null }], viewer, 1, noRates).source).toBe('LIST');
  });

  it('takes the lowest of several promotions, and none that only equals the regular price', () => {
    const promos = [rule({ promotion: true, price: '9.00' }), rule({ promotion: true, price: '7.50' }), rule({ promotion: true, price: '8.00' })];
    expect(resolvePrice(product, promos, viewer, 1, noRates)).toMatchObject({ source: 'PROMOTION', amount: new Decimal('7.50') });
    expect(resolvePrice(product, [rule({ promotion: true, price: '10.00' })], viewer, 1, noRates)).toMatchObject({ source: 'LIST', amount: new Decimal('10.0000') });
    // A promotion's own quantity break counts like any other rule's.
    expect(resolvePrice(product, [rule({ promotion: true, minQuantity: '5', price: '6.00' })], viewer, 4, noRates).source).toBe('LIST');
  });

  it('reports what the chosen price is made of: base amount and currency, rate, list price, break', () => {
    const sekViewer = { ...viewer, currency: 'SEK' };
    const result = resolvePrice(product, [rule({ companyId: company, minQuantity: '5', price: '9.00' })], sekViewer, 5, rates);
    expect(result).toMatchObject({
      source: 'CUSTOMER', currency: 'SEK', amount: new Decimal('101.11'), baseAmount: new Decimal('9.00'), baseCurrency: 'EUR', listPrice: new Decimal('112.35'), rateDate: '2026-11-01', minQuantity: new Decimal(5), validTo: null,
    });
    expect(result.rate?.toFixed()).toBe('11.23456');
    const unconverted = resolvePrice(product, [], viewer, 1, noRates);
    expect(unconverted).toMatchObject({ rate: null, rateDate: null, baseAmount: new Decimal('10.0000'), baseCurrency: 'EUR', minQuantity: new Decimal(1), validTo: null });
  });

  it('leaves out rules in a currency that cannot be converted', () => {
    const rules = [rule({ companyId: company, price: '1.00', currency: 'JPY' }), rule({ customerGroup: 'WHOLESALE', price: '90.00', currency: 'SEK' })];
    expect(resolvePrice(product, rules, viewer, 1, rates)).toMatchObject({ source: 'GROUP', amount: new Decimal('8.01'), baseCurrency: 'SEK' });
  });
});

describe('RateTable', () => {
  const table = new RateTable([
    { fromCurrency: 'EUR', toCurrency: 'SEK', rate: '11.5', rateDate: '2026-11-01' },
    { fromCurrency: 'EUR', toCurrency: 'PLN', rate: '0', rateDate: '2026-11-01' },
    { fromCurrency: 'NOK', toCurrency: 'EUR', rate: '0', rateDate: '2026-11-01' },
  ]);

  it('converts a currency into itself at 1 without a rate date', () => {
    expect(table.rate('DKK', 'DKK')).toEqual({ rate: new Decimal(1), rateDate: '' });
  });

  it('uses the direct pair, else the inverse of the opposite pair, each with its date', () => {
    expect(table.rate('EUR', 'SEK')).toEqual({ rate: new Decimal('11.5'), rateDate: '2026-11-01' });
    const inverse = table.rate('SEK', 'EUR');
    expect(inverse?.rate.toFixed(10)).toBe(new Decimal(1).div('11.5').toFixed(10));
    expect(inverse?.rateDate).toBe('2026-11-01');
  });

  it('treats a zero rate as no rate, in either direction', () => {
    expect(table.rate('EUR', 'PLN')).toBeNull();
    expect(table.rate('PLN', 'EUR')).toBeNull();
    expect(table.rate('EUR', 'NOK')).toBeNull();
    expect(table.rate('EUR', 'USD')).toBeNull();
  });
});

describe('ruleLevel / ruleAppliesTo', () => {
  it('ranks a company rule as CUSTOMER, a group rule as GROUP, anything else as LIST', () => {
    expect(ruleLevel(rule({ companyId: company, customerGroup: 'WHOLESALE' }))).toBe('CUSTOMER');
    expect(ruleLevel(rule({ customerGroup: 'WHOLESALE' }))).toBe('GROUP');
    expect(ruleLevel(rule({}))).toBe('LIST');
  });

  it("applies a company rule to that company only, a group rule to that group only, a list rule to everyone", () => {
    expect(ruleAppliesTo(rule({ companyId: company }), viewer)).toBe(true);
    expect(ruleAppliesTo(rule({ companyId: other }), viewer)).toBe(false);
    expect(ruleAppliesTo(rule({ companyId: company, customerGroup: 'RETAIL' }), viewer)).toBe(true);
    expect(ruleAppliesTo(rule({ customerGroup: 'WHOLESALE' }), viewer)).toBe(true);
    expect(ruleAppliesTo(rule({ customerGroup: 'RETAIL' }), viewer)).toBe(false);
    expect(ruleAppliesTo(rule({}), { ...viewer, companyId: null, customerGroup: null })).toBe(true);
    expect(ruleAppliesTo(rule({ companyId: company }), { ...viewer, companyId: null })).toBe(false);
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
  type Args = [PriceRuleData[], PriceViewer, number];

  // A fixed seed, so that a run kills the same mutants as the last one (print a failing run's seed with
  // `fc.assert(..., { seed, verbose: true })`); the examples run first and hold the cases a random run may miss.
  const SEED = 20_261_122;
  const sek: PriceViewer = { companyId: company, customerGroup: 'WHOLESALE', currency: 'SEK', today: TODAY };
  const examples: Args[] = [
    // equal breaks at one level, different prices
    [[rule({ customerGroup: 'WHOLESALE', minQuantity: '10', price: '8.50' }), rule({ customerGroup: 'WHOLESALE', minQuantity: '10', price: '8.00' })], viewer, 10],
    // a dearer higher break, a customer price dearer than the group's, and promotions at and below the regular price
    [[rule({ minQuantity: '10', price: '8.00' }), rule({ minQuantity: '50', price: '8.75' }), rule({ companyId: company, price: '9.90' }), rule({ customerGroup: 'WHOLESALE', price: '7.00' })], viewer, 60],
    [[rule({ promotion: true, price: '9.50', validFrom: TODAY }), rule({ promotion: true, price: '10.00' }), rule({ customerGroup: 'WHOLESALE', price: '9.50' })], viewer, 1],
    // other currencies, converted and rounded
    [[rule({ currency: 'SEK', price: '99.99' }), rule({ companyId: company, currency: 'EUR', price: '8.88', minQuantity: '5' })], sek, 5],
    // the public shop: no company, no group, no currency of its own
    [[rule({ companyId: company, price: '1.00' }), rule({ customerGroup: 'WHOLESALE', price: '2.00' }), rule({ promotion: true, price: '9.99' })], { companyId: null, customerGroup: null, currency: null, today: TODAY }, 1],
  ];

  it('never depends on the order of the rules', () => {
    fc.assert(
      fc.property(args, ([rules, v, q]) => {
        const a = resolvePrice(product, rules, v, q, rates);
        const b = resolvePrice(product, [...rules].reverse(), v, q, rates);
        return a.amount.eq(b.amount) && a.currency === b.currency && a.source === b.source;
      }),
      { seed: SEED, examples: examples.map((e) => [e]) },
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
      { seed: SEED, examples: examples.map((e) => [e, [rule({ companyId: other, price: '0.01' }), rule({ customerGroup: 'RETAIL', price: '0.02', promotion: true })]]) },
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
      { seed: SEED, examples: examples.map((e) => [e]) },
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
      { seed: SEED, examples: examples.map((e) => [e]) },
    );
  });
});
