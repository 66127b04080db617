import { dashboardDay } from '@hub/subgraph-kit';
import { OrdersContext } from '../context';
import { StaffDashboardObject } from './staff-dashboard.object';

/** `_entities` for StaffDashboard: staff only (the figures check their own rights), a valid day. */
export function resolveStaffDashboardReference(reference: { day: string }, ctx: OrdersContext): StaffDashboardObject | null {
  if (ctx.viewer?.kind !== 'STAFF' || ctx.viewer.actorId) return null;
  return StaffDashboardObject.of(dashboardDay(reference.day).day);
}
