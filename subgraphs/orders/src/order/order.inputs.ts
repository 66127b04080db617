import { ON_ACCOUNT_METHODS, PaymentMethod } from './order-payment-method';
import { createHash } from 'node:crypto';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { badUserInput } from '@hub/errors';
import { isUuid } from '@hub/subgraph-kit';
import { optionalText } from '../pricing/line-rules';
import { OrderStatus } from './order-status';

@InputType('PaymentCardInput', { description: 'The card an order is prepaid with (passed to the payment provider, never kept).' })
export class PaymentCardInput {
  @Field()
  number: string;

  @Field(() => Int)
  expMonth: number;

  @Field(() => Int)
  expYear: number;

  @Field()
  cvc: string;
}

@InputType('OrderLineInput')
export class OrderLineInput {
  @Field(() => ID)
  productId: string;

  @Field(() => Int)
  quantity: number;
}

@InputType('PlaceOrderInput', { description: 'What to order: `lines`, a `quoteId`, or neither for the basket.' })
export class PlaceOrderInput {
  @Field({ description: 'Chosen by the client; sending the same key again returns the same order instead of a second one (other content with it: CONFLICT).' })
  idempotencyKey: string;

  @Field(() => [OrderLineInput], { nullable: true, description: 'These lines; without lines and quoteId, the basket is ordered (and emptied).' })
  lines?: OrderLineInput[] | null;

  @Field(() => ID, { nullable: true, description: 'Order this quote: at its prices while it is valid, at today\'s after (see Order.quotePriceChanges).' })
  quoteId?: string | null;

  @Field(() => String, { nullable: true, description: "One of the company's ERP delivery addresses (its code); default: the basket's or quote's, the branch's, else the company's default." })
  deliveryAddressCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Collect the order in this store (its code, from `stores`) instead of having it delivered; not together with deliveryAddressCode.' })
  pickupStoreCode?: string | null;

  @Field(() => ID, { nullable: true, description: "One of the company's branches; default: the basket's or quote's." })
  branchId?: string | null;

  @Field(() => String, { nullable: true, description: "The customer's own reference (PO number)." })
  customerReference?: string | null;

  @Field(() => String, { nullable: true, description: 'Notes for the order desk (delivery instructions).' })
  notes?: string | null;

  @Field(() => String, { nullable: true, description: 'A delivery method (see Basket.delivery.options); default: the cheapest that delivers. Its cost is added to the total.' })
  deliveryMethod?: string | null;
  @Field(() => String, { nullable: true, description: 'A discount code (default for the basket: the code applied to it). Unknown or another company\'s: NOT_FOUND; expired, below its minimum: BAD_USER_INPUT; used up: CONFLICT.' })
  discountCode?: string | null;

  @Field(() => PaymentMethod, { nullable: true, description: 'How the company pays this order: on account, INVOICE (default), MONTHLY_INVOICE, BANK_TRANSFER, CASH_ON_DELIVERY or INSTALMENTS; or PREPAID_CARD with `card` (authorised now, captured at delivery).' })
  paymentMethod?: PaymentMethod | null;

  @Field(() => PaymentCardInput, { nullable: true, description: 'With PREPAID_CARD: the card. Declined: PAYMENT_DECLINED and no order. Needing 3-D Secure: the order is AWAITING_PAYMENT until confirmOrderPayment.' })
  card?: PaymentCardInput | null;

  @Field(() => String, { nullable: true, description: 'With PREPAID_CARD: where the payer comes back to after a 3-D Secure step.' })
  returnUrl?: string | null;
}

export const MAX_ORDER_LINES = 500;
export const MAX_REFERENCE_LENGTH = 100;
export const MAX_NOTES_LENGTH = 1000;

export type OrderSource = { kind: 'lines'; lines: OrderLineInput[] } | { kind: 'quote'; quoteId: string } | { kind: 'basket' };

