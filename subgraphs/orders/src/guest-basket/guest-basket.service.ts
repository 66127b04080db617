import { EntityManager } from '@mikro-orm/postgresql';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { AuthSecrets, signPaymentRequest, Viewer } from '@hub/auth';
import { encodeEvent, HUB_EVENTS_CHANNEL } from '@hub/events';
import { PUBLIC_SHOP_CUSTOMER_NUMBER } from '@hub/erp-contract';
import { erpEntityId } from '@hub/erp-ids';
import { badUserInput, conflict, forbidden, HubError, notFound } from '@hub/errors';
import { Decimal } from '@hub/money';
import { isUuid } from '@hub/subgraph-kit';
import { BasketService } from '../basket/basket.service';
import { Basket } from '../basket/basket.repository';
import { requireOrderer } from '../order/order-access';
import { GuestContact, HoldReason, OrderEntity } from '../order/order.entity';
import { OrderRepository } from '../order/order.repository';
import { ORDER_STATUS_CHANGED_TOPIC } from '../order/order-events';
import { OrderEventSource, OrderStatus } from '../order/order-status';
import { holdReasonsFor, prepaidSubmission, rejectUnpaidOrder, releasePaidOrder } from '../order/order-payment';
import { PaymentMethod } from '../order/order-payment-method';
import { assertInitial } from '../order/order.state-machine';
import { ORDER_PLACED_TOPIC } from '../outbox/orders-outbox';
import { requirePickupStore } from '../pickup/pickup.service';
import { priceLines } from '../pricing/order-pricing.client';
import { lineTotal } from '../pricing/line-rules';
import { requireOrderable } from '../pricing/priced-lines';
import { GuestBasketEntity, GuestBasketLine } from './guest-basket.entity';
import { signGuestBasketToken, verifyGuestBasketToken } from './guest-basket-token';
import { deliveryChargeOf, GuestDeliveryMethod, guestDeliveryOf } from './guest-delivery-cost';
import { DeliveryCostService } from '../delivery-cost/delivery-cost.service';
import { authorizeOrderCard, OrderCardPayment, orderCardPayment } from './payment.client';

/** The company id the public shop's guest orders are kept under: the ERP's cash-sale customer's (no company of the hub has it). */
export const PUBLIC_SHOP_COMPANY_ID = erpEntityId('customer', PUBLIC_SHOP_CUSTOMER_NUMBER);

const MAX_LINES = 100;
const MAX_QUANTITY = 10_000;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,}$/;

export interface PricedGuestLine {
  productId: string;
  sku: string;
  name: string;
  quantity: number;
  unitPrice: Decimal;
  lineTotal: Decimal;
  currency: string;
}

export interface GuestBasketView {
  token: string;
  lines: PricedGuestLine[];
  net: Decimal;
  currency: string | null;
  /** The order checked out from it, once. */
  orderId: string | null;
}

export interface GuestCheckoutInput {
  name: string;
  email: string;
  phone?: string | null;
  deliveryMethod: GuestDeliveryMethod;
  address?: { street: string; postalCode: string; city: string; country: string } | null;
  pickupStoreCode?: string | null;
  card: { number: string; expMonth: number; expYear: number; cvc: string };
  returnUrl?: string | null;
}

export interface GuestCheckoutView {
  order: OrderEntity;
  deliveryCost: Decimal;
  payment: OrderCardPayment | null;
}

function text(value: string | null | undefined, field: string, max: number, required = true): string | null {
  const t = (value ?? '').trim();
  if (!t) {
    if (required) throw badUserInput(`${field} is required.`, field);
    return null;
  }
  if (t.length > max) throw badUserInput(`${field} may be at most ${max} characters.`, field);
  return t;
}

/**
 * The public prepaid shop (O8): anonymous visitors fill a basket kept by a signed token, priced at
 * the public prices of the public assortment (asked of the gateway as nobody), and check out as a
 * guest with an address (or a store to collect from), a delivery method and a card. Every order is
 * prepaid: the card is authorised (finance, through the gateway) before the order is written; a
 * declined card writes no order, so nothing goes to the ERP. A card that needs 3-D Secure leaves the
 * order AWAITING_PAYMENT (nothing in the outbox) until confirmGuestCheckout finds it authorised.
 * Authorised orders are judged by the same hold rules as any order. A visitor who signs up or in
 * takes the basket along (claim): it becomes the user's basket.
 */
