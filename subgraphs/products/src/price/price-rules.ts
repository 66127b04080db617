import { badUserInput } from '@hub/errors';
import { Decimal, roundMoney } from '@hub/money';

export type PriceSourceKind = 'LIST' | 'GROUP' | 'CUSTOMER' | 'PROMOTION';

/** One ERP price rule as the rules below need it (a PriceRuleEntity fits). */
export interface PriceRuleData {
  companyId: string | null;
  customerGroup: string | null;
  minQuantity: string;
  price: string;
  currency: string;
  validFrom: string | null;
  validTo: string | null;
  promotion: boolean;
}

/** Who asks and when: the company, its ERP customer group and currency (all null for the public shop). */
export interface PriceViewer {
  companyId: string | null;
  customerGroup: string | null;
  /** The currency the company is invoiced in; null: the product's own currency. */
  currency: string | null;
  /** Today, YYYY-MM-DD: promotions and dated prices apply from validFrom to validTo, both days included. */
  today: string;
}

export interface ExchangeRateData {
  fromCurrency: string;
  toCurrency: string;
  rate: string;
  rateDate: string;
}

export interface ConversionRate {
  rate: Decimal;
  rateDate: string;
}

/** Looks up the ERP's rate from → to; the inverse pair is used when only it exists. */
export class RateTable {
  private readonly rates = new Map<string, ExchangeRateData>();

  constructor(rates: ExchangeRateData[]) {
    for (const r of rates) this.rates.set(`${r.fromCurrency}:${r.toCurrency}`, r);
  }

  rate(from: string, to: string): ConversionRate | null {
    if (from === to) return { rate: new Decimal(1), rateDate: '' };
    const direct = this.rates.get(`${from}:${to}`);
    if (direct && !new Decimal(direct.rate).isZero()) return { rate: new Decimal(direct.rate), rateDate: direct.rateDate };
    const inverse = this.rates.get(`${to}:${from}`);
    if (inverse && !new Decimal(inverse.rate).isZero()) return { rate: new Decimal(1).div(inverse.rate), rateDate: inverse.rateDate };
    return null;
  }
}

export interface ResolvedPrice {
  /** Unit price in `currency`: the ERP's own precision when not converted, rounded to the currency's minor unit when converted. */
  amount: Decimal;
  currency: string;
  source: PriceSourceKind;
  /** The rule's own price and currency before conversion. */
  baseAmount: Decimal;
  baseCurrency: string;
  /** The list price (from quantity 1, no promotion) in `currency`, for "was" prices. */
  listPrice: Decimal;
  /** The ERP rate used (1 baseCurrency = rate currency) and its date; null when nothing was converted. */
  rate: Decimal | null;
  rateDate: string | null;
  /** The quantity break the price applies from. */
  minQuantity: Decimal;
  /** The last day the price is valid (promotions and dated prices), else null. */
  validTo: string | null;
}

export const MAX_QUANTITY = 1_000_000;

export function validateQuantity(quantity: number): void {
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
    throw badUserInput('Quantity must be a whole number from 1 to 1,000,000.', 'quantity');
  }
}

const LEVEL: Record<Exclude<PriceSourceKind, 'PROMOTION'>, number> = { LIST: 0, GROUP: 1, CUSTOMER: 2 };

export function ruleLevel(rule: PriceRuleData): Exclude<PriceSourceKind, 'PROMOTION'> {
  if (rule.companyId) return 'CUSTOMER';
  if (rule.customerGroup) return 'GROUP';
  return 'LIST';
}

/** Whether a rule is meant for this viewer at all (its company, its group, or everyone). */
export function ruleAppliesTo(rule: PriceRuleData, viewer: PriceViewer): boolean {
  if (rule.companyId) return rule.companyId === viewer.companyId;
  if (rule.customerGroup) return rule.customerGroup === viewer.customerGroup;
  return true;
}

function inDateWindow(rule: PriceRuleData, today: string): boolean {
  return (!rule.validFrom || rule.validFrom <= today) && (!rule.validTo || rule.validTo >= today);
}

interface Candidate {
  rule: PriceRuleData;
  converted: Decimal;
  conversion: ConversionRate | null;
}

