import { randomBytes, randomUUID } from 'node:crypto';
import { encodeEvent, HUB_EVENTS_CHANNEL } from '@hub/events';
import { EntityManager } from '@mikro-orm/postgresql';
import { hasPermission, Viewer } from '@hub/auth';
import { badUserInput, conflict, forbidden, notFound } from '@hub/errors';
import { Decimal } from '@hub/money';
import { Basket } from '../basket/basket.repository';
import { OrderPlacementRepository } from './order-placement.repository';
import { erpSubmissionOf, ORDER_PLACED_TOPIC } from '../outbox/orders-outbox';
import { ORDER_STATUS_CHANGED_TOPIC } from './order-events';
import { assertInitial } from './order.state-machine';
import { checkDelivery } from '../basket/basket.service';
import { OrderingFactsService } from '../account/ordering-facts.repository';
import { lineTotal, optionalText, totalsOf } from '../pricing/line-rules';
import { OrderPricingService } from '../pricing/order-pricing.service';
import { requireOrderable } from '../pricing/priced-lines';
import { QuoteEntity, QuoteStatus } from '../quote/quote.entity';
import { QuoteRepository } from '../quote/quote.repository';
import { isValid, priceChangesOf } from '../quote/quote.service';
import { OrderDiscount, OrderEntity, QuotePriceChange } from './order.entity';
import { MAX_NOTES_LENGTH, MAX_REFERENCE_LENGTH, OrderSource, PlaceOrderInput, requestFingerprint, sameLines, validatePlaceOrder } from './order.inputs';
import { requireOrderer } from './order-access';
import { OrderRepository } from './order.repository';
import { OrderEventSource, OrderStatus } from './order-status';
import { actorOf, OrderWorkflow } from './order-workflow';
import { requirePickupStore } from '../pickup/pickup.service';
import { DeliveryCostService } from '../delivery-cost/delivery-cost.service';
import { orderDeliveryOf } from '../delivery-cost/order-delivery';
import { DiscountCodeService } from '../discount-code/discount-code.service';
import { DiscountCodeRepository } from '../discount-code/discount-code.repository';
import { LoyaltyService } from '../loyalty/loyalty.service';
import { AuthSecrets, signPaymentRequest } from '@hub/auth';
import { HubError } from '@hub/errors';
import { isUuid } from '@hub/subgraph-kit';
import { createHash } from 'node:crypto';
import { authorizeOrderCard, OrderCardPayment, orderCardPayment } from '../guest-basket/payment.client';
import { PaymentMethod } from './order-payment-method';
import { prepaidSubmission, rejectUnpaidOrder, releasePaidOrder } from './order-payment';
import { PaymentCardInput } from './order.inputs';

