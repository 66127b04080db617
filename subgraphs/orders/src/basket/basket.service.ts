import { Viewer } from '@hub/auth';
import { badUserInput, conflict } from '@hub/errors';
import { Decimal } from '@hub/money';
import { isUuid } from '@hub/subgraph-kit';
import { OrderingFactsService } from '../account/ordering-facts.repository';
import { Orderer, requireOrderer } from '../order/order-access';
import { MAX_NOTES_LENGTH, MAX_ORDER_LINES, MAX_REFERENCE_LENGTH } from '../order/order.inputs';
import { lineTotal, normalizeSku, optionalText, totalsOf, Totals, wholeQuantity } from '../pricing/line-rules';
import { LineConfiguration, LineStatus, PricedLine, PricingLine, PricingResult } from '../pricing/order-pricing.client';
import { invalidConfiguration } from '../pricing/priced-lines';
import { OrderPricingService } from '../pricing/order-pricing.service';
import { Basket, BasketLine, BasketLineWrite, BasketRepository, withLines } from './basket.repository';

/** Lines per bulk add (O1: a pasted list, an upload). */
export const MAX_BULK_LINES = 500;
/** Lines a basket holds: what one order may have. */
export const MAX_BASKET_LINES = MAX_ORDER_LINES;

export type BasketLineProblem = 'NOT_FOUND' | 'NOT_SOLD_TO_YOU' | 'DISCONTINUED' | 'BELOW_MINIMUM_QUANTITY' | 'NEEDS_CONFIGURATION';

export interface RejectedLine {
  /** Its position in the request. */
  index: number;
  sku: string;
  quantity: string;
  problem: BasketLineProblem;
  message: string;
  minimumQuantity: string | null;
}

export interface AddedLine {
  index: number;
  sku: string;
  productId: string;
  quantity: string;
}

/** A basket line with its live price; null prices when the viewer may not see prices or cannot buy the product any more. */
export interface PricedBasketLine {
  line: BasketLine;
  product: PricedLine | null;
  unitPrice: Decimal | null;
  lineTotal: Decimal | null;
}

export interface PricedBasket {
  lines: PricedBasketLine[];
  currency: string | null;
  totals: Totals | null;
  taxRatePercent: string | null;
}

/** Why a line's product cannot be bought (the products subgraph's answer); AVAILABLE here means it just went away. */
const PROBLEMS: Record<LineStatus, BasketLineProblem> = { UNKNOWN: 'NOT_FOUND', NOT_SOLD_TO_YOU: 'NOT_SOLD_TO_YOU', DISCONTINUED: 'DISCONTINUED', AVAILABLE: 'NOT_FOUND', INVALID_CONFIGURATION: 'NEEDS_CONFIGURATION' };

const problemMessage = (sku: string, problem: BasketLineProblem, product?: PricedLine): string => {
  switch (problem) {
    case 'NOT_FOUND':
      return `There is no product ${sku}.`;
    case 'NOT_SOLD_TO_YOU':
      return `${sku} is not sold to your company.`;
    case 'DISCONTINUED':
      return `${sku} is no longer sold.`;
    case 'BELOW_MINIMUM_QUANTITY':
      return `${sku} is sold in quantities of at least ${product!.minOrderQuantity.toFixed()} (${product!.unit}).`;
    case 'NEEDS_CONFIGURATION':
      return `${sku} is built to your options: configure it (configureProduct) and add it with addConfiguredToBasket.`;
  }
};

/**
 * The current basket of each user (O1): one per user, priced live with the company's own prices,
 * breaks and currency (asked of the gateway as the user, once per request), never stored with a
 * price. Bulk entry puts the good lines in and reports the others line by line; every other bad
 * input is a BAD_USER_INPUT that changes nothing.
 */
export class BasketService {
  private readonly pricedBaskets = new WeakMap<Basket, Promise<PricedBasket>>();

  constructor(
    private readonly baskets: BasketRepository,
    private readonly pricing: OrderPricingService,
    private readonly facts: OrderingFactsService,
  ) {}

  /** The viewer's basket (an empty one when there is none yet). */
  async get(viewer: Viewer | null): Promise<Basket> {
    const v = requireOrderer(viewer);
    return this.current(v);
  }

