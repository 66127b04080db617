import { EntityManager } from '@mikro-orm/postgresql';
import { requireNotImpersonating, requirePermission, requireStaffPermission, Viewer } from '@hub/auth';
import { badUserInput, forbidden, notFound } from '@hub/errors';
import { isUuid } from '@hub/subgraph-kit';
import { OrderEntity } from '../order/order.entity';
import { OrderLineEntity } from '../order/order-line.entity';
import { OrderRepository } from '../order/order.repository';
import { assertStatus } from '../order/order.state-machine';
import { OrderEventSource, OrderStatus } from '../order/order-status';
import { actorOf, OrderWorkflow } from '../order/order-workflow';

const MAX_REASON_LENGTH = 500;

function reasonOf(value: string | null | undefined, required: boolean): string | null {
  const reason = (value ?? '').trim();
  if (required && reason.length === 0) throw badUserInput('Give a reason.', 'reason');
  if (reason.length > MAX_REASON_LENGTH) throw badUserInput(`A reason is at most ${MAX_REASON_LENGTH} characters.`, 'reason');
  return reason.length === 0 ? null : reason;
}

/**
 * Deciding on orders that wait: a coworker with orders.approve approves or rejects an order
 * AWAITING_APPROVAL (never their own; not while staff are signed in as them), and staff with
 * staff.orders release or reject an order ON_HOLD. Each decision locks the order, so two people
 * deciding at once get one decision and a CONFLICT; the placer sees it in the order's status,
 * statusReason and timeline (and live through the subscriptions).
 */
export class OrderApprovalService {
  constructor(private readonly em: EntityManager) {}

  /** Locks the order for the decision; another company's order is NOT_FOUND like a missing one. */
  private async decide(viewer: Viewer, id: string, companyOnly: boolean, decision: (order: OrderEntity, lines: OrderLineEntity[], workflow: OrderWorkflow) => Promise<void>): Promise<OrderEntity> {
    if (!isUuid(id)) throw badUserInput('Order id must be a UUID.', 'id');
    return this.em.transactional(async (em) => {
      const locked = await new OrderRepository(em).lockedWithLines(id);
      if (!locked || (companyOnly && locked.order.companyId !== viewer.companyId)) throw notFound('Order', id);
      await decision(locked.order, locked.lines, new OrderWorkflow(em));
      return locked.order;
    });
  }

  private approver(viewer: Viewer | null): Viewer {
    const v = requirePermission(viewer, 'orders.approve');
    if (v.kind !== 'CUSTOMER' || !v.companyId) throw forbidden('Only users of the customer company approve its orders.');
    return requireNotImpersonating(v, 'approve or reject orders');
  }

  /** A coworker approves: the hold rules judge it, then it goes to the ERP or waits for staff. */
  approve(viewer: Viewer | null, id: string, note?: string | null): Promise<OrderEntity> {
    const v = this.approver(viewer);
    const reason = reasonOf(note, false);
    return this.decide(v, id, true, async (order, lines, workflow) => {
      if (order.placedByUserId === v.userId) throw forbidden('You cannot approve your own order; a coworker with orders.approve does.');
      assertStatus(order.status, OrderStatus.AWAITING_APPROVAL);
      await workflow.accept(order, lines, { source: OrderEventSource.APPROVAL, actor: actorOf(v), reason });
    });
  }

  reject(viewer: Viewer | null, id: string, reasonInput: string): Promise<OrderEntity> {
    const v = this.approver(viewer);
    const reason = reasonOf(reasonInput, true)!;
    return this.decide(v, id, true, async (order, _lines, workflow) => {
      if (order.placedByUserId === v.userId) throw forbidden('You cannot reject your own order; a coworker with orders.approve does.');
      assertStatus(order.status, OrderStatus.AWAITING_APPROVAL);
      await workflow.move(order, OrderStatus.REJECTED, { source: OrderEventSource.APPROVAL, actor: actorOf(v), reason, statusReason: `Rejected by a coworker: ${reason}` });
    });
  }

  /** Staff release a held order: it goes to the ERP (the rules already had their say). */
  release(viewer: Viewer | null, id: string, note?: string | null): Promise<OrderEntity> {
    const v = requireStaffPermission(viewer, 'staff.orders');
    const reason = reasonOf(note, false);
    return this.decide(v, id, false, async (order, lines, workflow) => {
      assertStatus(order.status, OrderStatus.ON_HOLD);
      await workflow.accept(order, lines, { source: OrderEventSource.STAFF_REVIEW, actor: actorOf(v), reason }, false);
    });
  }

  rejectHeld(viewer: Viewer | null, id: string, reasonInput: string): Promise<OrderEntity> {
    const v = requireStaffPermission(viewer, 'staff.orders');
    const reason = reasonOf(reasonInput, true)!;
    return this.decide(v, id, false, async (order, _lines, workflow) => {
      assertStatus(order.status, OrderStatus.ON_HOLD);
      await workflow.move(order, OrderStatus.REJECTED, { source: OrderEventSource.STAFF_REVIEW, actor: actorOf(v), reason, statusReason: `Rejected on review: ${reason}` });
    });
  }
}
