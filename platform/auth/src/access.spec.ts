import {
  canSeeCompany,
  canSeeSupplier,
  companyRowsFilter,
  companyScope,
  hasPermission,
  isImpersonating,
  isStaff,
  requireNotImpersonating,
  requirePermission,
  requireStaff,
  requireStaffPermission,
  requireViewer,
} from './access';
import { Viewer } from './viewer';

const OWN = 'c0000000-0000-4000-8000-000000000001';
const OTHER = 'c0000000-0000-4000-8000-000000000002';

const customer = (overrides: Partial<Viewer> = {}): Viewer => ({
  userId: 'u-customer', kind: 'CUSTOMER', companyId: OWN, supplierId: null, permissions: ['catalog.view', 'orders.view'], ...overrides,
});
const staff = (permissions: string[] = ['staff.sync'], overrides: Partial<Viewer> = {}): Viewer => ({
  userId: 'u-staff', kind: 'STAFF', companyId: null, supplierId: null, permissions, ...overrides,
});
const supplier = (overrides: Partial<Viewer> = {}): Viewer => ({
  userId: 'u-supplier', kind: 'SUPPLIER', companyId: null, supplierId: 's-1', permissions: [], ...overrides,
});
/** A customer user as which a staff user is signed in ("sign in as"). */
const impersonated = (overrides: Partial<Viewer> = {}): Viewer => customer({ actorId: 'u-staff', ...overrides });

/** The refusal a rule throws: its GraphQL code and message. */
function refusal(work: () => unknown): { code: unknown; message: string } {
  try {
    work();
  } catch (error) {
    return { code: (error as { extensions?: { code?: unknown } }).extensions?.code, message: (error as Error).message };
  }
  throw new Error('expected a refusal, but the rule let it through');
}

describe('requireViewer / requireStaff / isStaff', () => {
  it('refuses an anonymous caller as UNAUTHENTICATED and hands back a signed-in viewer unchanged', () => {
    expect(refusal(() => requireViewer(null))).toEqual({ code: 'UNAUTHENTICATED', message: 'You must be signed in.' });
    const viewer = customer();
    expect(requireViewer(viewer)).toBe(viewer);
  });

  it('lets only staff through requireStaff: anonymous is UNAUTHENTICATED, customers and suppliers FORBIDDEN', () => {
    expect(refusal(() => requireStaff(null)).code).toBe('UNAUTHENTICATED');
    expect(refusal(() => requireStaff(customer()))).toEqual({ code: 'FORBIDDEN', message: 'Only staff may do this.' });
    expect(refusal(() => requireStaff(supplier())).code).toBe('FORBIDDEN');
    const viewer = staff([]);
    expect(requireStaff(viewer)).toBe(viewer);
  });

  it('isStaff is true for staff only', () => {
    expect(isStaff(staff([]))).toBe(true);
    expect(isStaff(customer())).toBe(false);
    expect(isStaff(supplier())).toBe(false);
    expect(isStaff(null)).toBe(false);
  });
});

describe('canSeeCompany / companyRowsFilter / canSeeSupplier', () => {
  it('lets a customer user see its own company only, staff every company, and nobody else any', () => {
    expect(canSeeCompany(customer(), OWN)).toBe(true);
    expect(canSeeCompany(customer(), OTHER)).toBe(false);
    expect(canSeeCompany(staff([]), OTHER)).toBe(true);
    expect(canSeeCompany(supplier(), OWN)).toBe(false);
    expect(canSeeCompany(null, OWN)).toBe(false);
  });

  it('filters company rows: staff all ({}), a customer user its company, anyone else none (null)', () => {
    expect(companyRowsFilter(staff([]))).toEqual({});
    expect(companyRowsFilter(customer())).toEqual({ companyId: OWN });
    expect(companyRowsFilter(customer({ companyId: null }))).toBeNull();
    expect(companyRowsFilter(supplier())).toBeNull();
    expect(companyRowsFilter(null)).toBeNull();
  });

  it('lets a supplier user see its own supplier only, staff every supplier', () => {
    expect(canSeeSupplier(supplier(), 's-1')).toBe(true);
    expect(canSeeSupplier(supplier(), 's-2')).toBe(false);
    expect(canSeeSupplier(staff([]), 's-2')).toBe(true);
    expect(canSeeSupplier(customer(), 's-1')).toBe(false);
    expect(canSeeSupplier(null, 's-1')).toBe(false);
  });
});

