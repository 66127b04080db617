import { badUserInput } from '@hub/errors';
import { Decimal, roundMoney } from '@hub/money';

/** The largest quantity of one line. */
export const MAX_LINE_QUANTITY = 100_000;

/**
 * A line quantity from client input (a Decimal string or an Int): greater than zero, at most
 * MAX_LINE_QUANTITY and whole, since every sales unit of the catalogue is whole (a box, a piece, a
 * bar; Product.price takes whole quantities). BAD_USER_INPUT on `field` otherwise.
 */
export function wholeQuantity(value: unknown, field: string): number {
  let d: Decimal;
  try {
    d = new Decimal(value as Decimal.Value);
  } catch {
    throw badUserInput('quantity must be a number.', field);
  }
  if (!d.isFinite() || d.lte(0)) throw badUserInput('quantity must be greater than zero.', field);
  if (!d.isInteger()) throw badUserInput('quantity must be a whole number: the product is sold in whole units.', field);
  if (d.gt(MAX_LINE_QUANTITY)) throw badUserInput(`quantity must be at most ${MAX_LINE_QUANTITY.toLocaleString('en')}.`, field);
  return d.toNumber();
}

/** SKUs are matched as the catalogue writes them: trimmed, upper case. */
export function normalizeSku(value: string, field: string): string {
  const sku = (value ?? '').trim().toUpperCase();
  if (sku.length === 0 || sku.length > 100) throw badUserInput('sku must be 1 to 100 characters.', field);
  return sku;
}

/** Free text of an order (reference, notes), trimmed; null when empty. */
export function optionalText(value: string | null | undefined, field: string, max: number): string | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (text.length > max) throw badUserInput(`${field} is at most ${max} characters.`, field);
  return text.length === 0 ? null : text;
}

export interface Totals {
  net: Decimal;
  tax: Decimal | null;
  gross: Decimal | null;
}

/** Line total: quantity × unit price, rounded to the currency like an invoice line. */
export function lineTotal(quantity: Decimal.Value, unitPrice: Decimal.Value, currency: string): Decimal {
  return roundMoney(new Decimal(unitPrice).times(quantity), currency);
}

/** Totals of rounded line totals; tax on the net total at the company's ERP rate, when the ERP gives one. */
export function totalsOf(lineTotals: readonly Decimal[], currency: string, taxRatePercent: Decimal.Value | null): Totals {
  const net = lineTotals.reduce((sum, t) => sum.plus(t), new Decimal(0));
  if (taxRatePercent === null) return { net, tax: null, gross: null };
  const tax = roundMoney(net.times(taxRatePercent).dividedBy(100), currency);
  return { net, tax, gross: net.plus(tax) };
}