export class GuestBasketService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
    private readonly secrets: AuthSecrets,
    private readonly gatewayUrl: () => string,
    private readonly baskets: BasketService,
    private readonly deliveryCosts: DeliveryCostService,
  ) {}

  // ---- the basket ----

  async basket(token: string): Promise<GuestBasketView> {
    return this.view(await this.load(token));
  }

  /** Adds to the basket (a new one when no token is given: its token comes back); a product the public cannot buy is BAD_USER_INPUT. */
  async add(token: string | null | undefined, productId: string, quantity: number): Promise<GuestBasketView> {
    if (!isUuid(productId)) throw badUserInput('productId must be a UUID.', 'productId');
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) throw badUserInput(`quantity must be a whole number from 1 to ${MAX_QUANTITY}.`, 'quantity');
    const basket = token ? await this.load(token) : Object.assign(new GuestBasketEntity(), { id: randomUUID(), lines: [] });
    this.open(basket);
    const existing = basket.lines.find((l) => l.productId === productId);
    const wanted = (existing?.quantity ?? 0) + quantity;
    if (wanted > MAX_QUANTITY) throw badUserInput(`At most ${MAX_QUANTITY} of one product.`, 'quantity');
    if (!existing && basket.lines.length >= MAX_LINES) throw badUserInput(`A basket holds at most ${MAX_LINES} lines.`, 'productId');
    const candidate = existing ? basket.lines.map((l) => (l.productId === productId ? { ...l, quantity: wanted } : l)) : [...basket.lines, { productId, sku: '', quantity: wanted }];
    // Priced as it would be: a product the public cannot buy, or one in another currency than the basket's, is refused.
    const priced = await this.price(candidate, () => 'productId');
    const lines = candidate.map((l, i) => ({ productId: l.productId, sku: priced[i].sku, quantity: l.quantity }));
    await this.save(basket, lines, !token);
    // The basket as just priced: no second round to the gateway.
    return this.view(basket, priced);
  }

  /** Sets a line's quantity; 0 removes it. */
  async setLine(token: string, productId: string, quantity: number): Promise<GuestBasketView> {
    const basket = await this.load(token);
    this.open(basket);
    if (!Number.isInteger(quantity) || quantity < 0 || quantity > MAX_QUANTITY) throw badUserInput(`quantity must be a whole number from 0 to ${MAX_QUANTITY}.`, 'quantity');
    if (!basket.lines.some((l) => l.productId === productId)) throw notFound('Basket line', productId);
    const lines = quantity === 0 ? basket.lines.filter((l) => l.productId !== productId) : basket.lines.map((l) => (l.productId === productId ? { ...l, quantity } : l));
    const priced = lines.length ? await this.price(lines, () => 'quantity') : [];
    await this.save(basket, lines, false);
    return this.view(basket, priced);
  }

  // ---- checking out as a guest ----

  async checkout(token: string, input: GuestCheckoutInput): Promise<GuestCheckoutView> {
    const basket = await this.load(token);
    if (basket.orderId) return this.checkoutOf(basket);
    if (basket.claimedByUserId) throw conflict('This basket became a signed-in user\'s basket; check out there.');
    if (basket.lines.length === 0) throw badUserInput('The basket is empty.', 'basketToken');
    const contact = this.contact(input);
    const pickupStore = input.deliveryMethod === GuestDeliveryMethod.STORE_PICKUP ? await requirePickupStore(this.em, text(input.pickupStoreCode, 'pickupStoreCode', 20)!) : null;
    const priced = await this.priceAll(basket.lines);
    const currency = priced[0].currency;
    const net = priced.reduce((sum, l) => sum.plus(l.lineTotal), new Decimal(0));
    const delivery = await guestDeliveryOf(this.deliveryCosts, input.deliveryMethod, priced, currency, contact.address?.country ?? null);
    const deliveryCharge = deliveryChargeOf(delivery);
    const amount = net.plus(deliveryCharge);
    // The order's id follows from the basket and its attempt: two checkouts of one basket at once pay one order; after a declined card, a new attempt is a new order.
    const orderId = orderIdOf(basket.id, basket.checkoutAttempts);
    const request = await signPaymentRequest({ orderId, amount: amount.toFixed(2), currency, companyId: null, customerNumber: PUBLIC_SHOP_CUSTOMER_NUMBER, payerEmail: contact.email }, this.secrets);
    let payment: OrderCardPayment;
    try {
      payment = await authorizeOrderCard(this.gatewayUrl(), request, input.card, input.returnUrl ?? null);
    } catch (error) {
      // Declined: no order at all; the next attempt is a new one.
      if ((error as { code?: string }).code === 'PAYMENT_DECLINED') await this.em.nativeUpdate(GuestBasketEntity, { id: basket.id, orderId: null }, { checkoutAttempts: basket.checkoutAttempts + 1, updatedAt: new Date() });
      throw error;
    }
    if (payment.status === 'DECLINED' || payment.status === 'CANCELLED') {
      await this.em.nativeUpdate(GuestBasketEntity, { id: basket.id, orderId: null }, { checkoutAttempts: basket.checkoutAttempts + 1, updatedAt: new Date() });
      throw new HubError('PAYMENT_DECLINED', `The card was declined: ${payment.failureReason ?? 'try another card'}.`);
    }
    const authorised = payment.status === 'AUTHORIZED' || payment.status === 'CAPTURED';
    const order = Object.assign(new OrderEntity(), {
      id: orderId,
      number: `W-${Date.now().toString(36).toUpperCase()}-${randomBytes(3).toString('hex').toUpperCase()}`,
      companyId: PUBLIC_SHOP_COMPANY_ID, customerNumber: PUBLIC_SHOP_CUSTOMER_NUMBER, placedByUserId: null, placedByActorId: null,
      idempotencyKey: `guest-basket:${basket.id}:${basket.checkoutAttempts}`, requestFingerprint: null, status: OrderStatus.AWAITING_PAYMENT, holdReasons: null as HoldReason[] | null,
      placedAt: new Date(), currency, total: amount.toFixed(2), taxTotal: null, deliveryAddressCode: null, pickupStoreCode: pickupStore?.code ?? null,
      branchId: null, customerReference: null, notes: null, quoteId: null, quotePriceChanges: null, delivery,
      guestContact: contact, paymentMethod: PaymentMethod.PREPAID_CARD as string | null,
    });
    const lines = priced.map((p) => ({ productId: p.productId, sku: p.sku, quantity: String(p.quantity), unitPrice: p.unitPrice.toFixed(), lineTotal: p.lineTotal.toFixed(2) }));
    try {
      await this.em.transactional(async (em) => {
        const locked = await em.execute<Array<{ order_id: string | null }>>(`select order_id from orders.guest_basket where id = ? for update`, [basket.id]);
        if (locked[0]?.order_id) throw conflict('This basket was checked out already.');
        const reasons = authorised ? await holdReasonsFor(em, order) : [];
        order.status = !authorised ? OrderStatus.AWAITING_PAYMENT : reasons.length > 0 ? OrderStatus.ON_HOLD : OrderStatus.PENDING;
        order.holdReasons = reasons.length > 0 ? reasons : null;
        assertInitial(order.status);
        const events = [
          { status: order.status === OrderStatus.ON_HOLD ? OrderStatus.ON_HOLD : order.status, previousStatus: null, source: OrderEventSource.WEB, actorUserId: null, onBehalfActorId: null, reason: authorised ? null : 'Waiting for the card\'s 3-D Secure step.', details: null },
          ...(reasons.length > 0 ? [{ status: OrderStatus.ON_HOLD, previousStatus: OrderStatus.ON_HOLD, source: OrderEventSource.HOLD_RULES, actorUserId: null, onBehalfActorId: null, reason: null, details: { holdReasons: reasons } }] : []),
        ];
        await new OrderRepository(em).insertPlaced({
          order, lines, events,
          outbox: order.status === OrderStatus.PENDING ? { topic: ORDER_PLACED_TOPIC, payload: prepaidSubmission(order, lines, payment.id) } : null,
          basket: null,
          announce: { channel: HUB_EVENTS_CHANNEL, payload: encodeEvent({ topic: ORDER_STATUS_CHANGED_TOPIC, key: order.id }) },
        });
        await em.execute(`update orders.customer_order set guest_contact = ?::jsonb where id = ?`, [JSON.stringify(contact), order.id]);
        await em.execute(`update orders.guest_basket set order_id = ?, updated_at = now() where id = ?`, [order.id, basket.id]);
      });
    } catch (error) {
      // The same checkout twice at once: the other request wrote the order; answer with it.
      if ((error as { code?: string }).code === '23505' || (error as Error).name === 'UniqueConstraintViolationException' || (error as { code?: string }).code === 'CONFLICT') {
        this.em.clear();
        const again = await this.load(token);
        if (again.orderId) return this.checkoutOf(again);
      }
      throw error;
    }
    return { order: (await this.em.fork().findOne(OrderEntity, { id: order.id }))!, deliveryCost: deliveryCharge, payment };
  }

  /**
   * After the payer's 3-D Secure step: an order AWAITING_PAYMENT whose card is now authorised is
   * judged by the hold rules and goes to the ERP (its outbox message written with the move); one
   * whose card failed is REJECTED and never sent, and the basket may be checked out again.
   */
  async confirm(token: string): Promise<GuestCheckoutView> {
    const basket = await this.load(token);
    if (!basket.orderId) throw conflict('This basket has not been checked out.');
    const order = (await this.em.findOne(OrderEntity, { id: basket.orderId }, { populate: ['lines'] }))!;
    if (order.status !== OrderStatus.AWAITING_PAYMENT) return this.checkoutOf(basket);
    const payment = await orderCardPayment(this.gatewayUrl(), await this.requestOf(order));
    if (payment.status === 'AUTHORIZED' || payment.status === 'CAPTURED') await releasePaidOrder(this.em, order.id, payment.id);
    else if (payment.status === 'DECLINED' || payment.status === 'CANCELLED') {
      // The basket may be checked out again, with another card: a new order.
      await rejectUnpaidOrder(this.em, order.id, payment.failureReason, async (tx) => {
        await tx.execute(`update orders.guest_basket set order_id = null, checkout_attempts = checkout_attempts + 1, updated_at = now() where id = ? and order_id = ?`, [basket.id, order.id]);
      });
    }
    this.em.clear();
    return { ...(await this.checkoutOf((await this.em.findOne(GuestBasketEntity, { id: basket.id }))!, order.id)), payment };
  }

  async order(token: string): Promise<GuestCheckoutView> {
    return this.checkoutOf(await this.load(token));
  }

  /** The guest order of the basket as it stands now (the ERP's statuses come back with the orders sync). */
  async checkoutOf(basket: GuestBasketEntity, orderId = basket.orderId): Promise<GuestCheckoutView> {
    if (!orderId) throw notFound('Order of this basket');
    const order = await this.em.fork().findOne(OrderEntity, { id: orderId });
    if (!order) throw notFound('Order of this basket');
    return { order, deliveryCost: deliveryChargeOf(order.delivery ?? null), payment: null };
  }

  // ---- signing up or in ----

  /** A signed-in customer user takes the guest basket along: its lines are added to the user's basket (once); the guest basket is closed. */
  async claim(token: string): Promise<Basket> {
    const v = requireOrderer(this.viewer);
    const basket = await this.load(token);
    if (basket.orderId) throw conflict('This basket was checked out already.');
    if (basket.claimedByUserId && basket.claimedByUserId !== v.userId) throw conflict('This basket was taken by another user.');
    if (basket.claimedByUserId === v.userId) return this.baskets.get(v);
    const claimed = await this.em.nativeUpdate(GuestBasketEntity, { id: basket.id, claimedByUserId: null, orderId: null }, { claimedByUserId: v.userId, updatedAt: new Date() });
    if (!claimed) throw conflict('This basket was just taken or checked out.');
    if (basket.lines.length === 0) return this.baskets.get(v);
    try {
      const { basket: mine, rejected } = await this.baskets.addMany(v, basket.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })));
      if (rejected.length === basket.lines.length) throw badUserInput(`None of the basket's products can be ordered by your company: ${rejected.map((r) => r.message).join('; ')}`, 'basketToken');
      return mine;
    } catch (error) {
      await this.em.nativeUpdate(GuestBasketEntity, { id: basket.id }, { claimedByUserId: null });
      throw error;
    }
  }

  // ---- helpers ----

  private contact(input: GuestCheckoutInput): GuestContact {
    const name = text(input.name, 'name', 200)!;
    const email = text(input.email, 'email', 254)!;
    if (!EMAIL.test(email)) throw badUserInput('email is not an e-mail address.', 'email');
    const phone = text(input.phone, 'phone', 40, false);
    if (phone && !/^\+?[0-9 ()-]{5,40}$/.test(phone)) throw badUserInput('phone is not a phone number.', 'phone');
    if (input.deliveryMethod === GuestDeliveryMethod.STORE_PICKUP) {
      if (input.address) throw badUserInput('An order collected in a store has no delivery address.', 'address');
      return { name, email, phone, address: null };
    }
    if (input.pickupStoreCode) throw badUserInput('A delivered order names no store; choose STORE_PICKUP to collect it.', 'pickupStoreCode');
    const a = input.address;
    if (!a) throw badUserInput('A delivered order needs an address.', 'address');
    const country = text(a.country, 'address.country', 2)!.toUpperCase();
    if (!/^[A-Z]{2}$/.test(country)) throw badUserInput('address.country is a two-letter ISO code.', 'address.country');
    return { name, email, phone, address: { street: text(a.street, 'address.street', 200)!, postalCode: text(a.postalCode, 'address.postalCode', 20)!, city: text(a.city, 'address.city', 100)!, country } };
  }

  private async requestOf(order: OrderEntity): Promise<string> {
    return signPaymentRequest({ orderId: order.id, amount: order.total, currency: order.currency, companyId: null, customerNumber: PUBLIC_SHOP_CUSTOMER_NUMBER, payerEmail: order.guestContact?.email ?? null }, this.secrets);
  }

  private async load(token: string): Promise<GuestBasketEntity> {
    const id = verifyGuestBasketToken(token, this.secrets);
    const basket = await this.em.findOne(GuestBasketEntity, { id });
    if (!basket) throw notFound('Basket');
    return basket;
  }

  private open(basket: GuestBasketEntity): void {
    if (basket.orderId) throw conflict('This basket was checked out already; start a new one.');
    if (basket.claimedByUserId) throw conflict('This basket became a signed-in user\'s basket.');
  }

  private async save(basket: GuestBasketEntity, lines: GuestBasketLine[], isNew: boolean): Promise<void> {
    basket.lines = lines;
    basket.updatedAt = new Date();
    if (isNew) this.em.persist(basket);
    await this.em.flush();
  }

  private async priceAll(lines: readonly GuestBasketLine[]): Promise<PricedGuestLine[]> {
    return this.price(lines, () => 'basketToken');
  }

  /** At the public prices, as nobody; a line the public cannot buy is BAD_USER_INPUT on `field`. */
  private async price(lines: readonly GuestBasketLine[], field: () => string): Promise<PricedGuestLine[]> {
    if (this.viewer && this.viewer.kind !== 'CUSTOMER') throw forbidden('The public shop is for visitors and customers, not staff or supplier accounts.');
    const result = await priceLines(this.gatewayUrl(), null, null, lines.map((l) => ({ productId: l.productId, quantity: l.quantity })));
    const priced = requireOrderable(result, field, (i) => `Product ${lines[i].sku || lines[i].productId}`);
    return priced.map((p) => ({ productId: p.productId, sku: p.sku, name: p.name, quantity: p.quantity, unitPrice: p.unitPrice, lineTotal: lineTotal(p.quantity, p.unitPrice, p.currency), currency: p.currency }));
  }

  private async view(basket: GuestBasketEntity, pricedLines?: PricedGuestLine[]): Promise<GuestBasketView> {
    const lines = pricedLines ?? (basket.lines.length ? await this.priceAll(basket.lines) : []);
    return { token: signGuestBasketToken(basket.id, this.secrets), lines, net: lines.reduce((s, l) => s.plus(l.lineTotal), new Decimal(0)), currency: lines[0]?.currency ?? null, orderId: basket.orderId };
  }
}

/** The order id of a basket's n-th checkout attempt, the same for every request of that attempt. */
export function orderIdOf(basketId: string, attempt: number): string {
  const h = createHash('sha256').update(`guest-order:${basketId}:${attempt}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
