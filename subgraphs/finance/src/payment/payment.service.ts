import { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { createHash, randomUUID } from 'node:crypto';
import { AuthSecrets, canSeeCompany, companyRowsFilter, requirePermission, requireStaffPermission, verifyPaymentRequest, Viewer } from '@hub/auth';
import { badUserInput, conflict, forbidden, HubError, notFound } from '@hub/errors';
import { Decimal } from '@hub/money';
import { CardDetails, CreatePaymentIntentRequest, PaymentIntent, PaymentProvider, PaymentProviderError, toMinorUnits } from '@hub/payment-contract';
import { checkPageSize, isUuid } from '@hub/subgraph-kit';
import { OpenItemEntity } from '../open-item/open-item.entity';
import { DeliveryNoteEntity } from '../delivery-note/delivery-note.entity';
import { CardPaymentEntity } from './card-payment.entity';
import { recordIntent, recordUnreachable } from './payment.repository';
import { PaymentPurpose, PaymentStatus } from './payment-status';
import { LIVE_STATUSES } from './payment.state-machine';

/** Paying a company's open invoices online (F2) needs this permission, granted per user by the company admin. */
export const PAYMENTS_PERMISSION = 'payments.make';

const MAX_KEY = 200;

export interface CardInput {
  number: string;
  expMonth: number;
  expYear: number;
  cvc: string;
}

function checkCard(card: CardInput): CardDetails {
  const number = card.number.replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(number)) throw badUserInput('The card number must be 12 to 19 digits.', 'card.number');
  if (!Number.isInteger(card.expMonth) || card.expMonth < 1 || card.expMonth > 12) throw badUserInput('expMonth must be 1-12.', 'card.expMonth');
  if (!Number.isInteger(card.expYear) || card.expYear < 2000 || card.expYear > 2100) throw badUserInput('expYear must be a four-digit year.', 'card.expYear');
  if (!/^\d{3,4}$/.test(card.cvc)) throw badUserInput('The CVC is 3 or 4 digits.', 'card.cvc');
  return { number, exp_month: card.expMonth, exp_year: card.expYear, cvc: card.cvc };
}

function checkReturnUrl(url: string | null | undefined): string | undefined {
  if (url === null || url === undefined) return undefined;
  if (url.length > 2000 || !/^https?:\/\/[^\s]+$/.test(url)) throw badUserInput('returnUrl must be an http(s) URL.', 'returnUrl');
  return url;
}

const fingerprint = (parts: unknown[]) => createHash('sha256').update(JSON.stringify(parts)).digest('hex');

/**
 * Card payments through the payment provider (F4): open invoices paid online by a company's users
 * (captured at once; the payment reaches the ERP through the finance outbox, once), and the cards of
 * orders (authorised at order, captured when the order's delivery note says it was delivered). The
 * provider's answers and webhooks move a payment forwards only (payment.state-machine.ts).
 */
