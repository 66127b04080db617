import { EntityManager } from '@mikro-orm/postgresql';
import { requireStaffPermission, Viewer } from '@hub/auth';
import { badUserInput, conflict, notFound } from '@hub/errors';
import { Decimal, isCurrencyCode, roundMoney } from '@hub/money';
import { isUuid } from '@hub/subgraph-kit';
import { DeliveryCostRepository, DeliveryFacts } from './delivery-cost.repository';
import type { Basket } from '../basket/basket.repository';
import type { BasketService } from '../basket/basket.service';
import { estimatePacking, matchingRates, PackingEstimate, rateCost, RateData, Surcharge, surchargesOf } from './delivery-cost.rules';
import { DeliveryRateEntity } from './delivery-rate.entity';
import { LogisticMinimumEntity } from './logistic-minimum.entity';

/** A line to deliver: product, quantity and its net value (for free-delivery thresholds and order minimums). */
export interface DeliveryLine {
  productId: string;
  sku: string;
  quantity: Decimal.Value;
  lineTotal: Decimal.Value;
}

/** What delivering by one method costs. */
export interface DeliveryOption {
  method: string;
  rateId: string;
  cost: Decimal;
  free: boolean;
  freeFrom: Decimal | null;
  missingForFree: Decimal | null;
}

/** A delivery quote (O12): packing, the chosen method's rule and cost, surcharges, and every method that could deliver. */
export interface DeliveryQuote {
  country: string | null;
  currency: string;
  packing: PackingEstimate;
  /** The chosen method (asked for, else the cheapest); null when no rule delivers this shipment. */
  chosen: DeliveryOption | null;
  options: DeliveryOption[];
  surcharges: Surcharge[];
  /** Delivery cost plus surcharges (0 without a matching rule and surcharges). */
  total: Decimal;
  /** Why there is no chosen method, when there is none. */
  problem: string | null;
}

export interface DeliveryQuestion {
  lines: readonly DeliveryLine[];
  currency: string;
  /** ISO 3166 alpha-2; null: the company's own country (from the ERP). */
  country: string | null;
  /** A delivery address code of the company: its country (when `country` is null). */
  deliveryAddressCode?: string | null;
  /** A delivery method code; null: the cheapest that delivers. */
  method: string | null;
  /** The buying company; null for the public shop (guests). */
  companyId: string | null;
}

const METHOD = /^[A-Z][A-Z0-9_]{0,29}$/;
const COUNTRY = /^[A-Z]{2}$/;

function amount(value: Decimal.Value | null | undefined, field: string, options: { positive?: boolean; nullable?: boolean } = {}): string | null {
  if (value === null || value === undefined || value === '') {
    if (options.nullable) return null;
    throw badUserInput(`${field} is required.`, field);
  }
  let d: Decimal;
  try {
    d = new Decimal(value);
  } catch {
    throw badUserInput(`${field} must be a decimal number.`, field);
  }
  if (!d.isFinite() || d.isNegative() || (options.positive && d.isZero())) throw badUserInput(`${field} must be ${options.positive ? 'above zero' : 'zero or more'}.`, field);
  if (d.gt('1000000000')) throw badUserInput(`${field} is too large.`, field);
  return d.toFixed();
}

export interface DeliveryRateInputData {
  method: string;
  country?: string | null;
  maxWeightKg?: Decimal.Value | null;
  maxVolumeM3?: Decimal.Value | null;
  baseCost: Decimal.Value;
  costPerParcel?: Decimal.Value | null;
  costPerPallet?: Decimal.Value | null;
  currency: string;
  freeFrom?: Decimal.Value | null;
}

export interface LogisticMinimumInputData {
  companyId?: string | null;
  productId?: string | null;
  minOrderValue?: Decimal.Value | null;
  minQuantity?: Decimal.Value | null;
  surcharge: Decimal.Value;
  currency: string;
}

/**
 * Delivery costs (O12): a packing estimate in parcels and pallets from the ERP's packing data, the
 * matching transport rule of each delivery method for the destination and its cost, free delivery
 * from a rule's threshold, and the logistic minimums' surcharges. `quote` is what the basket, the
 * checkout and order placement (and a guest checkout, with companyId null) price delivery with;
 * staff (staff.orders) keep the rules and minimums.
 */
export class DeliveryCostService {
  constructor(
    private readonly em: EntityManager,
    private readonly repository: DeliveryCostRepository,
    private readonly baskets: BasketService | null = null,
  ) {}

