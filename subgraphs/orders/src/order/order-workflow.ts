import { EntityManager } from '@mikro-orm/postgresql';
import { Viewer } from '@hub/auth';
import { Decimal } from '@hub/money';
import { OrderingFacts, OrderingFactsRepository } from '../account/ordering-facts.repository';
import { HoldRuleRepository } from '../hold/hold-rule.repository';
import { effectiveRules, holdReasons, needsFacts } from '../hold/hold-rules.evaluator';
import { erpSubmissionOf, ORDER_PLACED_TOPIC, OrdersOutboxMessageEntity } from '../outbox/orders-outbox';
import { publishOrderStatusChanged } from './order-events';
import { HoldReason, OrderEntity } from './order.entity';
import { OrderLineEntity } from './order-line.entity';
import { assertTransition } from './order.state-machine';
import { OrderEventSource, OrderStatus } from './order-status';
import { OrderEventDetails, OrderStatusEventEntity } from './order-status-event.entity';
import { releaseOrderDiscounts } from '../discount-code/order-discount-release';

/** Who made a change: the user (and the staff user signed in as them, if so); null for the hold rules and the ERP. */
export interface Actor {
  userId: string | null;
  onBehalfActorId: string | null;
}

export function actorOf(viewer: Viewer): Actor {
  return { userId: viewer.userId, onBehalfActorId: viewer.actorId ?? null };
}

interface Change {
  source: OrderEventSource;
  actor: Actor | null;
  reason?: string | null;
  details?: OrderEventDetails | null;
}

/**
 * The web side of an order's life, inside one transaction (the EntityManager given is the
 * transaction's): every move goes through the state machine, is written to the order's timeline
 * and announced to subscribers when the transaction commits. An accepted order is judged by the
 * hold rules and either held for staff or written to the outbox, which takes it to the ERP.
 */
export class OrderWorkflow {
  /** Timeline entries of one transaction get distinct, increasing times. */
  private clock = Date.now();
  private readonly announced = new Set<string>();

  constructor(private readonly em: EntityManager) {}

  private at(): Date {
    this.clock = Math.max(this.clock + 1, Date.now());
    return new Date(this.clock);
  }

  /** Writes a timeline entry (the order's status as it is now) and announces the order. */
  async record(order: OrderEntity, previous: OrderStatus | null, change: Change): Promise<void> {
    this.em.create(OrderStatusEventEntity, {
      orderId: order.id,
      at: this.at(),
      status: order.status,
      previousStatus: previous,
      source: change.source,
      actorUserId: change.actor?.userId ?? null,
      onBehalfActorId: change.actor?.onBehalfActorId ?? null,
      reason: change.reason ?? null,
      details: change.details ?? null,
    });
    if (this.announced.has(order.id)) return;
    this.announced.add(order.id);
    await publishOrderStatusChanged(this.em, order.id);
  }

  /** Moves the order to `to` (CONFLICT when the state machine forbids it) and records it. */
  async move(order: OrderEntity, to: OrderStatus, change: Change & { statusReason?: string | null }): Promise<void> {
    assertTransition(order.status, to);
    const previous = order.status;
    order.status = to;
    if (change.statusReason !== undefined) order.statusReason = change.statusReason;
    await this.record(order, previous, change);
    // Rejected before it reached the ERP: its discount code use and loyalty discounts are given back.
    if (to === OrderStatus.REJECTED) await releaseOrderDiscounts(this.em, order.id);
  }

  /**
   * An order that may now go to the ERP (approved by a coworker, or released by staff): the hold
   * rules judge it first (not when staff released it: `judge` false). Held, it waits ON_HOLD with
   * every reason; otherwise it is PENDING and its outbox message is written in this transaction.
   * (A new order is judged and written at once by OrderPlacementService.)
   */
  async accept(order: OrderEntity, lines: readonly OrderLineEntity[], change: Change, judge = true): Promise<void> {
    const reasons = judge ? await this.holdReasons(order, await new OrderingFactsRepository(this.em).factsOf(order.companyId)) : [];
    const to = reasons.length > 0 ? OrderStatus.ON_HOLD : OrderStatus.PENDING;
    await this.move(order, to, change);
    if (reasons.length > 0) {
      order.holdReasons = reasons;
      await this.record(order, to, { source: OrderEventSource.HOLD_RULES, actor: null, details: { holdReasons: reasons } });
      return;
    }
    this.em.create(OrdersOutboxMessageEntity, {
      topic: ORDER_PLACED_TOPIC,
      // The ERP's idempotency key is the hub's order id: unique, and stored by the ERP with the order.
      key: order.id,
      payload: erpSubmissionOf(order, lines) as unknown as Record<string, unknown>,
    });
  }

  /**
   * Why the hold rules hold this order (none: it may go). The rules and the ERP account come with
   * the company's facts; what its other orders add up to is read under the company's lock, so its
   * orders are judged one at a time (the lock lasts until the transaction ends).
   */
  async holdReasons(order: Pick<OrderEntity, 'id' | 'companyId' | 'currency' | 'total' | 'taxTotal' | 'deliveryAddressCode' | 'placedAt'>, facts: OrderingFacts): Promise<HoldReason[]> {
    const holds = new HoldRuleRepository(this.em);
    const rules = effectiveRules(facts.rules, order.companyId);
    if (rules.length === 0) return [];
    const needs = needsFacts(rules);
    if (needs.openOrders || needs.ordersToday) await holds.lockCompany(order.companyId);
    const credit = facts.account;
    const net = new Decimal(order.total);
    return holdReasons(rules, {
      currency: order.currency,
      net,
      gross: order.taxTotal === null ? net : net.plus(order.taxTotal),
      deliveryAddressCode: order.deliveryAddressCode,
      credit: credit
        ? { blocked: credit.blocked, creditLimit: new Decimal(credit.creditLimit), balance: new Decimal(credit.balance), currency: credit.currency }
        : null,
      openOrders: needs.openOrders && credit ? await holds.openOrdersValue(order.companyId, credit.currency, credit.taxRatePercent, order.id) : new Decimal(0),
      ordersToday: needs.ordersToday ? await holds.webOrdersToday(order.companyId, order.placedAt, order.id) : 0,
    });
  }
}
