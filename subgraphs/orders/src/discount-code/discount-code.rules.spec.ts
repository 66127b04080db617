import { Decimal } from '@hub/money';
import { HubError } from '@hub/errors';
import { DiscountCodeEntity, DiscountKind } from './discount-code.entity';
import { discountOf, normalizeDiscountCode, randomDiscountCode } from './discount-code.rules';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const AT = new Date('2026-12-03T12:00:00Z');

const code = (fields: Partial<DiscountCodeEntity>): DiscountCodeEntity =>
  Object.assign(new DiscountCodeEntity(), { code: 'X-1', batchId: A, label: 'l', kind: DiscountKind.PERCENT, percent: '10.00', maxUses: 1, usedCount: 0, createdByUserId: A, ...fields });
const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return (e as HubError).extensions.code as string;
  }
  return undefined;
};

describe('discount code rules', () => {
  it('draws codes from an unambiguous alphabet, with the prefix, never the same twice in many draws', () => {
    const codes = new Set(Array.from({ length: 5000 }, () => randomDiscountCode('XMAS')));
    expect(codes.size).toBe(5000);
    for (const c of [...codes].slice(0, 50)) expect(c).toMatch(/^XMAS-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    expect(randomDiscountCode(null)).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  });

  it('normalizes what the customer types and refuses what cannot be a code', () => {
    expect(normalizeDiscountCode('  xmas-ab2c ')).toBe('XMAS-AB2C');
    expect(codeOf(() => normalizeDiscountCode("'; drop table"))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => normalizeDiscountCode(''))).toBe('BAD_USER_INPUT');
  });

  it('percent of the value rounded to the currency; an amount at most the value', () => {
    expect(discountOf(code({ percent: '12.50' }), { companyId: A, net: new Decimal('99.99'), currency: 'EUR', at: AT }).toFixed(2)).toBe('12.50');
    expect(discountOf(code({ kind: DiscountKind.AMOUNT, percent: null, amount: '15.00', currency: 'EUR' }), { companyId: A, net: new Decimal('40'), currency: 'EUR', at: AT }).toFixed(2)).toBe('15.00');
    expect(discountOf(code({ kind: DiscountKind.AMOUNT, percent: null, amount: '15.00', currency: 'EUR' }), { companyId: A, net: new Decimal('9.90'), currency: 'EUR', at: AT }).toFixed(2)).toBe('9.90');
  });

  it('refuses with a code: another company NOT_FOUND, window/minimum/currency BAD_USER_INPUT, used up CONFLICT', () => {
    const q = { companyId: A, net: new Decimal('100'), currency: 'EUR', at: AT };
    expect(codeOf(() => discountOf(code({ companyId: B }), q))).toBe('NOT_FOUND');
    expect(codeOf(() => discountOf(code({ companyId: A }), q))).toBeUndefined();
    expect(codeOf(() => discountOf(code({ validFrom: new Date('2026-12-04T00:00:00Z') }), q))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => discountOf(code({ validTo: new Date('2026-12-02T00:00:00Z') }), q))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => discountOf(code({ minOrderValue: '100.01', currency: 'EUR' }), q))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => discountOf(code({ minOrderValue: '100.00', currency: 'EUR' }), q))).toBeUndefined();
    expect(codeOf(() => discountOf(code({ kind: DiscountKind.AMOUNT, percent: null, amount: '5', currency: 'SEK' }), q))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => discountOf(code({ maxUses: 3, usedCount: 3 }), q))).toBe('CONFLICT');
  });
});
