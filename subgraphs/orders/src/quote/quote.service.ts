import { randomBytes } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { requirePermission, Viewer } from '@hub/auth';
import { badUserInput, conflict, notFound } from '@hub/errors';
import { Decimal } from '@hub/money';
import { checkPageSize, isUuid } from '@hub/subgraph-kit';
import { BasketRepository } from '../basket/basket.repository';
import { checkDelivery } from '../basket/basket.service';
import { OrderingFactsService } from '../account/ordering-facts.repository';
import { QuotePriceChange } from '../order/order.entity';
import { requireOrderer } from '../order/order-access';
import { MAX_NOTES_LENGTH, MAX_ORDER_LINES, MAX_REFERENCE_LENGTH } from '../order/order.inputs';
import { lineTotal, normalizeSku, optionalText, totalsOf, wholeQuantity } from '../pricing/line-rules';
import { PricingLine } from '../pricing/order-pricing.client';
import { OrderPricingService } from '../pricing/order-pricing.service';
import { OrderableLine, requireOrderable } from '../pricing/priced-lines';
import { QuoteEntity, QuoteStatus } from './quote.entity';
import { QuoteLineEntity } from './quote-line.entity';
import { QuoteRepository } from './quote.repository';

export const MAX_QUOTES_PER_PAGE = 100;
export const DEFAULT_VALIDITY_DAYS = 30;
export const MAX_VALIDITY_DAYS = 365;
const DAY_MS = 86_400_000;

/** Today as a day (YYYY-MM-DD, UTC). */
export const today = (now = new Date()): string => now.toISOString().slice(0, 10);

/** Whether the quote's prices still hold (on its last valid day too). */
export function isValid(quote: QuoteEntity, now = new Date()): boolean {
  return quote.validUntil >= today(now);
}

export interface QuoteLineChange {
  sku?: string | null;
  productId?: string | null;
  quantity: unknown;
}

/**
 * Quotes (O2, "trial orders"): the basket saved with exact prices and a validity date, listed,
 * changed and re-priced as often as wanted, and ordered (placeOrder with quoteId). Visible to the
 * company's users with orders.view; changed by those who may order.
 */
export class QuoteService {
  constructor(
    private readonly quotes: QuoteRepository,
    private readonly em: EntityManager,
    private readonly baskets: BasketRepository,
    private readonly pricing: OrderPricingService,
    private readonly facts: OrderingFactsService,
  ) {}

  async list(viewer: Viewer | null, args: { first: number; status?: QuoteStatus | null }): Promise<QuoteEntity[]> {
    const v = requirePermission(viewer, 'orders.view');
    checkPageSize(args.first, { max: MAX_QUOTES_PER_PAGE });
    if (v.kind !== 'CUSTOMER' || !v.companyId) return [];
    return this.quotes.list(v.companyId, args.status ?? null, args.first);
  }

  /** A quote of the viewer's company; another company's is NOT_FOUND like a missing one. */
  async get(viewer: Viewer | null, id: string): Promise<QuoteEntity> {
    const v = requirePermission(viewer, 'orders.view');
    if (!isUuid(id)) throw badUserInput('Quote id must be a UUID.', 'id');
    const quote = await this.quotes.withLines(id);
    if (!quote || (v.kind !== 'STAFF' && quote.companyId !== v.companyId)) throw notFound('Quote', id);
    return quote;
  }

