import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { encodeEvent, HUB_EVENTS_CHANNEL } from '@hub/events';
import { hasPermission, requireStaffPermission, requireViewer, Viewer } from '@hub/auth';
import { badUserInput, conflict, forbidden, notFound } from '@hub/errors';
import { erpEntityId } from '@hub/erp-ids';
import { Decimal } from '@hub/money';
import { isUuid } from '@hub/subgraph-kit';
import { OrderingFactsRepository } from '../account/ordering-facts.repository';
import { requireOrderer } from '../order/order-access';
import { ORDER_STATUS_CHANGED_TOPIC } from '../order/order-events';
import { OrderEntity } from '../order/order.entity';
import { MAX_NOTES_LENGTH, MAX_REFERENCE_LENGTH } from '../order/order.inputs';
import { OrderRepository } from '../order/order.repository';
import { OrderEventSource, OrderStatus } from '../order/order-status';
import { actorOf, OrderWorkflow } from '../order/order-workflow';
import { assertInitial } from '../order/order.state-machine';
import { erpSubmissionOf, ORDER_PLACED_TOPIC } from '../outbox/orders-outbox';
import { lineTotal, optionalText, totalsOf } from '../pricing/line-rules';
import { BlanketOrderEntity } from './blanket-order.entity';
import { DrawDownBlanketOrderInput } from './blanket-order.inputs';
import { BlanketOrderRepository } from './blanket-order.repository';
import { RemainingLine, remainingOf } from './blanket-order.remaining';

export interface BlanketOrderView {
  blanket: BlanketOrderEntity;
  remaining: RemainingLine[];
}

const today = (): string => new Date().toISOString().slice(0, 10);

/**
 * Blanket (indent) orders (O7): the ERP's agreements, shown with what remains per line and per
 * shop; drawdowns are orders at the agreed prices that go to the ERP through the order outbox
 * (with the blanket order's number), never for more than remains: each drawdown locks its blanket
 * order, so two drawdowns of the same remainder run one after the other and the second finds it gone.
 */
export class BlanketOrderService {
  constructor(
    private readonly em: EntityManager,
    private readonly blankets: BlanketOrderRepository,
    private readonly orders: OrderRepository,
  ) {}

  /** A customer's own (orders.view), or for staff (staff.orders) a company's. */
  async list(viewer: Viewer | null, companyId: string | null | undefined): Promise<BlanketOrderView[]> {
    const v = requireViewer(viewer);
    let company: string;
    if (v.kind === 'STAFF') {
      requireStaffPermission(v, 'staff.orders');
      if (!companyId || !isUuid(companyId)) throw badUserInput('Staff name the company: companyId (a UUID).', 'companyId');
      company = companyId;
    } else {
      if (!hasPermission(v, 'orders.view')) throw forbidden('You need the "orders.view" permission.');
      if (!v.companyId) throw forbidden('Only users of a customer company have blanket orders.');
      if (companyId && companyId !== v.companyId) throw notFound('Company', companyId);
      company = v.companyId;
    }
    return this.withRemaining(await this.blankets.ofCompany(company));
  }

  /** One blanket order; another company's is NOT_FOUND, like a missing one. */
  async get(viewer: Viewer | null, id: string): Promise<BlanketOrderView> {
    const v = requireViewer(viewer);
    if (!isUuid(id)) throw badUserInput('id must be a UUID.', 'id');
    if (v.kind === 'STAFF') requireStaffPermission(v, 'staff.orders');
    else if (!hasPermission(v, 'orders.view')) throw forbidden('You need the "orders.view" permission.');
    const blanket = await this.em.findOne(BlanketOrderEntity, { id });
    if (!blanket || (v.kind !== 'STAFF' && blanket.companyId !== v.companyId)) throw notFound('Blanket order', id);
    return (await this.withRemaining([blanket]))[0];
  }

  private async withRemaining(blankets: BlanketOrderEntity[]): Promise<BlanketOrderView[]> {
    const pending = await this.blankets.pendingDrawdowns(blankets);
    return blankets.map((blanket) => ({ blanket, remaining: remainingOf(blanket.lines, pending.get(blanket.id) ?? []) }));
  }

