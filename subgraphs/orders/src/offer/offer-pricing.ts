import { badUserInput } from '@hub/errors';
import { Decimal, minorUnits, roundMoney } from '@hub/money';

/** A line to price: its quantity, the rep's unit price (unit-price mode) and its list value's weight (summing mode). */
export interface LineToPrice {
  quantity: Decimal;
  unitPrice: Decimal | null;
  /** The product's reference unit price (what the catalogue asks); null when unknown. */
  referencePrice: Decimal | null;
}

export interface PricedOfferLine {
  unitPrice: Decimal;
  lineTotal: Decimal;
}

/** Each line at its own unit price, line totals rounded to the currency. */
export function priceByUnit(lines: readonly LineToPrice[], currency: string): PricedOfferLine[] {
  return lines.map((l, i) => {
    if (!l.unitPrice) throw badUserInput('Give each line a unitPrice (or price the offer with a totalPrice).', `lines.${i}.unitPrice`);
    return { unitPrice: l.unitPrice, lineTotal: roundMoney(l.unitPrice.times(l.quantity), currency) };
  });
}

/**
 * Summing mode: one total spread over the lines in proportion to their list value (quantity ×
 * reference price; by quantity when a price is missing). Every line but the last gets its share
 * rounded down to the currency's minor unit, the last the remainder, so the lines add up to the
 * total exactly. A line's unit price is its total over its quantity, to four places (shown; the
 * line total is what is agreed).
 */
export function spreadTotal(total: Decimal, lines: readonly LineToPrice[], currency: string): PricedOfferLine[] {
  const places = minorUnits(currency);
  if (!total.isFinite() || total.lt(0) || total.decimalPlaces() > places) throw badUserInput(`totalPrice must be an amount of at least 0 with at most ${places} decimals.`, 'totalPrice');
  const byValue = lines.every((l) => l.referencePrice && l.referencePrice.gt(0));
  const weights = lines.map((l) => (byValue ? l.quantity.times(l.referencePrice!) : l.quantity));
  const sum = weights.reduce((a, w) => a.plus(w), new Decimal(0));
  let given = new Decimal(0);
  return lines.map((l, i) => {
    const share = i === lines.length - 1 ? total.minus(given) : total.times(weights[i]).dividedBy(sum).toDecimalPlaces(places, Decimal.ROUND_DOWN);
    given = given.plus(share);
    return { unitPrice: share.dividedBy(l.quantity).toDecimalPlaces(4, Decimal.ROUND_HALF_UP), lineTotal: share };
  });
}

/** A money amount from input: finite, at least 0, within the currency's decimals. */
export function offerAmount(value: Decimal | null | undefined, currency: string, field: string): Decimal | null {
  if (value === null || value === undefined) return null;
  const places = minorUnits(currency) + 2;
  if (!value.isFinite() || value.lt(0) || value.decimalPlaces() > places || value.gt('9999999999')) throw badUserInput(`${field} must be an amount of at least 0 with at most ${places} decimals.`, field);
  return value;
}

/** A unit price as written on the offer: at least two decimals (10.50), more where it has them (4.3333). */
export function unitAmount(value: Decimal): string {
  return value.decimalPlaces() < 2 ? value.toFixed(2) : value.toFixed();
}
