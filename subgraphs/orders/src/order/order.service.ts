import DataLoader from 'dataloader';
import { EntityManager } from '@mikro-orm/postgresql';
import { companyScope, hasPermission, requirePermission, Viewer } from '@hub/auth';
import { randomBytes } from 'node:crypto';
import { badUserInput, conflict, forbidden, notFound } from '@hub/errors';
import { Decimal, roundMoney } from '@hub/money';
import { checkPageSize, isUuid } from '@hub/subgraph-kit';
import { OrderEntity } from './order.entity';
import { OrderRepository } from './order.repository';
import { OrderStatus } from './order-status';
import { OrderLineEntity } from './order-line.entity';
import { PlaceOrderInput, sameLines, validatePlaceOrder } from './order.inputs';
import { ORDER_PLACED_TOPIC, OrdersOutboxMessageEntity } from '../outbox/orders-outbox';
import { priceOrderLines } from '../pricing/order-pricing.client';

export const MAX_ORDERS_PER_PAGE = 200;

export interface OrderLoaders {
  orderById: DataLoader<string, OrderEntity | null>;
  linesByOrder: DataLoader<string, OrderLineEntity[]>;
  /** The newest MAX_ORDERS_PER_PAGE of each company. */
  ordersByCompany: DataLoader<string, OrderEntity[]>;
}

export class OrderService {
  constructor(
    private readonly orders: OrderRepository,
    private readonly em: EntityManager,
    private readonly loaders: OrderLoaders,
    private readonly gatewayUrl: () => string,
  ) {}

  /** The viewer's company's orders, newest first; staff may name a company or see all. */
  async list(viewer: Viewer | null, args: { first: number; status?: OrderStatus | null; companyId?: string | null }): Promise<OrderEntity[]> {
    const v = requirePermission(viewer, 'orders.view');
    checkPageSize(args.first, { max: MAX_ORDERS_PER_PAGE });
    if (args.companyId && !isUuid(args.companyId)) throw badUserInput('Company id must be a UUID.', 'companyId');
    return this.orders.list({ companyId: companyScope(v, args.companyId), status: args.status ?? null }, args.first);
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

  /**
   * Places an order: validated, priced with the customer's own prices, and committed together with
   * the outbox message that takes it to the ERP, so an accepted order can never be lost. The same
   * idempotency key returns the same order; the same key with other lines is a CONFLICT.
   */
  async place(viewer: Viewer | null, bearer: string | undefined, input: PlaceOrderInput): Promise<OrderEntity> {
    const v = requirePermission(viewer, 'orders.place');
    if (v.kind !== 'CUSTOMER' || !v.companyId || !bearer) throw forbidden('Only users of a customer company can place orders.');
    validatePlaceOrder(input);

    const existing = await this.orders.findByIdempotencyKey(v.companyId, input.idempotencyKey);
    if (existing) return this.sameOrConflict(existing, input);

    const pricing = await priceOrderLines(this.gatewayUrl(), bearer, input.lines);
    const currency = pricing.lines[0].currency;
    if (pricing.lines.some((l) => l.currency !== currency)) throw badUserInput('All lines of an order must be in one currency.', 'lines');

    try {
      return await this.em.transactional(async (em) => {
        const order = em.create(OrderEntity, {
          number: `W-${Date.now().toString(36).toUpperCase()}-${randomBytes(3).toString('hex').toUpperCase()}`,
          companyId: v.companyId!,
          placedByUserId: v.userId,
          // Staff acting as the customer user: the order keeps who really placed it.
          placedByActorId: v.actorId ?? null,
          idempotencyKey: input.idempotencyKey,
          status: OrderStatus.PENDING,
          placedAt: new Date(),
          currency,
          total: '0',
        });
        let total = new Decimal(0);
        pricing.lines.forEach((line, i) => {
          const lineTotal = roundMoney(line.unitPrice.times(line.quantity), currency);
          total = total.plus(lineTotal);
          em.create(OrderLineEntity, {
            order, lineNo: i + 1, productId: line.productId, sku: line.sku,
            quantity: String(line.quantity), unitPrice: line.unitPrice.toFixed(), lineTotal: lineTotal.toFixed(),
          });
        });
        order.total = total.toFixed(2);
        em.create(OrdersOutboxMessageEntity, {
          topic: ORDER_PLACED_TOPIC,
          // The ERP's idempotency key is the hub's order id: unique, and stored by the ERP with the order.
          key: order.id,
          payload: {
            hubOrderId: order.id,
            customerNumber: pricing.customerNumber,
            placedAt: order.placedAt.toISOString(),
            currency,
            customerReference: input.customerReference ?? null,
            lines: pricing.lines.map((l, i) => ({ lineNo: i + 1, sku: l.sku, quantity: String(l.quantity), unitPrice: l.unitPrice.toFixed() })),
          },
        });
        return order;
      });
    } catch (error) {
      // Two requests with the same key at once: the loser returns the winner's order.
      if ((error as { code?: string }).code === '23505' || (error as Error).name === 'UniqueConstraintViolationException') {
        const winner = await this.orders.findByIdempotencyKey(v.companyId, input.idempotencyKey);
        if (winner) return this.sameOrConflict(winner, input);
      }
      throw error;
    }
  }

  private sameOrConflict(order: OrderEntity, input: PlaceOrderInput): OrderEntity {
    const lines = order.lines.getItems().map((l) => ({ productId: l.productId, quantity: Number(l.quantity) }));
    if (!sameLines(lines, input.lines)) throw conflict('This idempotencyKey was already used for a different order.');
    return order;
  }
}
