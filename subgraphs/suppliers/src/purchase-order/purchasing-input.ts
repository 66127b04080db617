import { badUserInput } from '@hub/errors';
import { Decimal } from '@hub/money';

const QUANTITY = /^\d{1,11}(\.\d{1,3})?$/;
const PRICE = /^\d{1,10}(\.\d{1,4})?$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Decimal inputs arrive parsed by the Decimal scalar (or as strings from code): the exact digits either way, never through a float. */
function digits(value: unknown): string | null {
  if (value instanceof Decimal) return value.toFixed();
  return typeof value === 'string' ? value : null;
}

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A positive decimal string with at most 3 decimals. */
export function checkQuantity(input: string | Decimal, field: string): string {
  const value = digits(input);
  if (value === null || !QUANTITY.test(value) || new Decimal(value).lte(0)) throw badUserInput(`${field} must be a positive decimal (at most 3 decimals).`, field);
  return new Decimal(value).toString();
}

/** A decimal string of zero or more with at most 4 decimals (purchase prices). */
export function checkPrice(input: string | Decimal, field: string): string {
  const value = digits(input);
  if (value === null || !PRICE.test(value)) throw badUserInput(`${field} must be a decimal of zero or more (at most 4 decimals).`, field);
  return new Decimal(value).toString();
}

/** A real calendar day (YYYY-MM-DD), not before `notBefore`. */
export function checkDay(value: string, field: string, notBefore: string): string {
  const parsed = DAY.test(value) ? new Date(`${value}T00:00:00Z`) : null;
  if (!parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) throw badUserInput(`${field} must be a day (YYYY-MM-DD).`, field);
  if (value < notBefore) throw badUserInput(`${field} may not be before ${notBefore}.`, field);
  return value;
}

export function checkCurrency(value: string): string {
  if (!/^[A-Z]{3}$/.test(value)) throw badUserInput('currency must be an ISO 4217 code (EUR).', 'currency');
  return value;
}

/** Optional free text: trimmed, null when blank, at most `max` characters. */
export function checkText(value: string | null | undefined, field: string, max: number): string | null {
  const text = value?.trim() || null;
  if (text && text.length > max) throw badUserInput(`${field} may be at most ${max} characters.`, field);
  return text;
}
