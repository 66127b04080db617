import { HubError } from '@hub/errors';
import { countryCode, currencyCode, isCountryCode, isCurrencyCode } from './iso-codes';

function refusal(run: () => unknown): { code: string; field: unknown } {
  try {
    run();
  } catch (error) {
    if (error instanceof HubError) return { code: error.code, field: error.extensions.field };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('ISO 3166-1 country codes', () => {
  it('knows the demo countries and refuses codes ISO does not assign', () => {
    for (const code of ['SE', 'PL', 'ES', 'EE', 'DE', 'GB', 'NL', 'XK']) expect(isCountryCode(code)).toBe(true);
    for (const code of ['ZZ', 'UK', 'EU', 'SWE', 'se', '']) expect(isCountryCode(code)).toBe(false);
  });

  it('upper-cases what the user typed and names the field when refusing', () => {
    expect(countryCode(' se ', 'country')).toBe('SE');
    expect(refusal(() => countryCode('ZZ', 'invoiceAddress.country'))).toEqual({ code: 'BAD_USER_INPUT', field: 'invoiceAddress.country' });
    expect(refusal(() => countryCode(undefined, 'country'))).toEqual({ code: 'BAD_USER_INPUT', field: 'country' });
  });
});

describe('ISO 4217 currency codes', () => {
  it('knows circulating currencies, including shared ones', () => {
    for (const code of ['SEK', 'EUR', 'PLN', 'USD', 'GBP', 'CHF', 'JPY', 'XOF', 'XAF', 'XCD', 'XPF']) expect(isCurrencyCode(code)).toBe(true);
  });

  it('refuses made-up codes, funds, metals, units of account and the test and no-currency codes', () => {
    for (const code of ['ABC', 'EURO', 'sek', '', 'XAU', 'XAG', 'XPT', 'XBA', 'XDR', 'XSU', 'XUA', 'XTS', 'XXX', 'BOV', 'CHE', 'CHW', 'CLF', 'COU', 'MXV', 'USN', 'UYI']) {
      expect(isCurrencyCode(code)).toBe(false);
    }
  });

  it('upper-cases what the user typed and names the field when refusing', () => {
    expect(currencyCode('sek', 'currency')).toBe('SEK');
    expect(refusal(() => currencyCode('ABC', 'currency'))).toEqual({ code: 'BAD_USER_INPUT', field: 'currency' });
  });
});