/**
 * The price a viewer pays for one unit of a product at a quantity. The precedence rules:
 *
 * 1. A rule counts only if it is meant for the viewer (a customer-specific rule for its company,
 *    a group rule for its ERP customer group, a list rule for everyone), its minimum quantity is
 *    at most the quantity asked for, and today lies between its validFrom and validTo (inclusive;
 *    open ends are unbounded). The product's list price is an implicit list rule from quantity 1.
 * 2. The regular price comes from the most specific level that has a counting rule:
 *    customer-specific before customer-group before list. Within that level the rule with the
 *    highest minimum quantity wins (the quantity break); equal breaks take the lower price.
 *    A more specific level wins even when a less specific one has a lower break price: an agreed
 *    customer price is the contract.
 * 3. Promotions (rules flagged promotion, at any level the viewer qualifies for) never raise a
 *    price: the lowest counting promotion replaces the regular price only when strictly lower.
 * 4. Prices are shown in the viewer's currency. A rule in another currency is converted with the
 *    ERP's rate (the inverse pair when only that exists) and rounded half-up to the currency's
 *    minor unit; comparisons use the converted amounts. Rules that cannot be converted do not
 *    count. If even the list price cannot be converted, everything stays in the product's currency.
 * 5. Quantities are whole numbers from 1 to 1,000,000; anything else is BAD_USER_INPUT.
 */
export function resolvePrice(
  product: { listPrice: string; currency: string },
  rules: readonly PriceRuleData[],
  viewer: PriceViewer,
  quantity: number,
  rates: RateTable,
): ResolvedPrice {
  validateQuantity(quantity);
  const listRule: PriceRuleData = {
    companyId: null, customerGroup: null, minQuantity: '1', price: product.listPrice, currency: product.currency, validFrom: null, validTo: null, promotion: false,
  };
  let target = viewer.currency ?? product.currency;
  if (!rates.rate(product.currency, target)) target = product.currency;

  const convert = (rule: PriceRuleData): Candidate | null => {
    if (rule.currency === target) return { rule, converted: new Decimal(rule.price), conversion: null };
    const conversion = rates.rate(rule.currency, target);
    if (!conversion) return null;
    return { rule, converted: roundMoney(new Decimal(rule.price).mul(conversion.rate), target), conversion };
  };

  const q = new Decimal(quantity);
  const regular: Candidate[] = [];
  const promotions: Candidate[] = [];
  for (const rule of [listRule, ...rules]) {
    if (!ruleAppliesTo(rule, viewer) || !inDateWindow(rule, viewer.today) || new Decimal(rule.minQuantity).gt(q)) continue;
    const candidate = convert(rule);
    if (!candidate) continue;
    (rule.promotion ? promotions : regular).push(candidate);
  }

  const better = (a: Candidate, b: Candidate): boolean => {
    const la = LEVEL[ruleLevel(a.rule)];
    const lb = LEVEL[ruleLevel(b.rule)];
    if (la !== lb) return la > lb;
    const qa = new Decimal(a.rule.minQuantity);
    const qb = new Decimal(b.rule.minQuantity);
    if (!qa.eq(qb)) return qa.gt(qb);
    return a.converted.lt(b.converted);
  };
  // The list rule always counts (it is in the target currency by construction).
  let chosen = regular.reduce((best, c) => (better(c, best) ? c : best));
  let source: PriceSourceKind = ruleLevel(chosen.rule);
  for (const promo of promotions) {
    if (promo.converted.lt(chosen.converted)) {
      chosen = promo;
      source = 'PROMOTION';
    }
  }
  const list = convert(listRule)!;
  return {
    amount: chosen.converted,
    currency: target,
    source,
    baseAmount: new Decimal(chosen.rule.price),
    baseCurrency: chosen.rule.currency,
    listPrice: list.converted,
    rate: chosen.conversion ? chosen.conversion.rate : null,
    rateDate: chosen.conversion ? chosen.conversion.rateDate : null,
    minQuantity: new Decimal(chosen.rule.minQuantity),
    validTo: chosen.rule.validTo,
  };
}
