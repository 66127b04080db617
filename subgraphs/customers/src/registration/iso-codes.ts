import { readFileSync } from 'node:fs';
import { codes as currencyCodes } from 'currency-codes';
import { getAlpha2Codes } from 'i18n-iso-countries';
import { badUserInput } from '@hub/errors';

/**
 * ISO 3166-1 alpha-2 codes from i18n-iso-countries (kept up to date with ISO). It also has XK
 * (Kosovo), a user-assigned code that the EU and ERPs use, so a Kosovar company can register.
 */
const COUNTRIES: ReadonlySet<string> = new Set(Object.keys(getAlpha2Codes()));

/**
 * Codes in ISO 4217 that are no money a company trades in: funds (IsFund, e.g. BOV, CHE, USN) and
 * codes without minor units (N.A.: precious metals XAU/XAG/XPD/XPT, bond market units XBA-XBD,
 * units of account XDR/XSU/XUA, XTS for testing, XXX for "no currency"). currency-codes builds its
 * data from ISO's own list and ships that list, which is the only place that marks them.
 */
function notTradeCurrencies(): Set<string> {
  const list = readFileSync(require.resolve('currency-codes/iso-4217-list-one.xml'), 'utf8');
  const excluded = new Set<string>();
  for (const [, entry] of list.matchAll(/<CcyNtry>([\s\S]*?)<\/CcyNtry>/g)) {
    const code = /<Ccy>([A-Z]{3})<\/Ccy>/.exec(entry)?.[1];
    if (code && (/IsFund="true"/.test(entry) || /<CcyMnrUnts>N\.A\.<\/CcyMnrUnts>/.test(entry))) excluded.add(code);
  }
  return excluded;
}

const CURRENCIES: ReadonlySet<string> = (() => {
  const excluded = notTradeCurrencies();
  return new Set(currencyCodes().filter((code) => !excluded.has(code)));
})();

export function isCountryCode(code: string): boolean {
  return COUNTRIES.has(code);
}

export function isCurrencyCode(code: string): boolean {
  return CURRENCIES.has(code);
}

/** The country code upper-cased, or BAD_USER_INPUT naming `field`. */
export function countryCode(value: string | null | undefined, field: string): string {
  const code = (value ?? '').trim().toUpperCase();
  if (!isCountryCode(code)) throw badUserInput(`${field} must be an ISO 3166-1 country code of two letters, e.g. SE.`, field);
  return code;
}

/** The currency code upper-cased, or BAD_USER_INPUT naming `field`. */
export function currencyCode(value: string | null | undefined, field: string): string {
  const code = (value ?? '').trim().toUpperCase();
  if (!isCurrencyCode(code)) throw badUserInput(`${field} must be an ISO 4217 currency code, e.g. SEK.`, field);
  return code;
}
