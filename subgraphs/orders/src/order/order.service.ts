import DataLoader from 'dataloader';
import { companyScope, hasPermission, requirePermission, Viewer } from '@hub/auth';
import { badUserInput, notFound } from '@hub/errors';
import { checkPageSize, isUuid } from '@hub/subgraph-kit';
import { OrderEntity } from './order.entity';
import { OpenOrders, OrderFilterInput, parseDay } from './order.inputs';
import { OrderPage, OrderRepository } from './order.repository';
import { NOT_DELIVERED_STATUSES, NOT_INVOICED_STATUSES } from './order.state-machine';
import { OrderStatus } from './order-status';
import { OrderLineEntity } from './order-line.entity';
import { OrderStatusEventEntity } from './order-status-event.entity';

export const MAX_ORDERS_PER_PAGE = 200;
/** `ordersByIds` answers at most this many ids at once (the gateway's subscription batches are as large). */
export const MAX_ORDERS_BY_IDS = 100;
const DAY_MS = 86_400_000;

export interface OrderLoaders {
  orderById: DataLoader<string, OrderEntity | null>;
  linesByOrder: DataLoader<string, OrderLineEntity[]>;
  timelineByOrder: DataLoader<string, OrderStatusEventEntity[]>;
  /** The newest MAX_ORDERS_PER_PAGE of each company. */
  ordersByCompany: DataLoader<string, OrderEntity[]>;
}

export interface OrderListArgs {
  first: number;
  after?: string | null;
  status?: OrderStatus | null;
  companyId?: string | null;
  filter?: OrderFilterInput | null;
}

/** Who sees which orders, and the order history's filters (O5). Placing and deciding are the placement and approval services'. */
export class OrderService {
  constructor(
    private readonly orders: OrderRepository,
    private readonly loaders: OrderLoaders,
  ) {}

  /**
   * The viewer's company's orders (staff: any company's, or the one named), newest first, a page
   * after the cursor; filtered by status, period, branch and openness.
   */
  async page(viewer: Viewer | null, args: OrderListArgs): Promise<OrderPage> {
    const v = requirePermission(viewer, 'orders.view');
    checkPageSize(args.first, { max: MAX_ORDERS_PER_PAGE });
    if (args.companyId && !isUuid(args.companyId)) throw badUserInput('Company id must be a UUID.', 'companyId');
    const filter = args.filter ?? {};
    if (filter.branchId && !isUuid(filter.branchId)) throw badUserInput('branchId must be a UUID.', 'filter.branchId');
    let statuses: OrderStatus[] | null = null;
    const narrow = (allowed: readonly OrderStatus[]) => (statuses = (statuses ?? allowed).filter((s) => allowed.includes(s)));
    if (args.status) narrow([args.status]);
    if (filter.statuses) narrow(filter.statuses);
    if (filter.open === OpenOrders.NOT_DELIVERED) narrow(NOT_DELIVERED_STATUSES);
    if (filter.open === OpenOrders.NOT_INVOICED) narrow(NOT_INVOICED_STATUSES);
    const placedFrom = filter.placedFrom ? parseDay(filter.placedFrom, 'filter.placedFrom') : null;
    const placedTo = filter.placedTo ? parseDay(filter.placedTo, 'filter.placedTo') : null;
    if (placedFrom && placedTo && placedTo < placedFrom) throw badUserInput('placedTo is before placedFrom.', 'filter.placedTo');
    return this.orders.page(
      {
        companyId: companyScope(v, args.companyId),
        statuses,
        placedFrom,
        placedBefore: placedTo ? new Date(placedTo.getTime() + DAY_MS) : null,
        branchId: filter.branchId ?? null,
      },
      args.first,
      args.after ?? null,
    );
  }

  async get(viewer: Viewer | null, id: string): Promise<OrderEntity> {
    requirePermission(viewer, 'orders.view');
    if (!isUuid(id)) throw badUserInput('Order id must be a UUID.', 'id');
    const order = await this.findVisible(viewer, id);
    // Another company's order gets the same answer as a missing one.
    if (!order) throw notFound('Order', id);
    return order;
  }

  /**
   * Several orders at once, in the order asked: each an order or the error `get` would give for it
   * (another company's order is NOT_FOUND like a missing one), so one id's refusal spares the rest.
   */
  async getMany(viewer: Viewer | null, ids: readonly string[]): Promise<Array<OrderEntity | Error>> {
    requirePermission(viewer, 'orders.view');
    if (ids.length > MAX_ORDERS_BY_IDS) throw badUserInput(`At most ${MAX_ORDERS_BY_IDS} order ids at once; got ${ids.length}.`, 'ids');
    return Promise.all(ids.map((id) => this.get(viewer, id).catch((error: Error) => error)));
  }

  /** For references: null unless the viewer may see this order. */
  async findVisible(viewer: Viewer | null, id: string): Promise<OrderEntity | null> {
    if (!viewer || !hasPermission(viewer, 'orders.view') || !isUuid(id)) return null;
    const order = await this.loaders.orderById.load(id);
    if (!order) return null;
    return viewer.kind === 'STAFF' || order.companyId === viewer.companyId ? order : null;
  }

  /** Orders of one company, for Company.orders; batched across companies in one request. */
  async listForCompany(viewer: Viewer | null, companyId: string, first: number): Promise<OrderEntity[]> {
    const v = requirePermission(viewer, 'orders.view');
    checkPageSize(first, { max: MAX_ORDERS_PER_PAGE });
    companyScope(v, companyId);
    const orders = await this.loaders.ordersByCompany.load(companyId);
    return orders.slice(0, first);
  }
}
