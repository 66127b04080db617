import { Viewer } from '@hub/auth';
import { financeCompanyScope, requireFinanceCompany } from './company-scope';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const customer: Viewer = { userId: 'c', kind: 'CUSTOMER', companyId: A, supplierId: null, permissions: ['invoices.view'] };
const staff: Viewer = { userId: 's', kind: 'STAFF', companyId: null, supplierId: null, permissions: [] };
const supplier: Viewer = { userId: 'x', kind: 'SUPPLIER', companyId: null, supplierId: B, permissions: [] };
const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return [(e as any).extensions.code, (e as any).extensions.field];
  }
  return null;
};

describe('financeCompanyScope', () => {
  it("gives a customer its own company, and NOT_FOUND for another's, as for one that does not exist", () => {
    expect(financeCompanyScope(customer, null)).toBe(A);
    expect(financeCompanyScope(customer, A)).toBe(A);
    expect(code(() => financeCompanyScope(customer, B))).toEqual(['NOT_FOUND', undefined]);
  });

  it('lets staff name any company or none; requireFinanceCompany makes them name one', () => {
    expect(financeCompanyScope(staff, B)).toBe(B);
    expect(financeCompanyScope(staff, undefined)).toBeNull();
    expect(code(() => requireFinanceCompany(staff, null))).toEqual(['BAD_USER_INPUT', 'companyId']);
  });

  it('refuses ids that are not UUIDs and viewers without a company account', () => {
    expect(code(() => financeCompanyScope(staff, "1' or '1"))).toEqual(['BAD_USER_INPUT', 'companyId']);
    expect(code(() => financeCompanyScope(supplier, null))).toEqual(['FORBIDDEN', undefined]);
  });
});