  /** The viewer's basket, read with the company's facts (the tax rate prices it) in one statement. */
  private async current(v: Orderer): Promise<Basket> {
    const { basket, facts } = await this.baskets.basketAndFacts(v.userId, v.companyId);
    this.facts.prime(v.companyId, facts);
    return (
      basket ?? {
        userId: v.userId, companyId: v.companyId, deliveryAddressCode: null, branchId: null, customerReference: null, notes: null, updatedAt: new Date(), lines: [],
      }
    );
  }

  /** What pricing these lines asks (the same question the basket's fields ask, so an answer primed for it is used). */
  private static question(lines: ReadonlyArray<{ productId: string; quantity: string; configuration?: LineConfiguration | null }>): PricingLine[] {
    return lines.map((l) => ({ productId: l.productId, quantity: new Decimal(l.quantity).toNumber(), ...(l.configuration ? { options: l.configuration.options } : {}) }));
  }

  /** The basket's lines at today's prices (one gateway request per request), with totals and tax. */
  priced(basket: Basket): Promise<PricedBasket> {
    let priced = this.pricedBaskets.get(basket);
    if (!priced) this.pricedBaskets.set(basket, (priced = this.price(basket)));
    return priced;
  }

  private async price(basket: Basket): Promise<PricedBasket> {
    const lines = basket.lines;
    if (lines.length === 0) return { lines: [], currency: null, totals: null, taxRatePercent: null };
    const [result, taxRatePercent] = await Promise.all([this.pricing.price(BasketService.question(lines)), this.facts.taxRateOf(basket.companyId)]);
    const priced = lines.map((line, i): PricedBasketLine => {
      const product = result.lines[i];
      const unitPrice = product?.unitPrice ?? null;
      const currency = product?.currency ?? null;
      return { line, product, unitPrice, lineTotal: unitPrice && currency ? lineTotal(line.quantity, unitPrice, currency) : null };
    });
    const currency = priced.find((l) => l.product?.currency)?.product?.currency ?? null;
    const totalled = priced.filter((l) => l.lineTotal !== null && l.product?.currency === currency);
    return {
      lines: priced,
      currency,
      totals: currency ? totalsOf(totalled.map((l) => l.lineTotal!), currency, taxRatePercent) : null,
      taxRatePercent: currency ? taxRatePercent : null,
    };
  }

  /** Adds one product (by SKU or id); again: to its quantity. Unknown, not sold to the company, below the minimum: BAD_USER_INPUT. */
  async add(viewer: Viewer | null, input: { sku?: string | null; productId?: string | null; quantity: unknown }): Promise<Basket> {
    const v = requireOrderer(viewer);
    if ((input.sku ? 1 : 0) + (input.productId ? 1 : 0) !== 1) throw badUserInput('Give exactly one of sku or productId.', 'sku');
    if (input.productId && !isUuid(input.productId)) throw badUserInput('productId must be a UUID.', 'productId');
    const sku = input.sku ? normalizeSku(input.sku, 'sku') : null;
    const quantity = wholeQuantity(input.quantity, 'quantity');
    const result = await this.addLines(v, [{ sku, productId: input.productId ?? null, quantity }]);
    const rejected = result.rejected[0];
    if (rejected) throw badUserInput(rejected.message, rejected.problem === 'BELOW_MINIMUM_QUANTITY' ? 'quantity' : sku ? 'sku' : 'productId');
    return result.basket;
  }

  /**
   * Bulk entry: up to MAX_BULK_LINES lines by SKU (the same SKU twice adds up). Malformed input
   * (no lines, too many, a bad SKU or a quantity that is not a whole number above zero) is a
   * BAD_USER_INPUT and changes nothing; lines that cannot be ordered (unknown, not sold to the
   * company, discontinued, below the minimum) are reported while the good ones go in.
   */
  async addMany(viewer: Viewer | null, lines: ReadonlyArray<{ sku: string; quantity: unknown }>): Promise<{ basket: Basket; added: AddedLine[]; rejected: RejectedLine[] }> {
    const v = requireOrderer(viewer);
    if (lines.length === 0 || lines.length > MAX_BULK_LINES) throw badUserInput(`Add 1 to ${MAX_BULK_LINES} lines at a time.`, 'lines');
    const parsed = lines.map((l, i) => ({ sku: normalizeSku(l.sku, `lines.${i}.sku`), productId: null, quantity: wholeQuantity(l.quantity, `lines.${i}.quantity`) }));
    return this.addLines(v, parsed);
  }

