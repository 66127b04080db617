import { randomBytes, randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { encodeEvent, HUB_EVENTS_CHANNEL } from '@hub/events';
import { hasPermission, requireStaffPermission, requireViewer, Viewer } from '@hub/auth';
import { badUserInput, conflict, forbidden, notFound } from '@hub/errors';
import { erpEntityId } from '@hub/erp-ids';
import { Decimal, isCurrencyCode } from '@hub/money';
import { isUuid } from '@hub/subgraph-kit';
import { OrderingFactsRepository } from '../account/ordering-facts.repository';
import { requireOrderer } from '../order/order-access';
import { ORDER_STATUS_CHANGED_TOPIC } from '../order/order-events';
import { OrderDiscount, OrderEntity } from '../order/order.entity';
import { OrderRepository } from '../order/order.repository';
import { OrderEventSource, OrderStatus } from '../order/order-status';
import { actorOf, OrderWorkflow } from '../order/order-workflow';
import { assertInitial } from '../order/order.state-machine';
import { erpSubmissionOf, ORDER_PLACED_TOPIC } from '../outbox/orders-outbox';
import { normalizeSku } from '../pricing/line-rules';
import {
  LoyaltyEntryEntity, LoyaltyEntryKind, LoyaltyRedemptionEntity, LoyaltyRedemptionStatus, LoyaltyRewardEntity, LoyaltyRewardKind, LoyaltyRuleEntity, LoyaltyRuleKind,
} from './loyalty.entity';
import { LoyaltyRewardInput, LoyaltyRuleInput } from './loyalty.inputs';
import { LoyaltyRepository, OpenLoyaltyDiscount } from './loyalty.repository';

export interface LoyaltyAccount {
  companyId: string;
  balance: number;
  history: LoyaltyEntryEntity[];
  openDiscounts: LoyaltyRedemptionEntity[];
}

/** Loyalty discounts an order takes, and how to mark them used in its transaction. */
export interface PreparedLoyaltyDiscounts {
  redemptions: OpenLoyaltyDiscount[];
  lines: OrderDiscount[];
}

/**
 * Loyalty points (C8): staff rules for earning (credited and taken back by the invoices' and credit
 * notes' sync, loyalty.ingest.ts), staff rewards; each company's balance and history; redeeming a
 * reward under the company's lock, never below zero: a product reward is ordered free of charge
 * through the order outbox at once, a discount waits for the company's next order.
 */
export class LoyaltyService {
  constructor(
    private readonly em: EntityManager,
    private readonly loyalty: LoyaltyRepository,
  ) {}

  rules(viewer: Viewer | null): Promise<LoyaltyRuleEntity[]> {
    requireStaffPermission(viewer, 'staff.orders');
    return this.em.find(LoyaltyRuleEntity, {}, { orderBy: { kind: 'asc', activeFrom: 'asc' } });
  }

  async setRule(viewer: Viewer | null, input: LoyaltyRuleInput): Promise<LoyaltyRuleEntity> {
    const v = requireStaffPermission(viewer, 'staff.orders');
    const points = new Decimal(input.points);
    if (points.lte(0) || points.gt(1_000_000) || points.decimalPlaces() > 4) throw badUserInput('points must be above 0 (at most four decimals).', 'points');
    const fields: Partial<LoyaltyRuleEntity> = { kind: input.kind, points: points.toFixed(4), active: input.active, sku: null, productGroup: null, perAmount: null, currency: null, updatedByUserId: v.userId, updatedAt: new Date() };
    if (input.kind === LoyaltyRuleKind.PER_QUANTITY) {
      if (!!input.sku === !!input.productGroup) throw badUserInput('A PER_QUANTITY rule names a sku or a productGroup (one of them).', 'sku');
      if (input.perAmount) throw badUserInput('A PER_QUANTITY rule has no perAmount.', 'perAmount');
      fields.sku = input.sku ? normalizeSku(input.sku, 'sku') : null;
      fields.productGroup = input.productGroup ? input.productGroup.trim() : null;
      if (fields.productGroup !== null && !/^[A-Za-z0-9_.-]{1,40}$/.test(fields.productGroup)) throw badUserInput('productGroup is a category code.', 'productGroup');
    } else {
      if (!input.perAmount) throw badUserInput('A PER_ORDER_VALUE rule needs perAmount.', 'perAmount');
      if (input.sku || input.productGroup) throw badUserInput('A PER_ORDER_VALUE rule names no sku or productGroup.', 'sku');
      const per = new Decimal(input.perAmount.amount);
      if (per.lte(0) || per.decimalPlaces() > 2) throw badUserInput('perAmount must be above 0 (two decimals).', 'perAmount.amount');
      if (!isCurrencyCode(input.perAmount.currency)) throw badUserInput('currency must be an ISO 4217 code.', 'perAmount.currency');
      fields.perAmount = per.toFixed(2);
      fields.currency = input.perAmount.currency;
    }
    return this.em.transactional(async (em) => {
      let rule: LoyaltyRuleEntity;
      if (input.id) {
        if (!isUuid(input.id)) throw badUserInput('id must be a UUID.', 'id');
        const found = await em.findOne(LoyaltyRuleEntity, { id: input.id });
        if (!found) throw notFound('Loyalty rule', input.id);
        rule = found;
        // Switched on again: from now on (invoices issued while it was off do not earn by it later).
        if (!rule.active && input.active) fields.activeFrom = new Date();
      } else {
        rule = em.create(LoyaltyRuleEntity, { ...fields, activeFrom: new Date() } as LoyaltyRuleEntity);
      }
      return Object.assign(rule, fields);
    });
  }

  async rewards(viewer: Viewer | null): Promise<LoyaltyRewardEntity[]> {
    const v = requireViewer(viewer);
    // Customers see what they can redeem; staff every reward.
    return this.em.find(LoyaltyRewardEntity, v.kind === 'STAFF' ? {} : { active: true }, { orderBy: { pointsCost: 'asc', name: 'asc' } });
  }

  async setReward(viewer: Viewer | null, input: LoyaltyRewardInput): Promise<LoyaltyRewardEntity> {
    requireStaffPermission(viewer, 'staff.orders');
    const name = input.name.trim();
    if (name.length === 0 || name.length > 200) throw badUserInput('name must be 1 to 200 characters.', 'name');
    if (!Number.isInteger(input.pointsCost) || input.pointsCost < 1 || input.pointsCost > 100_000_000) throw badUserInput('pointsCost must be a whole number above 0.', 'pointsCost');
    const fields: Partial<LoyaltyRewardEntity> = { name, kind: input.kind, pointsCost: input.pointsCost, active: input.active, sku: null, quantity: null, amount: null, currency: null, updatedAt: new Date() };
    if (input.kind === LoyaltyRewardKind.PRODUCT) {
      if (!input.sku || input.discount) throw badUserInput('A PRODUCT reward names a sku (and no discount).', 'sku');
      const quantity = input.quantity ?? 1;
      if (!Number.isInteger(quantity) || quantity < 1 || quantity > 1000) throw badUserInput('quantity must be 1 to 1,000.', 'quantity');
      Object.assign(fields, { sku: normalizeSku(input.sku, 'sku'), quantity });
    } else {
      if (!input.discount || input.sku) throw badUserInput('A DISCOUNT reward needs discount (and no sku).', 'discount');
      const amount = new Decimal(input.discount.amount);
      if (amount.lte(0) || amount.decimalPlaces() > 2) throw badUserInput('discount must be above 0 (two decimals).', 'discount.amount');
      if (!isCurrencyCode(input.discount.currency)) throw badUserInput('currency must be an ISO 4217 code.', 'discount.currency');
      Object.assign(fields, { amount: amount.toFixed(2), currency: input.discount.currency });
    }
    return this.em.transactional(async (em) => {
      if (!input.id) return em.create(LoyaltyRewardEntity, fields as LoyaltyRewardEntity);
      if (!isUuid(input.id)) throw badUserInput('id must be a UUID.', 'id');
      const reward = await em.findOne(LoyaltyRewardEntity, { id: input.id });
      if (!reward) throw notFound('Loyalty reward', input.id);
      return Object.assign(reward, fields);
    });
  }

  /** A customer's own company's points (orders.view), or for staff (staff.orders) a company's. */
  async account(viewer: Viewer | null, companyId: string | null | undefined, first: number): Promise<LoyaltyAccount> {
    const v = requireViewer(viewer);
    let company: string;
    if (v.kind === 'STAFF') {
      requireStaffPermission(v, 'staff.orders');
      if (!companyId || !isUuid(companyId)) throw badUserInput('Staff name the company: companyId (a UUID).', 'companyId');
      company = companyId;
    } else {
      if (!hasPermission(v, 'orders.view')) throw forbidden('You need the "orders.view" permission.');
      if (!v.companyId) throw forbidden('Only customer companies collect points.');
      if (companyId && companyId !== v.companyId) throw notFound('Company', companyId);
      company = v.companyId;
    }
    if (!Number.isInteger(first) || first < 1 || first > 500) throw badUserInput('first must be 1 to 500.', 'first');
    const [balance, history, openDiscounts] = await Promise.all([this.loyalty.balance(company), this.loyalty.history(company, first), this.loyalty.openDiscounts(company)]);
    return { companyId: company, balance, history, openDiscounts };
  }

  /**
   * Spends points on a reward (orders.place). Not enough points: CONFLICT, nothing changes. The same
   * idempotency key returns the same redemption. A product goes to the ERP at once as a free order.
   */
  async redeem(viewer: Viewer | null, rewardId: string, idempotencyKey: string): Promise<LoyaltyRedemptionEntity> {
    const v = requireOrderer(viewer);
    if (!hasPermission(v, 'orders.place')) throw forbidden('You need the "orders.place" permission to redeem points.');
    if (!/^[A-Za-z0-9_-]{8,128}$/.test(idempotencyKey)) throw badUserInput('idempotencyKey must be 8 to 128 letters, digits, "-" or "_".', 'idempotencyKey');
    if (!isUuid(rewardId)) throw badUserInput('rewardId must be a UUID.', 'rewardId');
    const replay = await this.em.findOne(LoyaltyRedemptionEntity, { companyId: v.companyId, idempotencyKey });
    if (replay) {
      if (replay.rewardId !== rewardId) throw conflict('This idempotencyKey was already used for another redemption.');
      return replay;
    }
    const reward = await this.em.findOne(LoyaltyRewardEntity, { id: rewardId, active: true });
    if (!reward) throw notFound('Loyalty reward', rewardId);
    const facts = await new OrderingFactsRepository(this.em).factsOf(v.companyId);
    if (!facts.account) throw forbidden('Only users of a customer company the ERP knows can redeem points.');
    if (reward.kind === LoyaltyRewardKind.DISCOUNT && reward.currency !== facts.account.currency) throw badUserInput(`This reward is for orders in ${reward.currency}; your company buys in ${facts.account.currency}.`, 'rewardId');

    return this.em.transactional(async (em) => {
      const repo = new LoyaltyRepository(em);
      await repo.lockCompany(v.companyId);
      const balance = await repo.balance(v.companyId);
      if (balance < reward.pointsCost) throw conflict(`Not enough points: ${reward.name} costs ${reward.pointsCost}, your company has ${balance}.`);
      const redemption = em.create(LoyaltyRedemptionEntity, {
        id: randomUUID(), companyId: v.companyId, userId: v.userId, rewardId: reward.id, rewardName: reward.name, kind: reward.kind, points: reward.pointsCost,
        amount: reward.amount, currency: reward.currency, status: LoyaltyRedemptionStatus.OPEN, orderId: null, idempotencyKey,
      });
      em.create(LoyaltyEntryEntity, {
        companyId: v.companyId, kind: LoyaltyEntryKind.REDEEMED, points: -reward.pointsCost, sourceKey: `redemption:${redemption.id}`, documentNumber: null, invoiceNumber: null,
        basisNet: null, orderId: null, redemptionId: redemption.id, description: `Redeemed: ${reward.name}`, at: new Date(),
      });
      if (reward.kind === LoyaltyRewardKind.PRODUCT) {
        const order = await placeRewardOrder(em, v, facts, reward, redemption.id);
        Object.assign(redemption, { status: LoyaltyRedemptionStatus.USED, orderId: order.id });
      }
      await em.flush();
      return redemption;
    });
  }

  /** The company's redeemed discounts the order takes (in its currency), each at most what is left of its value; `open`: the company's open ones, oldest first (read with the order's other facts). */
  static prepareDiscounts(open: readonly OpenLoyaltyDiscount[], net: Decimal, currency: string): PreparedLoyaltyDiscounts {
    let left = net;
    const redemptions: OpenLoyaltyDiscount[] = [];
    const lines: OrderDiscount[] = [];
    for (const r of open.filter((d) => d.currency === currency)) {
      const amount = Decimal.min(new Decimal(r.amount), left);
      if (amount.lte(0)) break;
      left = left.minus(amount);
      redemptions.push(r);
      lines.push({ kind: 'LOYALTY', reference: r.id, description: `Loyalty reward: ${r.rewardName}`, amount: amount.toFixed(2) });
    }
    return { redemptions, lines };
  }

  /** In the order's transaction: CONFLICT when another order took one of the discounts meanwhile (this order is then not placed). */
  static async useDiscounts(em: EntityManager, prepared: PreparedLoyaltyDiscounts, orderId: string): Promise<void> {
    if (prepared.redemptions.length === 0) return;
    const used = await new LoyaltyRepository(em).useDiscounts(prepared.redemptions.map((r) => r.id), orderId);
    if (used !== prepared.redemptions.length) throw conflict('A loyalty discount was just applied to another order of your company; place the order again.');
  }
}

/** A product reward: an order of it free of charge, through the order outbox like any order (hold rules included). */
async function placeRewardOrder(
  em: EntityManager, v: Viewer & { companyId: string }, facts: Awaited<ReturnType<OrderingFactsRepository['factsOf']>>, reward: LoyaltyRewardEntity, redemptionId: string,
): Promise<OrderEntity> {
  const account = facts.account!;
  const order = Object.assign(new OrderEntity(), {
    id: randomUUID(), number: `W-${Date.now().toString(36).toUpperCase()}-${randomBytes(3).toString('hex').toUpperCase()}`,
    companyId: v.companyId, customerNumber: account.customerNumber, placedByUserId: v.userId, placedByActorId: v.actorId ?? null,
    idempotencyKey: `loyalty-${redemptionId}`, requestFingerprint: null, status: OrderStatus.PENDING, placedAt: new Date(), currency: account.currency,
    total: '0.00', taxTotal: account.taxRatePercent === null ? null : '0.00', deliveryAddressCode: null, pickupStoreCode: null, branchId: null,
    customerReference: null, notes: `Loyalty reward: ${reward.name}`, quoteId: null, quotePriceChanges: null,
  });
  const lines = [{ lineNo: 1, productId: erpEntityId('product', reward.sku!), sku: reward.sku!, quantity: String(reward.quantity ?? 1), unitPrice: '0', lineTotal: '0.00' }];
  const reasons = await new OrderWorkflow(em).holdReasons(order, facts);
  order.status = reasons.length > 0 ? OrderStatus.ON_HOLD : OrderStatus.PENDING;
  order.holdReasons = reasons.length > 0 ? reasons : null;
  assertInitial(order.status);
  const actor = actorOf(v);
  const placed = { status: order.status, previousStatus: null, source: OrderEventSource.WEB, actorUserId: actor.userId, onBehalfActorId: actor.onBehalfActorId, reason: `Loyalty reward: ${reward.name}.`, details: null };
  const held = { status: OrderStatus.ON_HOLD, previousStatus: OrderStatus.ON_HOLD, source: OrderEventSource.HOLD_RULES, actorUserId: null, onBehalfActorId: null, reason: null, details: { holdReasons: reasons } };
  await new OrderRepository(em).insertPlaced({
    order, lines, events: reasons.length > 0 ? [placed, held] : [placed],
    outbox: order.status === OrderStatus.PENDING ? { topic: ORDER_PLACED_TOPIC, payload: erpSubmissionOf(order, lines) } : null,
    basket: null,
    announce: { channel: HUB_EVENTS_CHANNEL, payload: encodeEvent({ topic: ORDER_STATUS_CHANGED_TOPIC, key: order.id }) },
  });
  return order;
}
