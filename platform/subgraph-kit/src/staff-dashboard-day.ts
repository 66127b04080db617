import { badUserInput } from '@hub/errors';

/** The day of the staff dashboard (a UTC calendar day) and the half-open range of its timestamps. */
export interface DashboardDay {
  day: string;
  from: Date;
  to: Date;
}

/**
 * `StaffDashboard.day`: YYYY-MM-DD (UTC), today when not given. Every subgraph adding figures to
 * the dashboard reads its day through this, so they all count the same 24 hours.
 */
export function dashboardDay(day: string | null | undefined, now: Date = new Date()): DashboardDay {
  const value = day ?? now.toISOString().slice(0, 10);
  const from = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00.000Z`) : new Date(NaN);
  if (Number.isNaN(from.getTime()) || from.toISOString().slice(0, 10) !== value) throw badUserInput(`"${value}" is not a day (YYYY-MM-DD).`, 'day');
  return { day: value, from, to: new Date(from.getTime() + 86_400_000) };
}
