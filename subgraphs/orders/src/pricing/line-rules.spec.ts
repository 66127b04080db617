import { Decimal } from '@hub/money';
import { lineTotal, normalizeSku, optionalText, totalsOf, wholeQuantity } from './line-rules';

const field = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { extensions: { code: string; field: string } }).extensions;
  }
  return null;
};

describe('line rules', () => {
  it('takes whole quantities from 1 to 100,000, as Decimal strings or numbers', () => {
    expect(wholeQuantity('3', 'q')).toBe(3);
    expect(wholeQuantity(7, 'q')).toBe(7);
    expect(wholeQuantity('100000', 'q')).toBe(100_000);
    for (const bad of ['0', '-2', '1.5', '0.001', '100001', 'x', 'NaN', 'Infinity']) {
      expect({ bad, error: field(() => wholeQuantity(bad, 'lines.3.quantity')) }).toEqual({ bad, error: { code: 'BAD_USER_INPUT', field: 'lines.3.quantity' } });
    }
  });

  it('normalizes SKUs and refuses empty or long ones', () => {
    expect(normalizeSku('  hb-s0006 ', 's')).toBe('HB-S0006');
    expect(field(() => normalizeSku('  ', 'lines.0.sku'))).toEqual({ code: 'BAD_USER_INPUT', field: 'lines.0.sku' });
    expect(field(() => normalizeSku('x'.repeat(101), 's'))).toEqual({ code: 'BAD_USER_INPUT', field: 's' });
  });

  it('trims free text, empty is none, too long is refused', () => {
    expect(optionalText('  PO-1 ', 'customerReference', 10)).toBe('PO-1');
    expect(optionalText('   ', 'notes', 10)).toBeNull();
    expect(optionalText(undefined, 'notes', 10)).toBeNull();
    expect(field(() => optionalText('x'.repeat(11), 'notes', 10))).toEqual({ code: 'BAD_USER_INPUT', field: 'notes' });
  });

  it('rounds each line like an invoice and taxes the net total at the ERP rate, when there is one', () => {
    const lines = [lineTotal('3', '0.3333', 'EUR'), lineTotal('2', '10.005', 'EUR')];
    expect(lines.map((l) => l.toFixed(2))).toEqual(['1.00', '20.01']);
    const totals = totalsOf(lines, 'EUR', '21');
    expect([totals.net.toFixed(2), totals.tax!.toFixed(2), totals.gross!.toFixed(2)]).toEqual(['21.01', '4.41', '25.42']);
    expect(totalsOf(lines, 'EUR', null)).toEqual({ net: new Decimal('21.01'), tax: null, gross: null });
  });
});