  /** `known`: the facts for these lines' products and company, when the caller read them with its own (placing from the basket). */
  async quote(question: DeliveryQuestion, known?: DeliveryFacts): Promise<DeliveryQuote> {
    const { lines, currency, companyId } = question;
    if (question.country !== null && !COUNTRY.test(question.country)) throw badUserInput('country must be an ISO 3166 alpha-2 code.', 'country');
    if (question.method !== null && !METHOD.test(question.method)) throw badUserInput('A delivery method is a code of capitals, digits and "_".', 'method');
    const facts = known ?? (await this.repository.facts([...new Set(lines.map((l) => l.productId))], companyId));
    const country = question.country ?? (question.deliveryAddressCode ? facts.destination?.addressCountries[question.deliveryAddressCode] : undefined) ?? facts.destination?.country ?? null;
    const packing = estimatePacking(lines.map((l) => ({ sku: l.sku, quantity: new Decimal(l.quantity), logistics: facts.logistics.get(l.productId) ?? null })));
    const orderValue = lines.reduce((sum, l) => sum.plus(l.lineTotal), new Decimal(0));
    const surcharges = surchargesOf(facts.minimums, companyId, currency, orderValue, lines.map((l) => ({ productId: l.productId, sku: l.sku, quantity: new Decimal(l.quantity) })))
      .map((s) => ({ ...s, amount: roundMoney(s.amount, currency) }));
    const options: DeliveryOption[] = country === null || lines.length === 0
      ? []
      : matchingRates(facts.rates, country, currency, packing)
          .map((rate: RateData) => {
            const c = rateCost(rate, packing, orderValue);
            return { method: rate.method, rateId: rate.id, cost: roundMoney(c.cost, currency), free: c.free, freeFrom: rate.freeFrom === null ? null : new Decimal(rate.freeFrom), missingForFree: c.missingForFree };
          })
          .sort((a, b) => a.cost.comparedTo(b.cost) || a.method.localeCompare(b.method));
    const chosen = question.method !== null ? options.find((o) => o.method === question.method) ?? null : options[0] ?? null;
    let problem: string | null = null;
    if (lines.length === 0) problem = 'Nothing to deliver.';
    else if (country === null) problem = 'The destination country is not known yet.';
    else if (!chosen) problem = question.method !== null ? `No ${question.method} delivery rule covers this shipment to ${country}.` : `No delivery rule covers this shipment to ${country}; the distributor quotes its transport.`;
    const total = surcharges.reduce((sum, s) => sum.plus(s.amount), chosen?.cost ?? new Decimal(0));
    return { country, currency, packing, chosen, options, surcharges, total, problem };
  }

  /** The basket's delivery: its priced lines to its delivery address; null while it has no priced line. */
  async forBasket(basket: Basket, method: string | null): Promise<DeliveryQuote | null> {
    if (!this.baskets) return null;
    const priced = await this.baskets.priced(basket);
    if (!priced.currency) return null;
    const lines = priced.lines.filter((l) => l.lineTotal !== null && l.product?.currency === priced.currency);
    return this.quote({
      lines: lines.map((l) => ({ productId: l.line.productId, sku: l.line.sku, quantity: l.line.quantity, lineTotal: l.lineTotal! })),
      currency: priced.currency, country: null, deliveryAddressCode: basket.deliveryAddressCode, method, companyId: basket.companyId,
    });
  }

  // ---- staff's rules --------------------------------------------------------------------------

  rates(viewer: Viewer | null): Promise<DeliveryRateEntity[]> {
    requireStaffPermission(viewer, 'staff.orders');
    return this.em.find(DeliveryRateEntity, {}, { orderBy: { method: 'asc', country: 'asc', maxWeightKg: 'asc', maxVolumeM3: 'asc' } });
  }

