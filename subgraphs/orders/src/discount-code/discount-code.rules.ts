import { randomInt } from 'node:crypto';
import { badUserInput, conflict, HubError, notFound } from '@hub/errors';
import { Decimal, roundMoney } from '@hub/money';
import { DiscountCodeEntity, DiscountKind } from './discount-code.entity';

/** Letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L). */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** 12 characters of 31: about 59 bits, far beyond guessing at any rate the gateway lets through. */
const CODE_LENGTH = 12;

/** A new random code, e.g. "SPRING-7KQ4-MZ8R-2WXD" (prefix optional), from the system's cryptographic random source. */
export function randomDiscountCode(prefix: string | null): string {
  let body = '';
  for (let i = 0; i < CODE_LENGTH; i++) body += ALPHABET[randomInt(ALPHABET.length)];
  const grouped = body.match(/.{4}/g)!.join('-');
  return prefix ? `${prefix}-${grouped}` : grouped;
}

/** How a customer types a code: trimmed, upper case. BAD_USER_INPUT for what cannot be a code. */
export function normalizeDiscountCode(value: string, field = 'discountCode'): string {
  const code = (value ?? '').trim().toUpperCase();
  if (!/^[A-Z0-9-]{4,60}$/.test(code)) throw badUserInput('That is not a discount code.', field);
  return code;
}

export interface DiscountQuestion {
  companyId: string;
  /** The order value before tax and before the discount. */
  net: Decimal;
  currency: string;
  at: Date;
}

/**
 * What a code takes off an order, or the typed refusal: another company's code is NOT_FOUND (like
 * an unknown one), outside its window, below its minimum or in another currency BAD_USER_INPUT,
 * used up CONFLICT. The use itself is registered separately, under the row lock (claimUse).
 */
export function discountOf(code: DiscountCodeEntity, q: DiscountQuestion): Decimal {
  const refusal = refusalOf(code, q);
  if (refusal) throw refusal;
  if (code.kind === DiscountKind.PERCENT) return roundMoney(q.net.times(code.percent!).dividedBy(100), q.currency);
  return Decimal.min(new Decimal(code.amount!), q.net);
}

export function refusalOf(code: DiscountCodeEntity, q: DiscountQuestion): HubError | null {
  if (code.companyId !== null && code.companyId !== q.companyId) return notFound('Discount code', code.code);
  if (code.validFrom && q.at < code.validFrom) return badUserInput(`Discount code ${code.code} is valid from ${code.validFrom.toISOString().slice(0, 10)}.`, 'discountCode');
  if (code.validTo && q.at > code.validTo) return badUserInput(`Discount code ${code.code} expired on ${code.validTo.toISOString().slice(0, 10)}.`, 'discountCode');
  if (code.currency && code.currency !== q.currency && (code.kind === DiscountKind.AMOUNT || code.minOrderValue !== null)) {
    return badUserInput(`Discount code ${code.code} is for orders in ${code.currency}.`, 'discountCode');
  }
  if (code.minOrderValue !== null && q.net.lt(code.minOrderValue)) {
    return badUserInput(`Discount code ${code.code} needs an order value of at least ${new Decimal(code.minOrderValue).toFixed(2)} ${code.currency} before tax.`, 'discountCode');
  }
  if (code.usedCount >= code.maxUses) return conflict(`Discount code ${code.code} has been used up.`);
  return null;
}