  /**
   * Prices the basket as it would be with these lines added, in one gateway request (existing
   * lines by id, new ones by SKU or id), writes the lines that can be ordered and primes the
   * basket's price for the answer.
   */
  private async addLines(v: Orderer, wanted: ReadonlyArray<{ sku: string | null; productId: string | null; quantity: number }>) {
    const basket = await this.current(v);
    const existing = basket.lines;
    // The same product twice in one request: one line with the quantities added up.
    const requests: Array<{ sku: string | null; productId: string | null; quantity: number; indexes: number[] }> = [];
    wanted.forEach((w, index) => {
      const same = requests.find((r) => (w.sku !== null && r.sku === w.sku) || (w.productId !== null && r.productId === w.productId));
      if (same) {
        same.quantity += w.quantity;
        same.indexes.push(index);
      } else requests.push({ ...w, indexes: [index] });
    });
    const existingOf = (r: { sku: string | null; productId: string | null }) => existing.find((l) => (r.sku !== null && l.sku === r.sku) || (r.productId !== null && l.productId === r.productId));
    const question: PricingLine[] = [
      ...existing.map((l) => ({
        productId: l.productId, quantity: new Decimal(l.quantity).toNumber() + requests.filter((r) => existingOf(r) === l).reduce((n, r) => n + r.quantity, 0),
        ...(l.configuration ? { options: l.configuration.options } : {}),
      })),
      ...requests.filter((r) => !existingOf(r)).map((r) => (r.sku !== null ? { sku: r.sku, quantity: r.quantity } : { productId: r.productId!, quantity: r.quantity })),
    ];
    const result = await this.pricing.price(question);
    const answerOf = (r: (typeof requests)[number]): number => {
      const line = existingOf(r);
      return line ? existing.indexOf(line) : existing.length + requests.filter((x) => !existingOf(x)).indexOf(r);
    };
    const pricedOf = (r: (typeof requests)[number]): PricedLine | null => result.lines[answerOf(r)];
    const rejected: RejectedLine[] = [];
    const added: AddedLine[] = [];
    const writes: BasketLineWrite[] = [];
    for (const r of requests) {
      const product = pricedOf(r);
      const sku = r.sku ?? product?.sku ?? r.productId!;
      const reject = (problem: BasketLineProblem) =>
        r.indexes.forEach((index) => rejected.push({ index, sku, quantity: String(wanted[index].quantity), problem, message: problemMessage(sku, problem, product ?? undefined), minimumQuantity: product ? product.minOrderQuantity.toFixed() : null }));
      if (!product) {
        reject(PROBLEMS[result.statuses[answerOf(r)]]);
        continue;
      }
      const total = existingOf(r) ? new Decimal(existingOf(r)!.quantity).plus(r.quantity) : new Decimal(r.quantity);
      if (total.lt(product.minOrderQuantity)) {
        reject('BELOW_MINIMUM_QUANTITY');
        continue;
      }
      writes.push({ productId: product.productId, sku: product.sku, quantity: String(r.quantity) });
      r.indexes.forEach((index) => added.push({ index, sku: product.sku, productId: product.productId, quantity: String(wanted[index].quantity) }));
    }
    rejected.sort((a, b) => a.index - b.index);
    added.sort((a, b) => a.index - b.index);
    if (writes.length === 0) return { basket, added, rejected };
    const lineCount = existing.length + writes.filter((w) => !existing.some((l) => l.productId === w.productId)).length;
    if (lineCount > MAX_BASKET_LINES) throw badUserInput(`A basket holds at most ${MAX_BASKET_LINES} lines; this would make ${lineCount}.`, 'lines');

    const after = withLines(basket, await this.baskets.writeLines(v.userId, v.companyId, writes, 'add'));
    this.primeWith(after, result);
    return { basket: after, added, rejected };
  }

