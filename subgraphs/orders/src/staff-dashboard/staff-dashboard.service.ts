import { requireStaff, requireStaffPermission, Viewer } from '@hub/auth';
import { forbidden } from '@hub/errors';
import { dashboardDay, DashboardDay } from '@hub/subgraph-kit';
import { ChannelFigures, StaffDashboardRepository } from './staff-dashboard.repository';

/** The orders figures of the staff dashboard (staff.orders); each aggregate runs at most once per request. */
export class StaffDashboardService {
  private waitingOnce: ReturnType<StaffDashboardRepository['waiting']> | null = null;

  constructor(private readonly repository: StaffDashboardRepository, private readonly viewer: Viewer | null) {}

  /** The dashboard of a day: any staff user may open it; each figure checks its own right. */
  open(day: string | null | undefined): DashboardDay {
    if (requireStaff(this.viewer).actorId) throw forbidden('The staff dashboard is not available while signed in as another user.');
    return dashboardDay(day);
  }

  ordersByChannel(day: string): Promise<ChannelFigures[]> {
    requireStaffPermission(this.viewer, 'staff.orders');
    const { from, to } = dashboardDay(day);
    return this.repository.ordersByChannel(from, to);
  }

  /** Offers sent and decided on the day: for sales reps (staff.sales) and order staff. */
  offers(day: string): ReturnType<StaffDashboardRepository['offers']> {
    const staff = requireStaff(this.viewer);
    if (!staff.permissions.includes('staff.sales')) requireStaffPermission(this.viewer, 'staff.orders');
    const { from, to } = dashboardDay(day);
    return this.repository.offers(from, to);
  }

  waiting(): ReturnType<StaffDashboardRepository['waiting']> {
    requireStaffPermission(this.viewer, 'staff.orders');
    this.waitingOnce ??= this.repository.waiting();
    return this.waitingOnce;
  }
}
