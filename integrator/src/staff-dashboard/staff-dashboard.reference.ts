import { dashboardDay } from '@hub/subgraph-kit';
import { IntegratorContext } from '../context';
import { StaffDashboardObject } from './staff-dashboard.object';

/** `_entities` for StaffDashboard: staff only (each figure checks its own right), a valid day. */
export function resolveStaffDashboardReference(reference: { day: string }, ctx: IntegratorContext): StaffDashboardObject | null {
  if (ctx.viewer?.kind !== 'STAFF' || ctx.viewer.actorId) return null;
  return StaffDashboardObject.of(dashboardDay(reference.day).day);
}