  /**
   * A configured product (P7) into the basket with its options, judged and priced by the products
   * subgraph as the customer (asked through the gateway with the rest of the basket, as every
   * price is): options that break a rule are a BAD_USER_INPUT naming the rule (all of them in
   * extensions.brokenRules) and change nothing. A basket holds one configuration of a product: the
   * same options again add to its quantity, other options are a CONFLICT (order or remove it first).
   */
  async addConfigured(viewer: Viewer | null, input: { productId: string; options: ReadonlyArray<{ code: string; value: string }>; quantity: unknown }): Promise<Basket> {
    const v = requireOrderer(viewer);
    if (!isUuid(input.productId)) throw badUserInput('productId must be a UUID.', 'productId');
    const quantity = wholeQuantity(input.quantity, 'quantity');
    if (input.options.length === 0 || input.options.length > 50) throw badUserInput('Give 1 to 50 options.', 'options');
    const options = input.options.map((o, i) => {
      if (!/^[A-Za-z0-9_-]{1,50}$/.test(o.code.trim())) throw badUserInput('An option code is 1 to 50 letters, digits, "_" or "-".', `options.${i}.code`);
      if (o.value.length > 100) throw badUserInput('An option value has at most 100 characters.', `options.${i}.value`);
      return { code: o.code.trim().toUpperCase(), value: o.value.trim() };
    });
    const basket = await this.current(v);
    const existing = basket.lines.find((l) => l.productId === input.productId);
    const question: PricingLine[] = basket.lines.map((l) => ({
      productId: l.productId, quantity: new Decimal(l.quantity).toNumber() + (l === existing ? quantity : 0), ...(l.configuration ? { options: l.configuration.options } : {}),
    }));
    if (!existing) question.push({ productId: input.productId, quantity, options });
    else if (!existing.configuration) throw conflict(`${existing.sku} is in your basket without options.`);
    const index = existing ? basket.lines.indexOf(existing) : basket.lines.length;
    // The configuration asked for is judged even when the line is there (its options are compared below).
    const [result, asked] = await Promise.all([this.pricing.price(question), existing ? this.pricing.price([{ productId: input.productId, quantity, options }]) : null]);
    const askedStatus = asked ? asked.statuses[0] : result.statuses[index];
    const product = asked ? asked.lines[0] : result.lines[index];
    if (askedStatus === 'INVALID_CONFIGURATION') throw invalidConfiguration((asked ?? result).skus?.[asked ? 0 : index] ?? 'The product', (asked ?? result).brokenRules?.[asked ? 0 : index] ?? [], 'options');
    if (!product) throw badUserInput(problemMessage(input.productId, PROBLEMS[askedStatus]), 'productId');
    const configuration = product.configuration;
    if (!configuration) throw badUserInput(`${product.sku} is not a configurable product: add it with addToBasket.`, 'productId');
    if (existing && JSON.stringify(existing.configuration!.options) !== JSON.stringify(configuration.options)) {
      throw conflict(`Your basket already has ${product.sku} built to other options (${existing.configuration!.summary}): order or remove that line first.`);
    }
    const total = new Decimal(quantity).plus(existing ? existing.quantity : 0);
    if (total.lt(product.minOrderQuantity)) throw badUserInput(problemMessage(product.sku, 'BELOW_MINIMUM_QUANTITY', product), 'quantity');
    if (!existing && basket.lines.length + 1 > MAX_BASKET_LINES) throw badUserInput(`A basket holds at most ${MAX_BASKET_LINES} lines.`, 'productId');
    const after = withLines(basket, await this.baskets.writeLines(v.userId, v.companyId, [{ productId: product.productId, sku: product.sku, quantity: String(quantity), configuration }], 'add'));
    this.primeWith(after, result);
    return after;
  }

  /** Lets the basket's fields use prices this request already has (when the quantities are the ones priced). */
  private primeWith(basket: Basket, result: PricingResult): void {
    const lines = basket.lines;
    const byProduct = new Map(result.lines.filter((l): l is PricedLine => l !== null).map((l) => [l.productId, l]));
    const answer = lines.map((l) => byProduct.get(l.productId) ?? null);
    if (answer.every((a, i) => a !== null && a.quantity === new Decimal(lines[i].quantity).toNumber())) {
      this.pricing.prime(BasketService.question(lines), { company: null, lines: answer, statuses: answer.map(() => 'AVAILABLE') });
    }
  }

