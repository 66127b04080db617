import { companyScope, hasPermission, requirePermission, Viewer } from '@hub/auth';
import { badUserInput, notFound } from '@hub/errors';
import { isUuid } from '@hub/subgraph-kit';
import { OrdersContext } from '../context';
import { OrderEntity } from './order.entity';
import { OrderStatus } from './order-status';

export const MAX_ORDERS_PER_PAGE = 200;

export function checkPageSize(first: number): void {
  if (!Number.isInteger(first) || first < 1 || first > MAX_ORDERS_PER_PAGE) {
    throw badUserInput(`first must be between 1 and ${MAX_ORDERS_PER_PAGE}.`, 'first');
  }
}

export class OrderService {
  constructor(private readonly ctx: OrdersContext) {}

  /** The viewer's company's orders, newest first; staff may name a company or see all. */
  async list(viewer: Viewer | null, args: { first: number; status?: OrderStatus | null; companyId?: string | null }): Promise<OrderEntity[]> {
    const v = requirePermission(viewer, 'orders.view');
    checkPageSize(args.first);
    if (args.companyId && !isUuid(args.companyId)) throw badUserInput('Company id must be a UUID.', 'companyId');
    const companyId = companyScope(v, args.companyId);
    const where: Record<string, unknown> = {};
    if (companyId) where.companyId = companyId;
    if (args.status) where.status = args.status;
    return this.ctx.em.find(OrderEntity, where, { orderBy: { placedAt: 'desc', number: 'desc' }, limit: args.first });
  }

  async get(viewer: Viewer | null, id: string): Promise<OrderEntity> {
    requirePermission(viewer, 'orders.view');
    if (!isUuid(id)) throw badUserInput('Order id must be a UUID.', 'id');
    const order = await this.findVisible(viewer, id);
    // Another company's order gets the same answer as a missing one.
    if (!order) throw notFound('Order', id);
    return order;
  }

  /** For references: null unless the viewer may see this order. */
  async findVisible(viewer: Viewer | null, id: string): Promise<OrderEntity | null> {
    if (!viewer || !hasPermission(viewer, 'orders.view') || !isUuid(id)) return null;
    const order = await this.ctx.loaders.orderById.load(id);
    if (!order) return null;
    return viewer.kind === 'STAFF' || order.companyId === viewer.companyId ? order : null;
  }

  /** Orders of one company, for Company.orders; batched across companies in one request. */
  async listForCompany(viewer: Viewer | null, companyId: string, first: number): Promise<OrderEntity[]> {
    const v = requirePermission(viewer, 'orders.view');
    checkPageSize(first);
    companyScope(v, companyId);
    const orders = await this.ctx.loaders.ordersByCompany.load(companyId);
    return orders.slice(0, first);
  }
}
