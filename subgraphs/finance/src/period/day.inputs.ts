import { badUserInput } from '@hub/errors';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** A calendar day (YYYY-MM-DD, UTC) as its first instant; BAD_USER_INPUT when it is not a real date. */
export function parseDay(value: string, field: string): Date {
  const at = new Date(`${value}T00:00:00Z`);
  if (typeof value !== 'string' || !DAY.test(value) || Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== value) {
    throw badUserInput(`${field} must be a date (YYYY-MM-DD).`, field);
  }
  return at;
}

/** An inclusive period of days as [start, end) instants; BAD_USER_INPUT when `to` is before `from`. */
export function parsePeriod(from: string | null | undefined, to: string | null | undefined, fields: { from: string; to: string }): { start: Date | null; end: Date | null } {
  const start = from ? parseDay(from, fields.from) : null;
  const last = to ? parseDay(to, fields.to) : null;
  if (start && last && last < start) throw badUserInput(`${fields.to} is before ${fields.from}.`, fields.to);
  return { start, end: last ? new Date(last.getTime() + DAY_MS) : null };
}

export function isoDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** Whole days from `day` to `today` (both YYYY-MM-DD); negative when `day` is later. */
export function daysBetween(day: string, today: string): number {
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / DAY_MS);
}