  private validUntil(value: string | null | undefined, now: Date): string {
    if (value === null || value === undefined) return today(new Date(now.getTime() + DEFAULT_VALIDITY_DAYS * DAY_MS));
    const at = new Date(`${value}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(at.getTime()) || today(at) !== value) throw badUserInput('validUntil must be a date (YYYY-MM-DD).', 'validUntil');
    if (value < today(now)) throw badUserInput('validUntil is in the past.', 'validUntil');
    if (value > today(new Date(now.getTime() + MAX_VALIDITY_DAYS * DAY_MS))) throw badUserInput(`A quote is valid for at most ${MAX_VALIDITY_DAYS} days.`, 'validUntil');
    return value;
  }

  /** Prices lines strictly for a quote: every line orderable, with the viewer's price. */
  private async priceStrictly(lines: readonly PricingLine[], field: (i: number, part: 'product' | 'quantity') => string): Promise<OrderableLine[]> {
    const result = await this.pricing.price(lines);
    return requireOrderable(result, field, (i) => lines[i].sku ?? lines[i].productId ?? `Line ${i + 1}`);
  }

  private async writePrices(quote: QuoteEntity, priced: readonly OrderableLine[], em: EntityManager): Promise<void> {
    const currency = priced[0].currency;
    const totals = totalsOf(priced.map((l) => lineTotal(l.quantity, l.unitPrice, currency)), currency, await this.facts.taxRateOf(quote.companyId));
    quote.currency = currency;
    quote.total = totals.net.toFixed(2);
    quote.taxTotal = totals.tax?.toFixed(2) ?? null;
    quote.pricedAt = new Date();
    // The quote's old lines were not loaded in this transaction: they go in SQL, the new ones with the flush.
    await em.nativeDelete(QuoteLineEntity, { quote: quote.id });
    priced.forEach((l, i) => {
      em.create(QuoteLineEntity, {
        quote, lineNo: i + 1, productId: l.productId, sku: l.sku, quantity: String(l.quantity), unitPrice: l.unitPrice.toFixed(), lineTotal: lineTotal(l.quantity, l.unitPrice, currency).toFixed(2),
      });
    });
  }

  /** Saves the viewer's basket as a quote, priced now, valid until the day given (default: 30 days); the basket stays unless `clearBasket`. */
  async saveBasket(viewer: Viewer | null, input: { name?: string | null; validUntil?: string | null; clearBasket?: boolean | null }): Promise<QuoteEntity> {
    const v = requireOrderer(viewer);
    const now = new Date();
    const validUntil = this.validUntil(input.validUntil, now);
    const name = optionalText(input.name, 'name', 200);
    const basket = await this.baskets.basketOf(v.userId);
    const lines = basket?.lines ?? [];
    if (lines.length === 0) throw badUserInput('Your basket is empty.', 'basket');
    const priced = await this.priceStrictly(lines.map((l) => ({ productId: l.productId, quantity: new Decimal(l.quantity).toNumber() })), () => 'basket');
    const quote = await this.em.transactional(async (em) => {
      const quote = em.create(QuoteEntity, {
        number: `Q-${Date.now().toString(36).toUpperCase()}-${randomBytes(2).toString('hex').toUpperCase()}`,
        companyId: v.companyId, createdByUserId: v.userId, name, validUntil, currency: priced[0].currency, total: '0', pricedAt: now,
        deliveryAddressCode: basket!.deliveryAddressCode, branchId: basket!.branchId, customerReference: basket!.customerReference, notes: basket!.notes,
      });
      await this.writePrices(quote, priced, em);
      return quote;
    });
    if (input.clearBasket) await this.baskets.removeLines(v.userId, lines.map((l) => l.productId));
    return (await this.quotes.withLines(quote.id))!;
  }

  /** An OPEN quote of the viewer's company, for a change. */
  private async open(viewer: Viewer | null, id: string): Promise<QuoteEntity> {
    requireOrderer(viewer);
    const quote = await this.get(viewer, id);
    if (quote.status !== QuoteStatus.OPEN) throw conflict(`Quote ${quote.number} was already ordered.`);
    return quote;
  }

  /**
   * Changes a quote: its name, validity, delivery and references, and (given `lines`) its lines,
   * which replace the old ones. Any change of lines or validity prices it anew at today's prices.
   */
  async update(
    viewer: Viewer | null,
    input: {
      id: string; name?: string | null; validUntil?: string | null; lines?: QuoteLineChange[] | null;
      deliveryAddressCode?: string | null; branchId?: string | null; customerReference?: string | null; notes?: string | null;
    },
  ): Promise<QuoteEntity> {
    const quote = await this.open(viewer, input.id);
    const now = new Date();
    const validUntil = input.validUntil === undefined ? null : this.validUntil(input.validUntil, now);
    let lines: PricingLine[] | null = null;
    if (input.lines) {
      if (input.lines.length === 0 || input.lines.length > MAX_ORDER_LINES) throw badUserInput(`A quote has 1 to ${MAX_ORDER_LINES} lines.`, 'lines');
      lines = input.lines.map((l, i) => {
        if ((l.sku ? 1 : 0) + (l.productId ? 1 : 0) !== 1) throw badUserInput('Give exactly one of sku or productId.', `lines.${i}.sku`);
        if (l.productId && !isUuid(l.productId)) throw badUserInput('productId must be a UUID.', `lines.${i}.productId`);
        const quantity = wholeQuantity(l.quantity, `lines.${i}.quantity`);
        return l.sku ? { sku: normalizeSku(l.sku, `lines.${i}.sku`), quantity } : { productId: l.productId!, quantity };
      });
    }
    if (input.branchId !== undefined && input.branchId !== null && !isUuid(input.branchId)) throw badUserInput('branchId must be a UUID.', 'branchId');
    const details = {
      deliveryAddressCode: input.deliveryAddressCode === undefined ? quote.deliveryAddressCode : input.deliveryAddressCode?.trim() || null,
      branchId: input.branchId === undefined ? quote.branchId : input.branchId,
      customerReference: input.customerReference === undefined ? quote.customerReference : optionalText(input.customerReference, 'customerReference', MAX_REFERENCE_LENGTH),
      notes: input.notes === undefined ? quote.notes : optionalText(input.notes, 'notes', MAX_NOTES_LENGTH),
    };
    if (input.deliveryAddressCode || input.branchId) await checkDelivery(this.pricing, this.facts, quote.companyId, details);
    const reprice = lines ?? (validUntil ? quote.lines.getItems().map((l) => ({ productId: l.productId, quantity: new Decimal(l.quantity).toNumber() })) : null);
    const priced = reprice ? await this.priceStrictly(reprice, (i, part) => (input.lines ? `lines.${i}.${part === 'product' ? (input.lines[i].sku ? 'sku' : 'productId') : 'quantity'}` : 'lines')) : null;
    if (priced && new Set(priced.map((l) => l.productId)).size !== priced.length) throw badUserInput('Each product may appear on one line only.', 'lines');
    await this.em.transactional(async (em) => {
      const row = await em.findOneOrFail(QuoteEntity, { id: quote.id });
      if (row.status !== QuoteStatus.OPEN) throw conflict(`Quote ${row.number} was already ordered.`);
      Object.assign(row, details);
      if (input.name !== undefined) row.name = optionalText(input.name, 'name', 200);
      if (validUntil) row.validUntil = validUntil;
      if (priced) await this.writePrices(row, priced, em);
    });
    return (await this.quotes.withLines(quote.id))!;
  }

  /** Prices the quote's lines anew at today's prices (its validity stays). */
  async reprice(viewer: Viewer | null, id: string): Promise<QuoteEntity> {
    const quote = await this.open(viewer, id);
    const priced = await this.priceStrictly(quote.lines.getItems().map((l) => ({ productId: l.productId, quantity: new Decimal(l.quantity).toNumber() })), () => 'id');
    await this.em.transactional(async (em) => {
      const row = await em.findOneOrFail(QuoteEntity, { id: quote.id });
      if (row.status !== QuoteStatus.OPEN) throw conflict(`Quote ${row.number} was already ordered.`);
      await this.writePrices(row, priced, em);
    });
    return (await this.quotes.withLines(quote.id))!;
  }

  /** The quote's lines whose price today differs from the quoted one (asked of the gateway once per request). */
  async priceChanges(quote: QuoteEntity): Promise<QuotePriceChange[]> {
    const lines = quote.lines.getItems();
    if (lines.length === 0) return [];
    const result = await this.pricing.price(lines.map((l) => ({ productId: l.productId, quantity: new Decimal(l.quantity).toNumber() })));
    return priceChangesOf(lines, result.lines.map((l) => l?.unitPrice ?? null));
  }
}

/** Quoted lines whose price now (null: cannot be priced) differs from the quoted one. */
export function priceChangesOf(lines: readonly QuoteLineEntity[], now: ReadonlyArray<Decimal | null>): QuotePriceChange[] {
  const changes: QuotePriceChange[] = [];
  lines.forEach((line, i) => {
    const price = now[i];
    if (price && !price.eq(line.unitPrice)) changes.push({ lineNo: line.lineNo, sku: line.sku, quotedUnitPrice: new Decimal(line.unitPrice).toFixed(), unitPrice: price.toFixed() });
  });
  return changes;
}