  /** Sets the rule of a band (method, country, weight and volume limits); with an id, changes that rule (into a band another rule holds: CONFLICT). */
  async setRate(viewer: Viewer | null, id: string | null, input: DeliveryRateInputData): Promise<DeliveryRateEntity> {
    const v = requireStaffPermission(viewer, 'staff.orders');
    const method = input.method.trim().toUpperCase();
    if (!METHOD.test(method)) throw badUserInput('method is a code of 1 to 30 capitals, digits and "_", starting with a letter.', 'method');
    const country = input.country ? input.country.trim().toUpperCase() : null;
    if (country !== null && !COUNTRY.test(country)) throw badUserInput('country must be an ISO 3166 alpha-2 code (null: any country).', 'country');
    if (!isCurrencyCode(input.currency)) throw badUserInput('currency must be an ISO 4217 code.', 'currency');
    const fields = {
      method, country, currency: input.currency,
      maxWeightKg: amount(input.maxWeightKg, 'maxWeightKg', { positive: true, nullable: true }),
      maxVolumeM3: amount(input.maxVolumeM3, 'maxVolumeM3', { positive: true, nullable: true }),
      baseCost: amount(input.baseCost, 'baseCost')!,
      costPerParcel: amount(input.costPerParcel ?? '0', 'costPerParcel')!,
      costPerPallet: amount(input.costPerPallet ?? '0', 'costPerPallet')!,
      freeFrom: amount(input.freeFrom, 'freeFrom', { nullable: true }),
    };
    const bandKey = [method, country ?? '*', fields.maxWeightKg ?? '*', fields.maxVolumeM3 ?? '*'].join('|');
    const clash = await this.em.findOne(DeliveryRateEntity, { bandKey });
    // Without an id: the rule of this band, created or replaced. With one: that rule, moved to this band if no other holds it.
    const rate = id === null ? clash ?? new DeliveryRateEntity() : await this.em.findOne(DeliveryRateEntity, { id: this.uuid(id, 'id') });
    if (!rate) throw notFound('DeliveryRate', id!);
    if (clash && clash.id !== rate.id) throw conflict(`There is already a ${method} rule for ${country ?? 'any country'} up to ${fields.maxWeightKg ?? 'any'} kg and ${fields.maxVolumeM3 ?? 'any'} m³: change that one.`);
    Object.assign(rate, fields, { bandKey, updatedBy: v.userId, updatedAt: new Date() });
    this.em.persist(rate);
    await this.em.flush();
    return rate;
  }

  async removeRate(viewer: Viewer | null, id: string): Promise<boolean> {
    requireStaffPermission(viewer, 'staff.orders');
    const removed = await this.em.nativeDelete(DeliveryRateEntity, { id: this.uuid(id, 'id') });
    if (removed === 0) throw notFound('DeliveryRate', id);
    return true;
  }

  minimums(viewer: Viewer | null): Promise<LogisticMinimumEntity[]> {
    requireStaffPermission(viewer, 'staff.orders');
    return this.em.find(LogisticMinimumEntity, {}, { orderBy: { scope: 'asc' } });
  }

  /** Sets the minimum of a scope (default, a company, a product), replacing the one there. */
  async setMinimum(viewer: Viewer | null, input: LogisticMinimumInputData): Promise<LogisticMinimumEntity> {
    const v = requireStaffPermission(viewer, 'staff.orders');
    const companyId = input.companyId ? this.uuid(input.companyId, 'companyId') : null;
    const productId = input.productId ? this.uuid(input.productId, 'productId') : null;
    if (companyId && productId) throw badUserInput('A minimum is for a company or for a product, not both.', 'productId');
    if (!isCurrencyCode(input.currency)) throw badUserInput('currency must be an ISO 4217 code.', 'currency');
    const minOrderValue = amount(input.minOrderValue, 'minOrderValue', { positive: true, nullable: true });
    const minQuantity = amount(input.minQuantity, 'minQuantity', { positive: true, nullable: true });
    if (productId && (minQuantity === null || minOrderValue !== null)) throw badUserInput("A product's minimum is a line quantity: give minQuantity (and no minOrderValue).", 'minQuantity');
    if (!productId && (minOrderValue === null || minQuantity !== null)) throw badUserInput("A customer's minimum is an order value: give minOrderValue (and no minQuantity).", 'minOrderValue');
    const scope = productId ? `PRODUCT:${productId}` : companyId ? `COMPANY:${companyId}` : 'DEFAULT';
    const minimum = (await this.em.findOne(LogisticMinimumEntity, { scope })) ?? new LogisticMinimumEntity();
    Object.assign(minimum, { scope, companyId, productId, minOrderValue, minQuantity, surcharge: amount(input.surcharge, 'surcharge', { positive: true })!, currency: input.currency, updatedBy: v.userId, updatedAt: new Date() });
    this.em.persist(minimum);
    await this.em.flush();
    return minimum;
  }

  async removeMinimum(viewer: Viewer | null, id: string): Promise<boolean> {
    requireStaffPermission(viewer, 'staff.orders');
    const removed = await this.em.nativeDelete(LogisticMinimumEntity, { id: this.uuid(id, 'id') });
    if (removed === 0) throw notFound('LogisticMinimum', id);
    return true;
  }

  private uuid(id: string, field: string): string {
    if (!isUuid(id)) throw badUserInput(`${field} must be a UUID.`, field);
    return id;
  }
}
