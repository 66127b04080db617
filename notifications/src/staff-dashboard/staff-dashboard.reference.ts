import { dashboardDay } from '@hub/subgraph-kit';
import { NotificationsContext } from '../context';
import { StaffDashboardObject } from './staff-dashboard.object';

/** `_entities` for StaffDashboard: staff only (each figure checks its own right), a valid day. */
export function resolveStaffDashboardReference(reference: { day: string }, ctx: NotificationsContext): StaffDashboardObject | null {
  if (ctx.viewer?.kind !== 'STAFF' || ctx.viewer.actorId) return null;
  return StaffDashboardObject.of(dashboardDay(reference.day).day);
}
