const DAY = 86_400_000;

/** A calendar day (UTC) as YYYY-MM-DD. */
export function isoDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The UTC day `at` falls on, at midnight. */
function startOfDay(at: Date): number {
  return Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
}

/** `months` calendar months after the day, on the last day of the month where it has no such day (31 January + 1 month = 28/29 February). */
export function addCalendarMonths(day: Date, months: number): Date {
  const y = day.getUTCFullYear();
  const m = day.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(day.getUTCDate(), lastDay)));
}

/** One stay in service: from the day the workshop received the goods to the day it shipped them back (today while still there). */
export interface ServiceStay {
  receivedAt: Date | null;
  shippedBackAt: Date | null;
}

/** The calendar days a unit spent in service during one stay: 0 until the workshop has it; counted to today while it is there. */
export function daysInService(stay: ServiceStay, now: Date = new Date()): number {
  if (!stay.receivedAt) return 0;
  const end = stay.shippedBackAt ?? now;
  return Math.max(0, Math.round((startOfDay(end) - startOfDay(stay.receivedAt)) / DAY));
}

/**
 * When the warranty ends: the purchase day plus the product's warranty period, extended by every
 * day the unit spent in service (closed and open stays). Null for a product without warranty.
 */
export function warrantyEnd(purchasedOn: Date, warrantyMonths: number | null, stays: readonly ServiceStay[], now: Date = new Date()): Date | null {
  if (warrantyMonths === null || warrantyMonths <= 0) return null;
  const days = stays.reduce((sum, s) => sum + daysInService(s, now), 0);
  return new Date(addCalendarMonths(purchasedOn, warrantyMonths).getTime() + days * DAY);
}

/** Under warranty on `at`'s day: the warranty ends on that day or later. */
export function isUnderWarranty(end: Date | null, at: Date = new Date()): boolean {
  return end !== null && startOfDay(end) >= startOfDay(at);
}
