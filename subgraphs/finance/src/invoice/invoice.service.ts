import { FilterQuery, QueryOrder, QueryOrderMap } from '@mikro-orm/core';
import { canSeeCompany, companyRowsFilter, companyScope, hasPermission, Viewer } from '@hub/auth';
import { badUserInput, forbidden, notFound } from '@hub/errors';
import { checkPageSize, isUuid } from '@hub/subgraph-kit';
import { Decimal } from '@hub/money';
import { FinanceContext } from '../context';
import { financeCompanyScope } from '../company/company-scope';
import { parsePeriod } from '../period/day.inputs';
import { InvoiceEntity } from './invoice.entity';
import { InvoiceFilterInput, InvoiceSortField, InvoiceSortInput } from './invoice.inputs';
import { InvoicePage, InvoiceQuery, InvoiceRepository } from './invoice.repository';
import { InvoiceStatus } from './invoice-status';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

const NEWEST_FIRST: QueryOrderMap<InvoiceEntity> = { issuedAt: QueryOrder.DESC, number: QueryOrder.DESC };

const PAGE = { max: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE };

/** An amount bound of the invoice filter: not negative, cents at most. */
function amountBound(value: Decimal | null | undefined, field: string): Decimal | null {
  if (value === null || value === undefined) return null;
  if (value.isNegative()) throw badUserInput(`${field} must not be negative.`, field);
  if (value.decimalPlaces() > 2) throw badUserInput(`${field} has at most 2 decimals.`, field);
  if (value.gte('1e12')) throw badUserInput(`${field} is too large.`, field);
  return value;
}

/**
 * The invoice list's filter and sort as the repository takes them, after every check: bad dates,
 * a period ending before it starts, negative or crossed amounts, ids that are not UUIDs and another
 * company's id (NOT_FOUND) are refused before any query runs.
 */
export function invoiceQueryOf(viewer: Viewer, filter: InvoiceFilterInput | null | undefined, sort: InvoiceSortInput | null | undefined): InvoiceQuery {
  const f = filter ?? {};
  const period = parsePeriod(f.issuedFrom, f.issuedTo, { from: 'filter.issuedFrom', to: 'filter.issuedTo' });
  const minTotal = amountBound(f.minTotal, 'filter.minTotal');
  const maxTotal = amountBound(f.maxTotal, 'filter.maxTotal');
  if (minTotal && maxTotal && maxTotal.lt(minTotal)) throw badUserInput('filter.maxTotal is below filter.minTotal.', 'filter.maxTotal');
  if (f.orderId && !isUuid(f.orderId)) throw badUserInput('filter.orderId must be a UUID.', 'filter.orderId');
  return {
    companyId: financeCompanyScope(viewer, f.companyId),
    issuedFrom: period.start,
    issuedBefore: period.end,
    status: f.status ?? null,
    minTotal: minTotal ? minTotal.toFixed() : null,
    maxTotal: maxTotal ? maxTotal.toFixed() : null,
    orderId: f.orderId ?? null,
    sort: { field: sort?.field ?? InvoiceSortField.ISSUED_AT, direction: sort?.direction ?? 'DESC' },
  };
}

/**
 * The invoice rows a viewer may see, as a query condition: staff all, a customer user its own
 * company's, anyone else none (null). Applied inside the query, never after it.
 */
export function visibleInvoicesFilter(viewer: Viewer | null): FilterQuery<InvoiceEntity> | null {
  return companyRowsFilter(viewer);
}

export class InvoiceService {
  constructor(private readonly ctx: FinanceContext) {}

  /** The invoice if the viewer may see it; null otherwise (used by references, which must not leak). */
  async findVisible(viewer: Viewer | null, id: string): Promise<InvoiceEntity | null> {
    if (!hasPermission(viewer, 'invoices.view') || !isUuid(id)) return null;
    const invoice = await this.ctx.loaders.invoiceById.load(id);
    return invoice && canSeeCompany(viewer, invoice.companyId) ? invoice : null;
  }

  async getVisible(viewer: Viewer, id: string): Promise<InvoiceEntity> {
    if (!isUuid(id)) throw badUserInput('Invoice id must be a UUID.', 'id');
    const invoice = await this.findVisible(viewer, id);
    // The same answer for "absent" and "another company's": ids of other tenants are not confirmed.
    if (!invoice) throw notFound('Invoice', id);
    return invoice;
  }

  /** A page of the viewer's company's invoices (staff: any company's), filtered and sorted. */
  async page(viewer: Viewer, filter: InvoiceFilterInput | null | undefined, sort: InvoiceSortInput | null | undefined, first: number | null | undefined, after: string | null | undefined): Promise<InvoicePage> {
    const limit = checkPageSize(first, PAGE);
    return new InvoiceRepository(this.ctx.em).page(invoiceQueryOf(viewer, filter, sort), limit, after ?? null);
  }

  /** The viewer's company's invoices, newest first; staff see every company's. */
  async list(viewer: Viewer, first: number | null | undefined, status?: InvoiceStatus | null): Promise<InvoiceEntity[]> {
    const limit = checkPageSize(first, PAGE);
    const companyId = companyScope(viewer);
    const where: { companyId?: string; status?: InvoiceStatus } = {};
    if (companyId) where.companyId = companyId;
    if (status) where.status = status;
    return this.ctx.em.find(InvoiceEntity, where, { orderBy: NEWEST_FIRST, limit });
  }

  async listForCompany(viewer: Viewer, companyId: string, first: number | null | undefined): Promise<InvoiceEntity[]> {
    const limit = checkPageSize(first, PAGE);
    // Another company's id: NOT_FOUND, as for an id of no company.
    if (!isUuid(companyId) || !canSeeCompany(viewer, companyId)) throw notFound('Company', companyId);
    return this.ctx.em.find(InvoiceEntity, { companyId }, { orderBy: NEWEST_FIRST, limit });
  }

  /** An order's invoices the viewer may see, batched per request through `invoicesByOrderId`. */
  async listForOrder(orderId: string): Promise<InvoiceEntity[]> {
    if (!isUuid(orderId)) return [];
    return this.ctx.loaders.invoicesByOrderId.load(orderId);
  }

  /** Batch function of `invoicesByOrderId`: one query for all orders, with the viewer's tenant filter in it. */
  async loadVisibleForOrders(orderIds: string[]): Promise<InvoiceEntity[]> {
    const scope = visibleInvoicesFilter(this.ctx.viewer);
    if (!scope || orderIds.length === 0) return [];
    return this.ctx.em.find(InvoiceEntity, { $and: [scope, { orderId: { $in: orderIds } }] }, { orderBy: NEWEST_FIRST });
  }
}
