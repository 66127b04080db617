import { Viewer } from '@hub/auth';
import { purchasingScope, requireBuyer, requireSupplierUser } from './purchasing-access';
import { checkDay, checkPrice, checkQuantity, checkText } from './purchasing-input';
import { Decimal } from '@hub/money';

const viewer = (over: Partial<Viewer>): Viewer => ({ userId: 'u', kind: 'STAFF', companyId: null, supplierId: null, permissions: [], ...over });
const codeOf = (fn: () => unknown): string => {
  try {
    fn();
    return 'passed';
  } catch (error) {
    return String((error as { extensions?: { code?: string } }).extensions?.code);
  }
};

describe('who may buy and who supplies', () => {
  it('lets buyers (staff.purchasing or staff.admin) buy, not other staff, suppliers, impersonators or anonymous callers', () => {
    expect(codeOf(() => requireBuyer(viewer({ permissions: ['staff.purchasing'] })))).toBe('passed');
    expect(codeOf(() => requireBuyer(viewer({ permissions: ['staff.admin'] })))).toBe('passed');
    expect(codeOf(() => requireBuyer(viewer({ permissions: ['staff.orders'] })))).toBe('FORBIDDEN');
    expect(codeOf(() => requireBuyer(viewer({ permissions: ['staff.purchasing'], actorId: 'a' })))).toBe('FORBIDDEN');
    expect(codeOf(() => requireBuyer(viewer({ kind: 'SUPPLIER', supplierId: 's' })))).toBe('FORBIDDEN');
    expect(codeOf(() => requireBuyer(null))).toBe('UNAUTHENTICATED');
  });

  it("scopes supplier users to their own supplier from the token, and gives customers nothing", () => {
    expect(purchasingScope(viewer({ kind: 'SUPPLIER', supplierId: 's1' }))).toMatchObject({ kind: 'SUPPLIER', supplierId: 's1' });
    expect(purchasingScope(viewer({ kind: 'CUSTOMER', companyId: 'c', permissions: ['orders.place'] }))).toEqual({ kind: 'NONE' });
    expect(purchasingScope(viewer({ permissions: ['staff.purchasing'] })).kind).toBe('BUYER');
    expect(codeOf(() => purchasingScope(viewer({ permissions: ['staff.sync'] })))).toBe('FORBIDDEN');
    expect(codeOf(() => requireSupplierUser(viewer({ kind: 'SUPPLIER', supplierId: null })))).toBe('FORBIDDEN');
    expect(codeOf(() => requireSupplierUser(viewer({ permissions: ['staff.admin'] })))).toBe('FORBIDDEN');
  });
});

describe('purchasing input', () => {
  it('takes exact decimals from the scalar or as strings, and refuses signs, too many decimals and zero quantities', () => {
    expect(checkQuantity(new Decimal('12.500'), 'quantity')).toBe('12.5');
    expect(checkPrice('0', 'unitPrice')).toBe('0');
    expect(checkPrice(new Decimal('10.1234'), 'unitPrice')).toBe('10.1234');
    expect(codeOf(() => checkQuantity('0', 'quantity'))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => checkQuantity(new Decimal('-1'), 'quantity'))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => checkQuantity('1.2345', 'quantity'))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => checkPrice('1.12345', 'unitPrice'))).toBe('BAD_USER_INPUT');
  });

  it('takes real calendar days not before the limit, and trims free text', () => {
    expect(checkDay('2028-02-29', 'deliveryDate', '2026-12-03')).toBe('2028-02-29');
    expect(codeOf(() => checkDay('2027-02-29', 'deliveryDate', '2026-12-03'))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => checkDay('2026-12-02', 'deliveryDate', '2026-12-03'))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => checkDay('3.1.2027', 'deliveryDate', '2026-12-03'))).toBe('BAD_USER_INPUT');
    expect(checkText('  ', 'note', 10)).toBeNull();
    expect(checkText(' ok ', 'note', 10)).toBe('ok');
    expect(codeOf(() => checkText('x'.repeat(11), 'note', 10))).toBe('BAD_USER_INPUT');
  });
});
