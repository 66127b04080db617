import { parseDecimal, DecimalScalar } from './decimal.scalar';
import { roundMoney } from './money';
import { MoneyObject } from './money.object';

describe('money', () => {
  it('rounds half up to the currency minor unit', () => {
    expect(roundMoney('10.005', 'EUR').toFixed()).toBe('10.01');
    expect(roundMoney('10.004', 'EUR').toFixed()).toBe('10');
    expect(roundMoney('1234.5', 'JPY').toFixed()).toBe('1235');
    expect(roundMoney('-2.345', 'USD').toFixed()).toBe('-2.35');
  });

  it('keeps exact decimals that a float would lose', () => {
    expect(parseDecimal('0.1').plus(parseDecimal('0.2')).toFixed()).toBe('0.3');
  });

  it('rejects numbers and malformed strings with BAD_USER_INPUT', () => {
    for (const bad of [12.5, '12,50', '1e3', '', 'abc', '1.1234567']) {
      expect(() => parseDecimal(bad)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
    }
  });

  it('serializes as a plain string', () => {
    expect(DecimalScalar.serialize(parseDecimal('12.50'))).toBe('12.5');
  });

  it('formats money with at least the currency minor units', () => {
    expect(MoneyObject.of('12.5', 'EUR').amount).toBe('12.50');
    expect(MoneyObject.of('0.0125', 'EUR').amount).toBe('0.0125');
    expect(MoneyObject.of('1200', 'JPY').amount).toBe('1200');
  });
});