  /** Sets a line's quantity (whole, above zero, at least the product's minimum). */
  async updateLine(viewer: Viewer | null, input: { productId: string; quantity: unknown }): Promise<Basket> {
    const v = requireOrderer(viewer);
    if (!isUuid(input.productId)) throw badUserInput('productId must be a UUID.', 'productId');
    const quantity = wholeQuantity(input.quantity, 'quantity');
    const basket = await this.current(v);
    const lines = basket.lines;
    const line = lines.find((l) => l.productId === input.productId);
    if (!line) throw badUserInput('Your basket has no line with this product.', 'productId');
    const question = lines.map((l) => ({ productId: l.productId, quantity: l === line ? quantity : new Decimal(l.quantity).toNumber(), ...(l.configuration ? { options: l.configuration.options } : {}) }));
    const result = await this.pricing.price(question);
    const product = result.lines[lines.indexOf(line)];
    if (product && new Decimal(quantity).lt(product.minOrderQuantity)) throw badUserInput(problemMessage(product.sku, 'BELOW_MINIMUM_QUANTITY', product), 'quantity');
    const after = withLines(basket, await this.baskets.writeLines(v.userId, v.companyId, [{ productId: line.productId, sku: line.sku, quantity: String(quantity) }], 'set'));
    this.primeWith(after, result);
    return after;
  }

  async removeLine(viewer: Viewer | null, productId: string): Promise<Basket> {
    const v = requireOrderer(viewer);
    if (!isUuid(productId)) throw badUserInput('productId must be a UUID.', 'productId');
    if ((await this.baskets.removeLines(v.userId, [productId])) === 0) throw badUserInput('Your basket has no line with this product.', 'productId');
    return this.current(v);
  }

  async clear(viewer: Viewer | null): Promise<Basket> {
    const v = requireOrderer(viewer);
    await this.baskets.removeLines(v.userId, null);
    return this.current(v);
  }

  /**
   * Delivery address and branch, chosen from the company's own (asked of the gateway), and the
   * customer's reference and notes. A field left out keeps its value; null clears it.
   */
  async setDetails(
    viewer: Viewer | null,
    input: { deliveryAddressCode?: string | null; branchId?: string | null; customerReference?: string | null; notes?: string | null },
  ): Promise<Basket> {
    const v = requireOrderer(viewer);
    const basket = await this.current(v);
    if (input.branchId !== undefined && input.branchId !== null && !isUuid(input.branchId)) throw badUserInput('branchId must be a UUID.', 'branchId');
    const details = {
      deliveryAddressCode: input.deliveryAddressCode === undefined ? basket.deliveryAddressCode : input.deliveryAddressCode?.trim() || null,
      branchId: input.branchId === undefined ? basket.branchId : input.branchId,
      customerReference: input.customerReference === undefined ? basket.customerReference : optionalText(input.customerReference, 'customerReference', MAX_REFERENCE_LENGTH),
      notes: input.notes === undefined ? basket.notes : optionalText(input.notes, 'notes', MAX_NOTES_LENGTH),
    };
    await checkDelivery(this.pricing, this.facts, v.companyId, details);
    await this.baskets.setDetails(v.userId, v.companyId, details);
    return this.current(v);
  }
}

/**
 * The delivery address and branch must be the company's own: anything else (another company's
 * included) is BAD_USER_INPUT. Addresses come from the ERP account the orders subgraph keeps;
 * branches (hub-owned, in the customers subgraph) are asked of the gateway, only when one is named.
 * Returns the branch's own delivery address code, if any.
 */
export async function checkDelivery(
  pricing: OrderPricingService,
  facts: OrderingFactsService,
  companyId: string,
  details: { deliveryAddressCode: string | null; branchId: string | null },
): Promise<{ branchDeliveryAddressCode: string | null; customerNumber: string | null }> {
  const account = (await facts.of(companyId)).account;
  // Until the ERP's customers are synchronised, the customers subgraph answers for the addresses too.
  const company = details.branchId || !account ? (await pricing.price([], true)).company : null;
  const branch = details.branchId ? company?.branches.find((b) => b.id === details.branchId) : undefined;
  if (details.branchId && !branch) throw badUserInput("That is not one of your company's branches.", 'branchId');
  const codes = account?.deliveryAddressCodes ?? company?.deliveryAddressCodes ?? [];
  const code = details.deliveryAddressCode ?? branch?.deliveryAddressCode ?? null;
  if (code && !codes.includes(code)) throw badUserInput("That is not one of your company's delivery addresses.", 'deliveryAddressCode');
  return { branchDeliveryAddressCode: branch?.deliveryAddressCode ?? null, customerNumber: account?.customerNumber ?? company?.erpNumber ?? null };
}
