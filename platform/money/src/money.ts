import Decimal from 'decimal.js';

/** Minor units per ISO 4217 currency; currencies not listed use 2. */
const MINOR_UNITS: Record<string, number> = { JPY: 0, KRW: 0, HUF: 2, CLP: 0, ISK: 0, BHD: 3, KWD: 3, TND: 3 };

export function minorUnits(currency: string): number {
  return MINOR_UNITS[currency] ?? 2;
}

/** Rounds half away from zero to the currency's minor unit, as invoices do. */
export function roundMoney(amount: Decimal.Value, currency: string): Decimal {
  return new Decimal(amount).toDecimalPlaces(minorUnits(currency), Decimal.ROUND_HALF_UP);
}

export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code);
}

export { Decimal };