export class PaymentService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
    private readonly secrets: AuthSecrets,
    private readonly provider: () => PaymentProvider | null,
  ) {}

  // ---- reading ----

  async payments(first: number | null | undefined): Promise<CardPaymentEntity[]> {
    requirePermission(this.viewer, PAYMENTS_PERMISSION);
    const limit = checkPageSize(first, { max: 200, default: 50 });
    const scope = companyRowsFilter(this.viewer);
    if (!scope) return [];
    return this.em.find(CardPaymentEntity, scope, { orderBy: { createdAt: 'desc', id: 'asc' }, limit });
  }

  async payment(id: string): Promise<CardPaymentEntity> {
    requirePermission(this.viewer, PAYMENTS_PERMISSION);
    if (!isUuid(id)) throw badUserInput('The payment id must be a UUID.', 'id');
    const found = await this.em.findOne(CardPaymentEntity, { id });
    // Another company's payment, or a guest's, answers as one that does not exist.
    if (!found || !found.companyId || !canSeeCompany(this.viewer, found.companyId)) throw notFound('Payment', id);
    return found;
  }

  /** An order's card payment, batched per request (the caller checks the company). */
  ofOrder(orderId: string): Promise<CardPaymentEntity | null> {
    this.byOrder ??= new DataLoader(async (ids: readonly string[]) => {
      const rows = await this.em.find(CardPaymentEntity, { orderId: { $in: [...ids] }, purpose: PaymentPurpose.ORDER });
      return ids.map((id) => rows.find((r) => r.orderId === id) ?? null);
    });
    return this.byOrder.load(orderId);
  }

  private byOrder: DataLoader<string, CardPaymentEntity | null> | null = null;

  // ---- paying an open invoice (F2) ----

  /**
   * Pays one of the company's open invoices by card, wholly or partly (never more than is open),
   * captured at once. The same idempotencyKey returns the same payment (with other content:
   * CONFLICT); an invoice with a payment still under way gets no second one (CONFLICT).
   */
  async payInvoice(input: { invoiceNumber: string; amount?: string | null; card: CardInput; returnUrl?: string | null; idempotencyKey: string }): Promise<CardPaymentEntity> {
    const v = requirePermission(this.viewer, PAYMENTS_PERMISSION);
    if (v.kind !== 'CUSTOMER' || !v.companyId) throw forbidden('Invoices are paid online by customer users (staff: sign in as one).');
    const key = this.checkKey(input.idempotencyKey);
    const card = checkCard(input.card);
    const returnUrl = checkReturnUrl(input.returnUrl);
    const invoiceNumber = input.invoiceNumber.trim();
    if (!invoiceNumber) throw badUserInput('invoiceNumber is required.', 'invoiceNumber');
    const print = fingerprint([invoiceNumber, input.amount ?? null]);
    const scopedKey = `invoice:${v.companyId}:${key}`;
    const existing = await this.em.findOne(CardPaymentEntity, { idempotencyKey: scopedKey });
    if (existing) return this.sameOrConflict(existing, print, card, returnUrl);

    const item = await this.em.findOne(OpenItemEntity, { documentNumber: invoiceNumber, companyId: v.companyId });
    if (!item || item.documentType !== 'INVOICE') throw notFound('Open invoice', invoiceNumber);
    const open = new Decimal(item.openAmount);
    if (open.lte(0)) throw conflict(`Invoice ${invoiceNumber} has nothing open.`);
    let amount = open;
    if (input.amount !== null && input.amount !== undefined) {
      if (!/^\d{1,12}(\.\d{1,2})?$/.test(input.amount)) throw badUserInput('amount is a decimal with at most two decimals, e.g. "120.50".', 'amount');
      amount = new Decimal(input.amount);
      if (amount.lte(0)) throw badUserInput('amount must be more than zero.', 'amount');
      if (amount.gt(open)) throw badUserInput(`amount may be at most the ${open.toFixed(2)} ${item.currency} open on ${invoiceNumber}.`, 'amount');
    }
    if (amount.lt('0.50')) throw badUserInput('A card payment is at least 0.50.', 'amount');
    const underWay = await this.em.count(CardPaymentEntity, { invoiceNumber, companyId: v.companyId, $or: [{ status: { $in: [...LIVE_STATUSES] } }, { status: PaymentStatus.CAPTURED, erpPaymentNumber: null }] });
    if (underWay > 0) throw conflict(`Invoice ${invoiceNumber} has a payment under way; wait until the ERP has booked it.`);
    // The company's ERP customer number, as its delivery notes name it (the ERP reads the invoice's own when the hub has none).
    const note = await this.em.findOne(DeliveryNoteEntity, { companyId: v.companyId, customerNumber: { $ne: null } }, { fields: ['customerNumber'] });
    const id = randomUUID();
    this.em.create(CardPaymentEntity, {
      id, purpose: PaymentPurpose.INVOICE, companyId: v.companyId, invoiceNumber, customerNumber: note?.customerNumber ?? null, amount: amount.toFixed(2), currency: item.currency,
      captureMethod: 'AUTOMATIC', status: PaymentStatus.CREATED, refundedAmount: '0.00', createdByUserId: v.userId, idempotencyKey: scopedKey, requestFingerprint: print,
    });
    await this.insertOrRace(scopedKey, print);
    return this.authorise(id, { amount: amount.toFixed(2), currency: item.currency, captureMethod: 'automatic', card, returnUrl, description: `Invoice ${invoiceNumber}`, metadata: { hubPaymentId: id, invoiceNumber } });
  }

  // ---- an order's card (the public shop) ----

  /**
   * Authorises the card for an order, with manual capture (captured at delivery), for the amount the
   * owning subgraph signed into the payment request (the client cannot change it). Once per order:
   * asking again returns the same payment (a declined one stays declined: the order is placed anew).
   */
  async authorizeOrderPayment(input: { request: string; card: CardInput; returnUrl?: string | null }): Promise<CardPaymentEntity> {
    const claims = await verifyPaymentRequest(input.request, this.secrets);
    const card = checkCard(input.card);
    const returnUrl = checkReturnUrl(input.returnUrl);
    const scopedKey = `order:${claims.orderId}`;
    const print = fingerprint([claims.orderId, claims.amount, claims.currency]);
    const existing = await this.em.findOne(CardPaymentEntity, { idempotencyKey: scopedKey });
    if (existing) return this.sameOrConflict(existing, print, card, returnUrl);
    const id = randomUUID();
    this.em.create(CardPaymentEntity, {
      id, purpose: PaymentPurpose.ORDER, companyId: claims.companyId, orderId: claims.orderId, customerNumber: claims.customerNumber, payerEmail: claims.payerEmail,
      amount: new Decimal(claims.amount).toFixed(2), currency: claims.currency, captureMethod: 'MANUAL', status: PaymentStatus.CREATED, refundedAmount: '0.00', idempotencyKey: scopedKey, requestFingerprint: print,
    });
    await this.insertOrRace(scopedKey, print);
    return this.authorise(id, { amount: claims.amount, currency: claims.currency, captureMethod: 'manual', card, returnUrl, description: `Order ${claims.orderId}`, metadata: { hubPaymentId: id, orderId: claims.orderId } });
  }

  /** The order's payment as the provider has it now (after a 3-D Secure step), for the holder of its payment request. */
  async orderPayment(request: string): Promise<CardPaymentEntity> {
    const claims = await verifyPaymentRequest(request, this.secrets);
    const payment = await this.em.findOne(CardPaymentEntity, { idempotencyKey: `order:${claims.orderId}` });
    if (!payment) throw notFound('Payment of order', claims.orderId);
    return this.refresh(payment);
  }

  /** After the payer's 3-D Secure step: the payment as the provider has it now (the webhook may not have come yet). */
  async confirmPayment(id: string): Promise<CardPaymentEntity> {
    const payment = await this.payment(id);
    return this.refresh(payment);
  }

  // ---- refunds (staff) ----

  /**
   * Staff refund a captured order card (a prepaid order's money back, e.g. after a return), wholly or partly (never more than is captured and not yet
   * refunded). Each refund carries its own idempotency key: the same key refunds once.
   */
  async refund(id: string, amountText: string | null | undefined, idempotencyKey: string): Promise<CardPaymentEntity> {
    requireStaffPermission(this.viewer, 'staff.orders');
    if (!isUuid(id)) throw badUserInput('The payment id must be a UUID.', 'id');
    const key = this.checkKey(idempotencyKey);
    const payment = await this.em.findOne(CardPaymentEntity, { id });
    if (!payment) throw notFound('Payment', id);
    // The ERP booked an invoice's payment: money back on it is the ERP's to decide and book.
    if (payment.purpose !== PaymentPurpose.ORDER) throw conflict('An invoice payment is refunded in the ERP, which booked it.');
    if (payment.status !== PaymentStatus.CAPTURED || !payment.providerIntentId || !payment.capturedAmount) throw conflict(`A payment that is ${payment.status} cannot be refunded.`);
    const left = new Decimal(payment.capturedAmount).minus(payment.refundedAmount);
    let amount = left;
    if (amountText !== null && amountText !== undefined) {
      if (!/^\d{1,12}(\.\d{1,2})?$/.test(amountText) || new Decimal(amountText).lte(0)) throw badUserInput('amount is a decimal above zero with at most two decimals.', 'amount');
      amount = new Decimal(amountText);
      if (amount.gt(left)) throw badUserInput(`At most ${left.toFixed(2)} ${payment.currency} is left to refund.`, 'amount');
    }
    const provider = this.requireProvider();
    try {
      await provider.refund(payment.providerIntentId, `hub-refund-${id}-${key}`, toMinorUnits(amount.toFixed(2)));
    } catch (error) {
      if (error instanceof PaymentProviderError && error.kind === 'INVALID') throw conflict(`The payment provider refused the refund: ${error.message}`);
      if (error instanceof PaymentProviderError && error.kind === 'UNAVAILABLE') throw new HubError('UNAVAILABLE', 'The payment provider did not answer; try again with the same idempotency key.');
      throw error;
    }
    const intent = await this.call(() => provider.retrievePaymentIntent(payment.providerIntentId!));
    await recordIntent(this.em.fork(), id, intent);
    return this.reload(id);
  }

  // ---- the provider ----

  private async refresh(payment: CardPaymentEntity): Promise<CardPaymentEntity> {
    if (!payment.providerIntentId || !LIVE_STATUSES.includes(payment.status)) return payment;
    const intent = await this.call(() => this.requireProvider().retrievePaymentIntent(payment.providerIntentId!));
    await recordIntent(this.em.fork(), payment.id, intent);
    return this.reload(payment.id);
  }

  private async authorise(
    id: string,
    p: { amount: string; currency: string; captureMethod: 'manual' | 'automatic'; card: CardDetails; returnUrl?: string; description: string; metadata: Record<string, string> },
  ): Promise<CardPaymentEntity> {
    const request: CreatePaymentIntentRequest = {
      amount: toMinorUnits(new Decimal(p.amount).toFixed(2)), currency: p.currency, capture_method: p.captureMethod, payment_method: { card: p.card },
      ...(p.returnUrl ? { return_url: p.returnUrl } : {}), description: p.description, metadata: p.metadata,
    };
    let intent: PaymentIntent;
    try {
      // The payment's id is the provider's idempotency key: asked again after a timeout, it authorises once.
      intent = await this.requireProvider().createPaymentIntent(request, `hub-payment-${id}`);
    } catch (error) {
      if (error instanceof PaymentProviderError && error.kind === 'CARD') {
        if (error.paymentIntent) await recordIntent(this.em.fork(), id, error.paymentIntent, error.message);
        else await this.em.fork().nativeUpdate(CardPaymentEntity, { id }, { status: PaymentStatus.DECLINED, failureReason: error.message, updatedAt: new Date() });
        throw new HubError('PAYMENT_DECLINED', `The card was declined: ${error.message}`, { paymentId: id, declineCode: error.code });
      }
      const reason = error instanceof PaymentProviderError ? error.message : (error as Error).message;
      await recordUnreachable(this.em.fork(), id, reason);
      throw new HubError('UNAVAILABLE', 'The payment provider did not answer; nothing was charged that will not be settled. Try again with the same idempotency key.', { paymentId: id });
    }
    await recordIntent(this.em.fork(), id, intent);
    return this.reload(id);
  }

  private async call<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof PaymentProviderError && error.kind === 'UNAVAILABLE') throw new HubError('UNAVAILABLE', 'The payment provider did not answer; try again later.');
      throw error;
    }
  }

  private requireProvider(): PaymentProvider {
    const provider = this.provider();
    if (!provider) throw new HubError('UNAVAILABLE', 'No payment provider is configured (HUB_PAYMENTS_URL).');
    return provider;
  }

  private async sameOrConflict(existing: CardPaymentEntity, print: string, card: CardDetails, returnUrl: string | undefined): Promise<CardPaymentEntity> {
    if (existing.requestFingerprint !== print) throw conflict('This idempotencyKey was already used for a different payment.');
    if (existing.companyId && this.viewer?.kind === 'CUSTOMER' && existing.companyId !== this.viewer.companyId) throw notFound('Payment');
    // The provider never answered the first time: ask again under the same provider key (it authorises once).
    if (existing.status === PaymentStatus.CREATED && !existing.providerIntentId) {
      return this.authorise(existing.id, {
        amount: existing.amount, currency: existing.currency, captureMethod: existing.captureMethod === 'MANUAL' ? 'manual' : 'automatic', card, returnUrl,
        description: existing.invoiceNumber ? `Invoice ${existing.invoiceNumber}` : `Order ${existing.orderId}`,
        metadata: { hubPaymentId: existing.id, ...(existing.invoiceNumber ? { invoiceNumber: existing.invoiceNumber } : { orderId: existing.orderId! }) },
      });
    }
    return this.refresh(existing);
  }

  /** Writes the new payment; two requests with one key at once: the loser answers with the winner's payment. */
  private async insertOrRace(scopedKey: string, print: string): Promise<void> {
    try {
      await this.em.flush();
    } catch (error) {
      if ((error as Error).name === 'UniqueConstraintViolationException') {
        this.em.clear();
        const winner = await this.em.findOne(CardPaymentEntity, { idempotencyKey: scopedKey });
        if (winner && winner.requestFingerprint === print) throw conflict('This payment is being made by another request with the same key; ask again in a moment.');
        throw conflict('This idempotencyKey was already used for a different payment.');
      }
      throw error;
    }
  }

  private checkKey(key: string): string {
    const k = key.trim();
    if (!k || k.length > MAX_KEY) throw badUserInput(`idempotencyKey is required (at most ${MAX_KEY} characters).`, 'idempotencyKey');
    return k;
  }

  private async reload(id: string): Promise<CardPaymentEntity> {
    return (await this.em.fork().findOne(CardPaymentEntity, { id }))!;
  }
}
