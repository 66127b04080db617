import { Decimal, isCurrencyCode } from '@hub/money';

/** Spain's form 347: operations with a third party above 3,005.06 EUR in a year are declared. */
export const DEFAULT_THRESHOLD = { amount: '3005.06', currency: 'EUR' };

export interface YearlyTotalsThreshold {
  amount: Decimal;
  currency: string;
}

/**
 * The declaration threshold from the environment (HUB_YEARLY_TOTALS_THRESHOLD, e.g. "3005.06", and
 * HUB_YEARLY_TOTALS_CURRENCY, e.g. "EUR"): the law changes it, so it is configuration. A value that
 * is not an amount or a currency code is refused, not silently replaced.
 */
export function yearlyTotalsThreshold(env: NodeJS.ProcessEnv = process.env): YearlyTotalsThreshold {
  const amount = env.HUB_YEARLY_TOTALS_THRESHOLD ?? DEFAULT_THRESHOLD.amount;
  const currency = env.HUB_YEARLY_TOTALS_CURRENCY ?? DEFAULT_THRESHOLD.currency;
  if (!/^\d{1,12}(\.\d{1,2})?$/.test(amount)) throw new Error(`HUB_YEARLY_TOTALS_THRESHOLD must be an amount such as 3005.06, not ${amount}`);
  if (!isCurrencyCode(currency)) throw new Error(`HUB_YEARLY_TOTALS_CURRENCY must be an ISO 4217 code such as EUR, not ${currency}`);
  return { amount: new Decimal(amount), currency };
}