  async drawDown(viewer: Viewer | null, input: DrawDownBlanketOrderInput): Promise<OrderEntity> {
    const v = requireOrderer(viewer);
    if (!hasPermission(v, 'orders.place')) throw forbidden('You need the "orders.place" permission to draw down a blanket order.');
    validate(input);
    const fingerprint = fingerprintOf(input);
    const replay = await this.orders.findByIdempotencyKey(v.companyId, input.idempotencyKey);
    if (replay) return sameOrConflict(replay, fingerprint);
    const found = await this.em.findOne(BlanketOrderEntity, { id: input.blanketOrderId });
    if (!found || found.companyId !== v.companyId) throw notFound('Blanket order', input.blanketOrderId);
    const facts = await new OrderingFactsRepository(this.em).factsOf(v.companyId);
    if (!facts.account) throw forbidden('Only users of a customer company the ERP knows can place orders.');
    const shop = input.deliveryAddressCode ?? null;
    if (shop !== null && !facts.account.deliveryAddressCodes.includes(shop)) throw badUserInput(`${shop} is not one of your company's delivery addresses.`, 'deliveryAddressCode');

    try {
      return await this.em.transactional(async (em) => {
        const blanket = (await new BlanketOrderRepository(em).locked(found.id))!;
        if (blanket.status !== 'OPEN') throw conflict(`Blanket order ${blanket.number} is closed.`);
        const day = today();
        if (day < blanket.validFrom || day > blanket.validTo) throw conflict(`Blanket order ${blanket.number} can be drawn on from ${blanket.validFrom} to ${blanket.validTo}.`);
        const pending = (await new BlanketOrderRepository(em).pendingDrawdowns([blanket])).get(blanket.id) ?? [];
        const remaining = remainingOf(blanket.lines, pending);
        const lines = input.lines.map((wanted, i) => {
          const r = remaining.find((x) => x.line.lineNo === wanted.lineNo);
          if (!r) throw badUserInput(`Blanket order ${blanket.number} has no line ${wanted.lineNo}.`, `lines.${i}.lineNo`);
          const quantity = new Decimal(wanted.quantity);
          if (quantity.gt(r.remaining)) throw conflict(`Only ${r.remaining.toFixed()} of ${r.line.sku} remain on blanket order ${blanket.number} (line ${r.line.lineNo}).`);
          if (r.shops) {
            if (shop === null) throw badUserInput(`Line ${r.line.lineNo} is split per shop: give deliveryAddressCode (one of ${r.shops.map((s) => s.deliveryAddressCode).join(', ')}).`, 'deliveryAddressCode');
            const share = r.shops.find((s) => s.deliveryAddressCode === shop);
            if (!share) throw badUserInput(`Shop ${shop} has no share of line ${r.line.lineNo}.`, 'deliveryAddressCode');
            if (quantity.gt(share.remaining)) throw conflict(`Only ${share.remaining.toFixed()} of ${r.line.sku} remain for shop ${shop} on blanket order ${blanket.number} (line ${r.line.lineNo}).`);
          }
          return {
            lineNo: i + 1, productId: erpEntityId('product', r.line.sku), sku: r.line.sku, quantity: quantity.toFixed(), unitPrice: new Decimal(r.line.unitPrice).toFixed(),
            lineTotal: lineTotal(quantity, r.line.unitPrice, blanket.currency).toFixed(2),
          };
        });
        const totals = totalsOf(lines.map((l) => new Decimal(l.lineTotal)), blanket.currency, facts.account!.taxRatePercent);
        const order = Object.assign(new OrderEntity(), {
          id: randomUUID(),
          number: `W-${Date.now().toString(36).toUpperCase()}-${randomBytes(3).toString('hex').toUpperCase()}`,
          companyId: v.companyId, customerNumber: blanket.customerNumber, placedByUserId: v.userId, placedByActorId: v.actorId ?? null,
          idempotencyKey: input.idempotencyKey, requestFingerprint: fingerprint, status: OrderStatus.PENDING, placedAt: new Date(), currency: blanket.currency,
          total: totals.net.toFixed(2), taxTotal: totals.tax?.toFixed(2) ?? null, deliveryAddressCode: shop, pickupStoreCode: null, branchId: input.branchId ?? null,
          customerReference: optionalText(input.customerReference, 'customerReference', MAX_REFERENCE_LENGTH),
          notes: optionalText(input.notes, 'notes', MAX_NOTES_LENGTH), quoteId: null, quotePriceChanges: null,
          blanketOrderId: blanket.id, blanketOrderNumber: blanket.number,
        });
        // Above the company's approval limit it waits for a coworker's approval like any order; else the hold rules judge it.
        // Either way it keeps its quantities until decided (a rejected one gives them back).
        const settings = facts.settings;
        const needsApproval = !!settings?.approvalLimit && settings.approvalLimitCurrency === blanket.currency && totals.net.gt(settings.approvalLimit);
        const reasons = needsApproval ? [] : await new OrderWorkflow(em).holdReasons(order, facts);
        order.status = needsApproval ? OrderStatus.AWAITING_APPROVAL : reasons.length > 0 ? OrderStatus.ON_HOLD : OrderStatus.PENDING;
        order.holdReasons = reasons.length > 0 ? reasons : null;
        assertInitial(order.status);
        const actor = actorOf(v);
        const placed = { status: order.status, previousStatus: null, source: OrderEventSource.WEB, actorUserId: actor.userId, onBehalfActorId: actor.onBehalfActorId, reason: needsApproval ? `Drawn down from blanket order ${blanket.number}; above the company's approval limit of ${settings!.approvalLimit} ${blanket.currency}.` : `Drawn down from blanket order ${blanket.number}.`, details: null };
        const held = { status: OrderStatus.ON_HOLD, previousStatus: OrderStatus.ON_HOLD, source: OrderEventSource.HOLD_RULES, actorUserId: null, onBehalfActorId: null, reason: null, details: { holdReasons: reasons } };
        await new OrderRepository(em).insertPlaced({
          order, lines, events: reasons.length > 0 ? [placed, held] : [placed],
          outbox: order.status === OrderStatus.PENDING ? { topic: ORDER_PLACED_TOPIC, payload: erpSubmissionOf(order, lines) } : null,
          basket: null,
          announce: { channel: HUB_EVENTS_CHANNEL, payload: encodeEvent({ topic: ORDER_STATUS_CHANGED_TOPIC, key: order.id }) },
        });
        await new BlanketOrderRepository(em).markDrawdown(order.id, blanket);
        return order;
      });
    } catch (error) {
      // Two requests with the same key at once: the loser returns the winner's order.
      if ((error as { code?: string }).code === '23505' || (error as Error).name === 'UniqueConstraintViolationException') {
        const winner = await this.orders.findByIdempotencyKey(v.companyId, input.idempotencyKey);
        if (winner) return sameOrConflict(winner, fingerprint);
      }
      throw error;
    }
  }
}

