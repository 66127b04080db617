import { Viewer } from '@hub/auth';
import { SuppliersContext } from '../context';
import { SupplierEntity } from './supplier.entity';
import { requireSupplierAccess, SupplierService } from './supplier.service';

const OURS = '11111111-1111-4111-8111-111111111111';
const THEIRS = '22222222-2222-4222-8222-222222222222';
const PRODUCT = '33333333-3333-4333-8333-333333333333';

const staff: Viewer = { userId: 's', kind: 'STAFF', companyId: null, supplierId: null, permissions: [] };
const ourUser: Viewer = { userId: 'o', kind: 'SUPPLIER', companyId: null, supplierId: OURS, permissions: [] };
const customer: Viewer = { userId: 'c', kind: 'CUSTOMER', companyId: PRODUCT, supplierId: null, permissions: ['catalog.view'] };

function supplierRow(id: string): SupplierEntity {
  return Object.assign(new SupplierEntity(), { id, erpNumber: `S-${id.slice(0, 4)}`, name: 'Acme', country: 'DE', email: 'a@acme.example' });
}

function serviceFor(viewer: Viewer | null) {
  const rows = new Map([[OURS, supplierRow(OURS)], [THEIRS, supplierRow(THEIRS)]]);
  const load = jest.fn(async (id: string) => rows.get(id) ?? null);
  const find = jest.fn(async () => [...rows.values()]);
  const offersByProduct = jest.fn(async () => [{ productId: PRODUCT, supplier: rows.get(OURS) }]);
  const ctx = {
    viewer,
    em: { find },
    loaders: { supplierById: { load }, offersByProductId: { load: offersByProduct }, offersBySupplierId: { load: jest.fn(async () => []) } },
  } as unknown as SuppliersContext;
  return { service: new SupplierService(ctx), load, find };
}

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return (err as { extensions?: { code?: string } }).extensions?.code;
  }
  return 'passed';
};

describe('requireSupplierAccess (email and offers)', () => {
  it('lets staff and the supplier’s own users in', () => {
    expect(codeOf(() => requireSupplierAccess(staff, THEIRS))).toBe('passed');
    expect(codeOf(() => requireSupplierAccess(ourUser, OURS))).toBe('passed');
  });

  it('refuses other suppliers, customers and anonymous callers', () => {
    expect(codeOf(() => requireSupplierAccess(ourUser, THEIRS))).toBe('FORBIDDEN');
    expect(codeOf(() => requireSupplierAccess(customer, OURS))).toBe('FORBIDDEN');
    expect(codeOf(() => requireSupplierAccess(null, OURS))).toBe('UNAUTHENTICATED');
  });
});

describe('SupplierService', () => {
  it('shows a supplier user its own supplier', async () => {
    await expect(serviceFor(ourUser).service.getVisible(ourUser, OURS)).resolves.toMatchObject({ id: OURS });
  });

  it("answers NOT_FOUND for another supplier's id and for a customer, without a query", async () => {
    const { service, load } = serviceFor(ourUser);
    await expect(service.getVisible(ourUser, THEIRS)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    await expect(serviceFor(customer).service.getVisible(customer, OURS)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    expect(load).not.toHaveBeenCalled();
  });

  it('answers BAD_USER_INPUT for an id that is not a UUID', async () => {
    await expect(serviceFor(staff).service.getVisible(staff, 'S20001')).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('lists all suppliers for staff only', async () => {
    await expect(serviceFor(staff).service.listAll(staff)).resolves.toHaveLength(2);
    await expect(serviceFor(ourUser).service.listAll(ourUser)).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });

  it('gives the public part to any signed-in viewer and nothing to anonymous callers', async () => {
    expect(await serviceFor(customer).service.findPublic(customer, THEIRS)).not.toBeNull();
    expect(await serviceFor(null).service.findPublic(null, THEIRS)).toBeNull();
  });

  it("answers a product's suppliers for signed-in viewers only", async () => {
    await expect(serviceFor(customer).service.suppliersOfProduct(customer, PRODUCT)).resolves.toMatchObject([{ id: OURS }]);
    await expect(serviceFor(null).service.suppliersOfProduct(null, PRODUCT)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });
});