/** The id of a card-paid order, the same for every request with its company and key. */
function orderIdForKey(companyId: string, key: string): string {
  const h = createHash('sha256').update(`card-order:${companyId}:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

interface DraftLine {
  productId: string;
  sku: string;
  quantity: number;
  /** From a quote. */
  quotedUnitPrice: string | null;
  /** A configured basket line's options (P7). */
  options?: ReadonlyArray<{ code: string; value: string }> | null;
}

/**
 * Lines agreed elsewhere (an accepted offer): ordered at their agreed unit prices and line totals,
 * and claimed by `claim` in the order's transaction (it throws when they were taken meanwhile).
 */
export interface AgreedOrder {
  currency: string;
  lines: Array<{ productId: string; sku: string; quantity: number; unitPrice: string; lineTotal: string }>;
  claim(em: EntityManager, orderId: string): Promise<void>;
}

interface Draft {
  lines: DraftLine[];
  agreed?: AgreedOrder;
  details: { deliveryAddressCode: string | null; branchId: string | null; customerReference: string | null; notes: string | null };
  quote: QuoteEntity | null;
  /** Basket lines ordered (emptied from the basket with the order). */
  basketProductIds: string[] | null;
  /** How a line's field is named in an error. */
  field(index: number, part: 'product' | 'quantity'): string;
}

/**
 * Placing an order (O3): from given lines, the basket or a quote; priced as the customer sees it
 * (a valid quote: as quoted); delivery address and branch from the company's own. A user with
 * orders.place places it (above the company's approval limit it waits for a coworker's approval);
 * a user with only orders.submit submits it for approval, where the company takes such orders.
 * An order that may go to the ERP is judged by the hold rules at once, and written with everything
 * that goes with it in one statement (OrderRepository.insertPlaced). The same
 * idempotency key returns the same order; with another request it is a CONFLICT.
 */
export class OrderPlacementService {
  constructor(
    private readonly em: EntityManager,
    private readonly orders: OrderRepository,
    private readonly placements: OrderPlacementRepository,
    private readonly quotes: QuoteRepository,
    private readonly pricing: OrderPricingService,
    private readonly facts: OrderingFactsService,
    private readonly deliveryCosts: DeliveryCostService | null = null,
    /** Where prepaid cards are authorised (finance, through the gateway) and what signs their payment requests. */
    private readonly cards: { gatewayUrl: () => string; secrets: AuthSecrets } | null = null,
  ) {}

  /** `agreed`: the order's lines come from an accepted offer (input.lines name the same products and quantities). */
  async place(viewer: Viewer | null, input: PlaceOrderInput, agreed: AgreedOrder | null = null): Promise<OrderEntity> {
    const v = requireOrderer(viewer);
    const source = validatePlaceOrder(input);
    const fingerprint = requestFingerprint(input);
    // Read at once: the key (almost never used before), the basket (its code, its products' delivery facts), the company's facts and loyalty discounts.
    const read = await this.placements.read(v.companyId, v.userId, input.idempotencyKey);
    this.facts.prime(v.companyId, read.facts);
    const facts = read.facts;
    if (read.keyUsed) {
      const existing = await this.orders.findByIdempotencyKey(v.companyId, input.idempotencyKey);
      if (existing) return this.sameOrConflict(existing, input, fingerprint);
    }
    // A replay finds the basket emptied: its source is judged only for a new order.
    const draft = agreed ? agreedDraft(agreed) : await this.draft(v, source, read.basket);
    const branchId = input.branchId ?? draft.details.branchId;
    // Collected in a store: no delivery address at all (not the basket's, quote's or branch's either).
    const pickupStore = input.pickupStoreCode ? await requirePickupStore(this.em, input.pickupStoreCode) : null;
    const [pricing, delivery] = await Promise.all([
      this.pricing.price(draft.lines.map((l) => ({ productId: l.productId, quantity: l.quantity, ...(l.options ? { options: l.options } : {}) }))),
      checkDelivery(this.pricing, this.facts, v.companyId, { deliveryAddressCode: pickupStore ? null : input.deliveryAddressCode ?? draft.details.deliveryAddressCode, branchId }),
    ]);
    const priced = requireOrderable(pricing, draft.field, (i) => draft.lines[i].sku);
    const deliveryAddressCode = pickupStore ? null : input.deliveryAddressCode ?? draft.details.deliveryAddressCode ?? delivery.branchDeliveryAddressCode;
    const taxRatePercent = facts.account?.taxRatePercent ?? null;
    const settings = facts.settings;
    if (!delivery.customerNumber) throw forbidden('Only users of a customer company the ERP knows can place orders.');

    // A valid quote is ordered at its prices; after it expired, at today's, and the order tells which changed.
    const quoted = (draft.quote !== null && isValid(draft.quote)) || !!draft.agreed;
    const currency = draft.agreed?.currency ?? (quoted ? draft.quote!.currency : priced[0].currency);
    if (quoted && priced[0].currency !== currency) throw conflict('The quote is in another currency than your company buys in now; save a new quote.');
    const unitPrices = priced.map((p, i) => (quoted ? new Decimal(draft.lines[i].quotedUnitPrice!) : p.unitPrice));
    const priceChanges: QuotePriceChange[] = draft.quote && !quoted ? priceChangesOf(draft.quote.lines.getItems(), priced.map((p) => p.unitPrice)) : [];
    const lineTotals = priced.map((p, i) => (draft.agreed ? new Decimal(draft.agreed.lines[i].lineTotal) : lineTotal(p.quantity, unitPrices[i], currency)));
    // A discount code (given, or applied to the ordered basket) comes off the lines' value; tax is on what remains.
    const codeDiscount = await new DiscountCodeService(this.em, new DiscountCodeRepository(this.em))
      .prepare(v.companyId, input.discountCode, source.kind === 'basket' ? read.basketCodeId : null, totalsOf(lineTotals, currency, null).net, currency);
    const discounts: OrderDiscount[] = codeDiscount
      ? [{ kind: 'CODE', reference: codeDiscount.code.code, description: `Discount code ${codeDiscount.code.code} (${codeDiscount.code.label})`, amount: codeDiscount.amount.toFixed(2) }]
      : [];
    // Loyalty discounts the company redeemed come off what is left.
    const loyaltyDiscounts = LoyaltyService.prepareDiscounts(read.loyaltyDiscounts, totalsOf([...lineTotals, ...discounts.map((d) => new Decimal(d.amount).neg())], currency, null).net, currency);
    discounts.push(...loyaltyDiscounts.lines);
    // Delivery (O12) as the basket showed it: to the delivery address, by the method asked for (else the cheapest); none for a pick-up.
    const orderDelivery = pickupStore || !this.deliveryCosts ? null : await orderDeliveryOf(this.deliveryCosts, {
      lines: priced.map((p, i) => ({ productId: p.productId, sku: p.sku, quantity: p.quantity, lineTotal: lineTotals[i] })),
      currency, deliveryAddressCode, method: input.deliveryMethod?.trim().toUpperCase() || null, companyId: v.companyId,
    }, draft.basketProductIds ? read.basketDelivery : undefined);
    const deliveryCharge = orderDelivery && new Decimal(orderDelivery.total).gt(0) ? [new Decimal(orderDelivery.total)] : [];
    const totals = totalsOf([...lineTotals, ...discounts.map((d) => new Decimal(d.amount).neg()), ...deliveryCharge], currency, taxRatePercent);

    const overLimit = !!settings?.approvalLimit && settings.approvalLimitCurrency === currency && totals.net.gt(settings.approvalLimit);
    const mayPlace = hasPermission(v, 'orders.place');
    if (!mayPlace && !settings?.requiresApproval) throw forbidden('You need the "orders.place" permission: your company does not take orders for approval.');
    const needsApproval = !mayPlace || overLimit;

    // Prepaid by card: authorised before anything is written (declined: PAYMENT_DECLINED, no order). The order's id follows
    // from the company and the key, so a retry (or two requests at once) asks for one authorisation.
    const prepaid = input.paymentMethod === PaymentMethod.PREPAID_CARD;
    if (prepaid && needsApproval) throw badUserInput("An order that waits for a coworker's approval is paid on account, not by card.", 'paymentMethod');
    const orderId = prepaid ? orderIdForKey(v.companyId, input.idempotencyKey) : randomUUID();
    const card = prepaid ? await this.authorise(orderId, totals.gross ?? totals.net, currency, v.companyId, delivery.customerNumber, input.card!, input.returnUrl ?? null) : null;

    try {
      return await this.em.transactional(async (em) => {
        const order = Object.assign(new OrderEntity(), {
          id: orderId,
          number: `W-${Date.now().toString(36).toUpperCase()}-${randomBytes(3).toString('hex').toUpperCase()}`,
          companyId: v.companyId,
          customerNumber: delivery.customerNumber,
          placedByUserId: v.userId,
          // Staff acting as the customer user: the order keeps who really placed it.
          placedByActorId: v.actorId ?? null,
          idempotencyKey: input.idempotencyKey,
          requestFingerprint: fingerprint,
          status: OrderStatus.AWAITING_APPROVAL,
          placedAt: new Date(),
          currency,
          total: totals.net.toFixed(2),
          taxTotal: totals.tax?.toFixed(2) ?? null,
          deliveryAddressCode,
          pickupStoreCode: pickupStore?.code ?? null,
          branchId: branchId ?? null,
          customerReference: optionalText(input.customerReference, 'customerReference', MAX_REFERENCE_LENGTH) ?? draft.details.customerReference,
          notes: optionalText(input.notes, 'notes', MAX_NOTES_LENGTH) ?? draft.details.notes,
          quoteId: draft.quote?.id ?? null,
          quotePriceChanges: priceChanges.length > 0 ? priceChanges : null,
          delivery: orderDelivery,
          discounts: discounts.length > 0 ? discounts : null,
          paymentMethod: input.paymentMethod ?? null,
        });
        const lines = priced.map((p, i) => ({
          lineNo: i + 1, productId: p.productId, sku: p.sku, quantity: String(p.quantity), unitPrice: unitPrices[i].toFixed(), lineTotal: lineTotals[i].toFixed(2),
          configuration: p.configuration ?? null,
        }));
        // Submitted for approval, or judged by the hold rules now (under the company's lock, until commit).
        const awaitingCard = card !== null && card.status !== 'AUTHORIZED' && card.status !== 'CAPTURED';
        const reasons = needsApproval || awaitingCard ? [] : await new OrderWorkflow(em).holdReasons(order, facts);
        order.status = awaitingCard ? OrderStatus.AWAITING_PAYMENT : needsApproval ? OrderStatus.AWAITING_APPROVAL : reasons.length > 0 ? OrderStatus.ON_HOLD : OrderStatus.PENDING;
        order.holdReasons = reasons.length > 0 ? reasons : null;
        assertInitial(order.status);
        const actor = actorOf(v);
        const placedEvent = {
          status: order.status, previousStatus: null, source: OrderEventSource.WEB, actorUserId: actor.userId, onBehalfActorId: actor.onBehalfActorId,
          reason: needsApproval && mayPlace ? `Above the company's approval limit of ${settings!.approvalLimit} ${currency}.` : null, details: null,
        };
        const heldEvent = {
          status: OrderStatus.ON_HOLD, previousStatus: OrderStatus.ON_HOLD, source: OrderEventSource.HOLD_RULES, actorUserId: null, onBehalfActorId: null, reason: null, details: { holdReasons: reasons },
        };
        if (draft.quote && !(await new QuoteRepository(em).markOrdered(draft.quote.id, order.id))) throw conflict(`Quote ${draft.quote.number} was already ordered.`);
        if (draft.agreed) await draft.agreed.claim(em, order.id);
        // The code's use is registered first: its row lock orders concurrent checkouts, and the one that finds it used up places nothing.
        if (codeDiscount) await DiscountCodeService.claim(em, codeDiscount, { orderId: order.id, companyId: v.companyId, userId: v.userId, currency });
        await LoyaltyService.useDiscounts(em, loyaltyDiscounts, order.id);
        await new OrderRepository(em).insertPlaced({
          order,
          lines,
          events: reasons.length > 0 ? [placedEvent, heldEvent] : [placedEvent],
          outbox: order.status === OrderStatus.PENDING ? { topic: ORDER_PLACED_TOPIC, payload: card ? prepaidSubmission(order, lines, card.id) : erpSubmissionOf(order, lines) } : null,
          basket: draft.basketProductIds ? { userId: v.userId, productIds: draft.basketProductIds } : null,
          announce: { channel: HUB_EVENTS_CHANNEL, payload: encodeEvent({ topic: ORDER_STATUS_CHANGED_TOPIC, key: order.id }) },
        });
        return order;
      });
    } catch (error) {
      // Two requests with the same key at once: the loser returns the winner's order.
      if ((error as { code?: string }).code === '23505' || (error as Error).name === 'UniqueConstraintViolationException') {
        const winner = await this.orders.findByIdempotencyKey(v.companyId, input.idempotencyKey);
        if (winner) return this.sameOrConflict(winner, input, fingerprint);
      }
      throw error;
    }
  }

  /** Authorises the order's card with finance (through the gateway, by a payment request this subgraph signs). */
  private async authorise(orderId: string, amount: Decimal, currency: string, companyId: string, customerNumber: string, card: PaymentCardInput, returnUrl: string | null): Promise<OrderCardPayment> {
    if (!this.cards) throw new HubError('UNAVAILABLE', 'Card payments are not set up here.');
    const request = await signPaymentRequest({ orderId, amount: amount.toFixed(2), currency, companyId, customerNumber, payerEmail: null }, this.cards.secrets);
    const payment = await authorizeOrderCard(this.cards.gatewayUrl(), request, { number: card.number, expMonth: card.expMonth, expYear: card.expYear, cvc: card.cvc }, returnUrl);
    if (payment.status === 'DECLINED' || payment.status === 'CANCELLED') throw new HubError('PAYMENT_DECLINED', `The card was declined: ${payment.failureReason ?? 'try another card'}.`);
    return payment;
  }

  /**
   * After the payer's 3-D Secure step for a company order paid by card: authorised, the order is
   * judged by the hold rules and goes to the ERP; failed, it is REJECTED. Another company's order is
   * NOT_FOUND; one not waiting for its card is returned as it is.
   */
  async confirmPayment(viewer: Viewer | null, orderId: string): Promise<OrderEntity> {
    const v = requireOrderer(viewer);
    if (!isUuid(orderId)) throw badUserInput('orderId must be a UUID.', 'orderId');
    const order = await this.em.findOne(OrderEntity, { id: orderId });
    if (!order || order.companyId !== v.companyId) throw notFound('Order', orderId);
    if (order.status === OrderStatus.AWAITING_PAYMENT) {
      if (!this.cards) throw new HubError('UNAVAILABLE', 'Card payments are not set up here.');
      const request = await signPaymentRequest({ orderId, amount: order.total, currency: order.currency, companyId: order.companyId, customerNumber: order.customerNumber, payerEmail: null }, this.cards.secrets);
      const payment = await orderCardPayment(this.cards.gatewayUrl(), request);
      if (payment.status === 'AUTHORIZED' || payment.status === 'CAPTURED') await releasePaidOrder(this.em, orderId, payment.id);
      else if (payment.status === 'DECLINED' || payment.status === 'CANCELLED') await rejectUnpaidOrder(this.em, orderId, payment.failureReason);
    }
    this.em.clear();
    return (await this.em.findOne(OrderEntity, { id: orderId }))!;
  }

  /** Where the lines, delivery and references come from. */
  private async draft(v: Viewer & { companyId: string }, source: OrderSource, basket: Basket | null): Promise<Draft> {
    const none = { deliveryAddressCode: null, branchId: null, customerReference: null, notes: null };
    if (source.kind === 'lines') {
      return {
        lines: source.lines.map((l) => ({ productId: l.productId, sku: l.productId, quantity: l.quantity, quotedUnitPrice: null })),
        details: none,
        quote: null,
        basketProductIds: null,
        field: (i, part) => `lines.${i}.${part === 'product' ? 'productId' : 'quantity'}`,
      };
    }
    if (source.kind === 'quote') {
      const quote = await this.quotes.withLines(source.quoteId);
      // Another company's quote is NOT_FOUND, like a missing one.
      if (!quote || quote.companyId !== v.companyId) throw notFound('Quote', source.quoteId);
      if (quote.status !== QuoteStatus.OPEN) throw conflict(`Quote ${quote.number} was already ordered.`);
      return {
        lines: quote.lines.getItems().map((l) => ({ productId: l.productId, sku: l.sku, quantity: new Decimal(l.quantity).toNumber(), quotedUnitPrice: l.unitPrice })),
        details: { deliveryAddressCode: quote.deliveryAddressCode, branchId: quote.branchId, customerReference: quote.customerReference, notes: quote.notes },
        quote,
        basketProductIds: null,
        field: () => 'quoteId',
      };
    }
    const lines = basket?.lines ?? [];
    if (lines.length === 0) throw badUserInput('Your basket is empty.', 'basket');
    return {
      lines: lines.map((l) => ({ productId: l.productId, sku: l.sku, quantity: new Decimal(l.quantity).toNumber(), quotedUnitPrice: null, options: l.configuration?.options ?? null })),
      details: { deliveryAddressCode: basket!.deliveryAddressCode, branchId: basket!.branchId, customerReference: basket!.customerReference, notes: basket!.notes },
      quote: null,
      basketProductIds: lines.map((l) => l.productId),
      field: () => 'basket',
    };
  }

  private sameOrConflict(order: OrderEntity, input: PlaceOrderInput, fingerprint: string): OrderEntity {
    const same = order.requestFingerprint
      ? order.requestFingerprint === fingerprint
      : !!input.lines && sameLines(order.lines.getItems().map((l) => ({ productId: l.productId, quantity: Number(l.quantity) })), input.lines);
    if (!same) throw conflict('This idempotencyKey was already used for a different order.');
    return order;
  }
}

function agreedDraft(agreed: AgreedOrder): Draft {
  return {
    lines: agreed.lines.map((l) => ({ productId: l.productId, sku: l.sku, quantity: l.quantity, quotedUnitPrice: l.unitPrice })),
    agreed,
    details: { deliveryAddressCode: null, branchId: null, customerReference: null, notes: null },
    quote: null,
    basketProductIds: null,
    field: (i, part) => `lines.${i}.${part === 'product' ? 'productId' : 'quantity'}`,
  };
}