/** Checks an order request before anything is read, priced or written; returns where its lines come from. */
export function validatePlaceOrder(input: PlaceOrderInput): OrderSource {
  if (!/^[A-Za-z0-9_-]{8,128}$/.test(input.idempotencyKey)) {
    throw badUserInput('idempotencyKey must be 8 to 128 letters, digits, "-" or "_".', 'idempotencyKey');
  }
  if (input.lines && input.quoteId) throw badUserInput('Give lines or a quoteId, not both.', 'quoteId');
  if (input.paymentMethod === PaymentMethod.PREPAID_CARD && !input.card) throw badUserInput('PREPAID_CARD needs the card.', 'card');
  if (input.card && input.paymentMethod !== PaymentMethod.PREPAID_CARD) throw badUserInput('A card is given only with paymentMethod PREPAID_CARD.', 'card');
  if (input.paymentMethod && input.paymentMethod !== PaymentMethod.PREPAID_CARD && !ON_ACCOUNT_METHODS.includes(input.paymentMethod)) throw badUserInput('Not a payment method.', 'paymentMethod');
  if (input.quoteId !== null && input.quoteId !== undefined && !isUuid(input.quoteId)) throw badUserInput('quoteId must be a UUID.', 'quoteId');
  if (input.branchId !== null && input.branchId !== undefined && !isUuid(input.branchId)) throw badUserInput('branchId must be a UUID.', 'branchId');
  if (input.deliveryAddressCode !== null && input.deliveryAddressCode !== undefined && !/^[A-Za-z0-9_.-]{1,40}$/.test(input.deliveryAddressCode)) {
    throw badUserInput('deliveryAddressCode is not an address code.', 'deliveryAddressCode');
  }
  if (input.pickupStoreCode !== null && input.pickupStoreCode !== undefined) {
    if (input.deliveryAddressCode !== null && input.deliveryAddressCode !== undefined) throw badUserInput('An order is delivered to an address or collected in a store, not both.', 'pickupStoreCode');
    if (!/^[A-Za-z0-9_.-]{1,40}$/.test(input.pickupStoreCode)) throw badUserInput('pickupStoreCode is not a store code.', 'pickupStoreCode');
  }
  optionalText(input.customerReference, 'customerReference', MAX_REFERENCE_LENGTH);
  optionalText(input.notes, 'notes', MAX_NOTES_LENGTH);
  if (input.quoteId) return { kind: 'quote', quoteId: input.quoteId };
  if (!input.lines) return { kind: 'basket' };
  if (input.lines.length === 0 || input.lines.length > MAX_ORDER_LINES) {
    throw badUserInput(`An order has 1 to ${MAX_ORDER_LINES} lines.`, 'lines');
  }
  const seen = new Set<string>();
  input.lines.forEach((line, i) => {
    if (!isUuid(line.productId)) throw badUserInput('productId must be a UUID.', `lines.${i}.productId`);
    if (seen.has(line.productId)) throw badUserInput('Each product may appear on one line only.', `lines.${i}.productId`);
    seen.add(line.productId);
    if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > 100_000) {
      throw badUserInput('quantity must be a whole number from 1 to 100,000.', `lines.${i}.quantity`);
    }
  });
  return { kind: 'lines', lines: input.lines };
}

/**
 * What a placeOrder request says, as a hash: its source (the lines, order ignored; a quote; the
 * basket), delivery and references. A replay of the key with the same request returns the order,
 * with another one it is a CONFLICT. The basket's contents are not part of it: a replay comes after
 * the basket was emptied by the first request.
 */
export function requestFingerprint(input: PlaceOrderInput): string {
  const lines = input.lines ? input.lines.map((l) => `${l.productId}:${l.quantity}`).sort() : null;
  const content = [
    input.quoteId ? `quote:${input.quoteId}` : lines ? 'lines' : 'basket',
    lines,
    input.deliveryAddressCode ?? null,
    input.branchId ?? null,
    optionalText(input.customerReference, 'customerReference', MAX_REFERENCE_LENGTH),
    optionalText(input.notes, 'notes', MAX_NOTES_LENGTH),
    // Only when given: the fingerprints of delivered orders placed before stores stay what they were.
    ...(input.pickupStoreCode ? [`pickup:${input.pickupStoreCode}`] : []),
    ...(input.discountCode ? [`code:${input.discountCode.trim().toUpperCase()}`] : []),
    // Likewise only when chosen.
    ...(input.paymentMethod ? [`pay:${input.paymentMethod}`] : []),
  ];
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

/** Two submissions are the same order when they have the same lines (order of lines ignored); for orders placed before fingerprints were kept. */
export function sameLines(a: Array<{ productId: string; quantity: number }>, b: Array<{ productId: string; quantity: number }>): boolean {
  const key = (lines: Array<{ productId: string; quantity: number }>) => lines.map((l) => `${l.productId}:${l.quantity}`).sort().join(',');
  return key(a) === key(b);
}

/** Orders not yet delivered, or not yet invoiced (O5's open orders). */
export enum OpenOrders {
  NOT_DELIVERED = 'NOT_DELIVERED',
  NOT_INVOICED = 'NOT_INVOICED',
}

registerEnumType(OpenOrders, { name: 'OpenOrders', description: 'NOT_DELIVERED: before DELIVERED; NOT_INVOICED: before INVOICED (delivered ones too). Neither: cancelled or rejected ones.' });

@InputType('OrderFilter', { description: 'Every field given must hold.' })
export class OrderFilterInput {
  @Field(() => [OrderStatus], { nullable: true, description: 'Any of these statuses.' })
  statuses?: OrderStatus[] | null;

  @Field(() => String, { nullable: true, description: 'Placed on or after this day (YYYY-MM-DD, UTC).' })
  placedFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'Placed on or before this day (YYYY-MM-DD, UTC).' })
  placedTo?: string | null;

  @Field(() => ID, { nullable: true, description: 'For this branch of the company.' })
  branchId?: string | null;

  @Field(() => OpenOrders, { nullable: true })
  open?: OpenOrders | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A day of a period filter as its first instant (UTC); BAD_USER_INPUT when it is not a date. */
export function parseDay(value: string, field: string): Date {
  const at = new Date(`${value}T00:00:00Z`);
  if (!DAY.test(value) || Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== value) throw badUserInput(`${field} must be a date (YYYY-MM-DD).`, field);
  return at;
}
