import { Decimal } from '@hub/money';
import { priceByUnit, spreadTotal, unitAmount } from './offer-pricing';

const line = (quantity: number, referencePrice: string | null, unitPrice: string | null = null) => ({
  quantity: new Decimal(quantity), referencePrice: referencePrice === null ? null : new Decimal(referencePrice), unitPrice: unitPrice === null ? null : new Decimal(unitPrice),
});

describe('offer pricing', () => {
  it('spreads a total over the lines by list value, decimal-exact, with the remainder cents on the last line', () => {
    const priced = spreadTotal(new Decimal('100.00'), [line(1, '10'), line(1, '10'), line(1, '10')], 'EUR');
    expect(priced.map((p) => p.lineTotal.toFixed(2))).toEqual(['33.33', '33.33', '33.34']);
    expect(priced.reduce((s, p) => s.plus(p.lineTotal), new Decimal(0)).toFixed(2)).toBe('100.00');
    expect(priced[2].unitPrice.toFixed()).toBe('33.34');
  });

  it('weighs lines by quantity times price, and by quantity alone when a price is unknown', () => {
    const byValue = spreadTotal(new Decimal('90'), [line(2, '15'), line(3, '20')], 'EUR');
    expect(byValue.map((p) => p.lineTotal.toFixed(2))).toEqual(['30.00', '60.00']);
    expect(byValue[1].unitPrice.toFixed()).toBe('20');
    const byQuantity = spreadTotal(new Decimal('10'), [line(1, null), line(2, '5')], 'EUR');
    expect(byQuantity.map((p) => p.lineTotal.toFixed(2))).toEqual(['3.33', '6.67']);
    expect(byQuantity[1].unitPrice.toFixed()).toBe('3.335');
  });

  it('refuses a total with more decimals than the currency has, or below zero', () => {
    expect(() => spreadTotal(new Decimal('1.001'), [line(1, '1')], 'EUR')).toThrow(/totalPrice/);
    expect(() => spreadTotal(new Decimal('-1'), [line(1, '1')], 'EUR')).toThrow(/totalPrice/);
  });

  it('prices lines by their unit prices, line totals rounded to the cent, and needs a price on every line', () => {
    expect(priceByUnit([line(3, null, '1.3333')], 'EUR')[0].lineTotal.toFixed(2)).toBe('4.00');
    expect(() => priceByUnit([line(1, null, null)], 'EUR')).toThrow(/unitPrice/);
  });

  it('writes unit prices with at least two decimals, and all the decimals they have', () => {
    expect(unitAmount(new Decimal('10.5'))).toBe('10.50');
    expect(unitAmount(new Decimal('4.3333'))).toBe('4.3333');
    expect(unitAmount(new Decimal('55'))).toBe('55.00');
  });
});