function validate(input: DrawDownBlanketOrderInput): void {
  if (!/^[A-Za-z0-9_-]{8,128}$/.test(input.idempotencyKey)) throw badUserInput('idempotencyKey must be 8 to 128 letters, digits, "-" or "_".', 'idempotencyKey');
  if (!isUuid(input.blanketOrderId)) throw badUserInput('blanketOrderId must be a UUID.', 'blanketOrderId');
  if (input.branchId != null && !isUuid(input.branchId)) throw badUserInput('branchId must be a UUID.', 'branchId');
  if (input.deliveryAddressCode != null && !/^[A-Za-z0-9_.-]{1,40}$/.test(input.deliveryAddressCode)) throw badUserInput('deliveryAddressCode is not an address code.', 'deliveryAddressCode');
  if (input.lines.length === 0 || input.lines.length > 200) throw badUserInput('A drawdown has 1 to 200 lines.', 'lines');
  const seen = new Set<number>();
  input.lines.forEach((l, i) => {
    if (seen.has(l.lineNo)) throw badUserInput('Each blanket order line may appear once.', `lines.${i}.lineNo`);
    seen.add(l.lineNo);
    if (!Number.isInteger(l.quantity) || l.quantity < 1 || l.quantity > 100_000) throw badUserInput('quantity must be a whole number from 1 to 100,000.', `lines.${i}.quantity`);
  });
  optionalText(input.customerReference, 'customerReference', MAX_REFERENCE_LENGTH);
  optionalText(input.notes, 'notes', MAX_NOTES_LENGTH);
}

function fingerprintOf(input: DrawDownBlanketOrderInput): string {
  const content = ['blanket', input.blanketOrderId, input.lines.map((l) => `${l.lineNo}:${l.quantity}`).sort(), input.deliveryAddressCode ?? null, input.branchId ?? null, input.customerReference ?? null, input.notes ?? null];
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

function sameOrConflict(order: OrderEntity, fingerprint: string): OrderEntity {
  if (order.requestFingerprint !== fingerprint) throw conflict('This idempotencyKey was already used for a different order.');
  return order;
}
