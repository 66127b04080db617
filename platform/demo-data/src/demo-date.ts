/**
 * The day the demo world is set on. Demo dates (orders, invoices, due dates, promotions, receipts)
 * are relative to it, so that a hub started on any day shows current promotions, open items that
 * fall due soon and recent orders. Today (UTC) at 08:00, unless HUB_DEMO_DATE=YYYY-MM-DD pins it
 * (the tests pin it, so a run that crosses midnight sees one world).
 */
export function demoReferenceDate(env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): Date {
  const pinned = env.HUB_DEMO_DATE;
  if (pinned) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(pinned) || Number.isNaN(Date.parse(`${pinned}T08:00:00Z`))) throw new Error(`HUB_DEMO_DATE must be a date YYYY-MM-DD, got "${pinned}".`);
    return new Date(`${pinned}T08:00:00Z`);
  }
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 8));
}