describe('companyScope', () => {
  it("gives a customer user its own company, named or not, and never trusts another company's id", () => {
    expect(companyScope(customer())).toBe(OWN);
    expect(companyScope(customer(), null)).toBe(OWN);
    expect(companyScope(customer(), OWN)).toBe(OWN);
    // Another company's id: NOT_FOUND, exactly as for an id of no company at all.
    expect(refusal(() => companyScope(customer(), OTHER))).toEqual({ code: 'NOT_FOUND', message: `Company ${OTHER} was not found.` });
    const nobody = 'c0000000-0000-4000-8000-000000000099';
    expect(refusal(() => companyScope(customer(), nobody))).toEqual({ code: 'NOT_FOUND', message: `Company ${nobody} was not found.` });
  });

  it('gives staff the company they name, or null (all companies) when they name none', () => {
    expect(companyScope(staff([]), OTHER)).toBe(OTHER);
    expect(companyScope(staff([]))).toBeNull();
    expect(companyScope(staff([]), null)).toBeNull();
  });

  it('refuses users without a company (suppliers), even when they name one', () => {
    expect(refusal(() => companyScope(supplier()))).toEqual({ code: 'FORBIDDEN', message: 'Only customer users have company data.' });
    expect(refusal(() => companyScope(supplier(), OWN)).code).toBe('FORBIDDEN');
  });
});

describe('hasPermission / requirePermission', () => {
  it('gives a customer user exactly the permissions it holds, staff every customer permission, anonymous none', () => {
    expect(hasPermission(customer(), 'orders.view')).toBe(true);
    expect(hasPermission(customer(), 'invoices.view')).toBe(false);
    expect(hasPermission(staff([]), 'invoices.view')).toBe(true);
    expect(hasPermission(supplier(), 'catalog.view')).toBe(false);
    expect(hasPermission(null, 'catalog.view')).toBe(false);
  });

  it('refuses a missing permission as FORBIDDEN naming it, anonymous as UNAUTHENTICATED, and hands back the viewer', () => {
    expect(refusal(() => requirePermission(customer(), 'invoices.view'))).toEqual({ code: 'FORBIDDEN', message: 'You need the "invoices.view" permission.' });
    expect(refusal(() => requirePermission(null, 'catalog.view')).code).toBe('UNAUTHENTICATED');
    const viewer = customer();
    expect(requirePermission(viewer, 'orders.view')).toBe(viewer);
    const admin = staff([]);
    expect(requirePermission(admin, 'orders.place')).toBe(admin);
  });
});

describe('requireStaffPermission', () => {
  it('needs the named staff permission or staff.admin: other staff rights do not do', () => {
    const sync = staff(['staff.sync']);
    expect(requireStaffPermission(sync, 'staff.sync')).toBe(sync);
    const admin = staff(['staff.admin']);
    expect(requireStaffPermission(admin, 'staff.users')).toBe(admin);
    expect(refusal(() => requireStaffPermission(sync, 'staff.orders'))).toEqual({ code: 'FORBIDDEN', message: 'You need the "staff.orders" staff permission.' });
    expect(refusal(() => requireStaffPermission(staff([]), 'staff.sync')).code).toBe('FORBIDDEN');
  });

  it('refuses customers (even with a permission of the same name) and anonymous callers', () => {
    expect(refusal(() => requireStaffPermission(customer({ permissions: ['staff.sync', 'staff.admin'] }), 'staff.sync'))).toEqual({ code: 'FORBIDDEN', message: 'Only staff may do this.' });
    expect(refusal(() => requireStaffPermission(null, 'staff.sync')).code).toBe('UNAUTHENTICATED');
  });

  it('gives no staff rights while signed in as another user, staff.admin included', () => {
    expect(refusal(() => requireStaffPermission(staff(['staff.admin'], { actorId: 'u-other-staff' }), 'staff.sync'))).toEqual({
      code: 'FORBIDDEN',
      message: 'Staff rights are not available while signed in as another user.',
    });
  });
});

describe('isImpersonating / requireNotImpersonating', () => {
  it('tells a "sign in as" viewer from the user itself', () => {
    expect(isImpersonating(impersonated())).toBe(true);
    expect(isImpersonating(customer())).toBe(false);
    expect(isImpersonating(customer({ actorId: null }))).toBe(false);
    expect(isImpersonating(null)).toBe(false);
  });

  it("keeps the owner's own actions from staff acting for them, naming the action", () => {
    expect(refusal(() => requireNotImpersonating(impersonated(), 'change the password'))).toEqual({
      code: 'FORBIDDEN',
      message: 'You cannot change the password while signed in as another user; only the user can.',
    });
    const viewer = customer();
    expect(requireNotImpersonating(viewer, 'change the password')).toBe(viewer);
  });
});
