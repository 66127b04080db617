import { Viewer } from '@hub/auth';
import { FinanceContext } from '../context';
import { InvoiceEntity } from './invoice.entity';
import { InvoiceService, visibleInvoicesFilter } from './invoice.service';
import { InvoiceStatus } from './invoice-status';

const COMPANY_A = '11111111-1111-4111-8111-111111111111';
const COMPANY_B = '22222222-2222-4222-8222-222222222222';
const INVOICE_OF_A = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const INVOICE_OF_B = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const MISSING = '00000000-0000-4000-8000-000000000000';

const staff: Viewer = { userId: 's', kind: 'STAFF', companyId: null, supplierId: null, permissions: [] };
const reader: Viewer = { userId: 'r', kind: 'CUSTOMER', companyId: COMPANY_A, supplierId: null, permissions: ['invoices.view'] };
const buyer: Viewer = { userId: 'b', kind: 'CUSTOMER', companyId: COMPANY_A, supplierId: null, permissions: ['orders.view'] };
const supplier: Viewer = { userId: 'x', kind: 'SUPPLIER', companyId: null, supplierId: MISSING, permissions: ['invoices.view'] };

function invoice(id: string, companyId: string): InvoiceEntity {
  return Object.assign(new InvoiceEntity(), {
    id, companyId, number: `INV-${id.slice(0, 4)}`, orderId: null, issuedAt: new Date(), dueAt: new Date(),
    currency: 'EUR', total: '10.00', status: InvoiceStatus.OPEN,
  });
}

/** A context with an in-memory invoice table: the service's rules, without a database. */
function serviceFor(viewer: Viewer | null) {
  const rows = new Map([[INVOICE_OF_A, invoice(INVOICE_OF_A, COMPANY_A)], [INVOICE_OF_B, invoice(INVOICE_OF_B, COMPANY_B)]]);
  const find = jest.fn(async () => [] as InvoiceEntity[]);
  const load = jest.fn(async (id: string) => rows.get(id) ?? null);
  const ctx = { viewer, em: { find }, loaders: { invoiceById: { load } } } as unknown as FinanceContext;
  return { service: new InvoiceService(ctx), find, load };
}


describe('visibleInvoicesFilter', () => {
  it('gives staff every row, a customer its company, anyone else nothing', () => {
    expect(visibleInvoicesFilter(staff)).toEqual({});
    expect(visibleInvoicesFilter(reader)).toEqual({ companyId: COMPANY_A });
    expect(visibleInvoicesFilter(supplier)).toBeNull();
    expect(visibleInvoicesFilter(null)).toBeNull();
  });
});

describe('InvoiceService', () => {
  it('shows your own company’s invoice', async () => {
    await expect(serviceFor(reader).service.getVisible(reader, INVOICE_OF_A)).resolves.toMatchObject({ id: INVOICE_OF_A });
  });

  it("answers NOT_FOUND alike for another company's invoice and a missing one", async () => {
    const { service } = serviceFor(reader);
    const theirs = await service.getVisible(reader, INVOICE_OF_B).catch((e) => e);
    const missing = await service.getVisible(reader, MISSING).catch((e) => e);
    expect(theirs.extensions.code).toBe('NOT_FOUND');
    expect(missing.extensions.code).toBe('NOT_FOUND');
    expect(theirs.message.replace(INVOICE_OF_B, 'ID')).toBe(missing.message.replace(MISSING, 'ID'));
  });

  it('answers BAD_USER_INPUT for an id that is not a UUID, without a query', async () => {
    const { service, load } = serviceFor(reader);
    await expect(service.getVisible(reader, "1' or 1=1")).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(load).not.toHaveBeenCalled();
  });

  it('lets staff see any company’s invoice', async () => {
    await expect(serviceFor(staff).service.getVisible(staff, INVOICE_OF_B)).resolves.toMatchObject({ id: INVOICE_OF_B });
  });

  it('resolves references only with invoices.view and only within the company', async () => {
    expect(await serviceFor(buyer).service.findVisible(buyer, INVOICE_OF_A)).toBeNull();
    expect(await serviceFor(null).service.findVisible(null, INVOICE_OF_A)).toBeNull();
    expect(await serviceFor(reader).service.findVisible(reader, INVOICE_OF_B)).toBeNull();
    expect(await serviceFor(reader).service.findVisible(reader, INVOICE_OF_A)).not.toBeNull();
  });

  it("filters order invoices by the viewer's company inside the query", async () => {
    const { service, find } = serviceFor(reader);
    await service.loadVisibleForOrders([MISSING]);
    expect(find).toHaveBeenCalledWith(InvoiceEntity, { $and: [{ companyId: COMPANY_A }, { orderId: { $in: [MISSING] } }] }, expect.anything());
  });

  it('does not query order invoices for a viewer without a company', async () => {
    const { service, find } = serviceFor(supplier);
    expect(await service.loadVisibleForOrders([MISSING])).toEqual([]);
    expect(find).not.toHaveBeenCalled();
  });

  it("refuses another company's invoice list", async () => {
    await expect(serviceFor(reader).service.listForCompany(reader, COMPANY_B, 10)).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });
});
