import { Pool } from 'pg';
import { requireStaffPermission, Viewer } from '@hub/auth';
import { dashboardDay } from '@hub/subgraph-kit';
import { RegisteredOutbox } from '../outbox/outbox-registry';
import { IntegratorDashboardRepository, OperationHealth } from './staff-dashboard.repository';

/** The integrator's figures of the staff dashboard (staff.sync). */
export class IntegratorDashboardService {
  constructor(
    private readonly repository: IntegratorDashboardRepository,
    private readonly pool: Pool,
    private readonly outboxes: readonly RegisteredOutbox[],
  ) {}

  async syncHealth(viewer: Viewer | null, day: string): Promise<{ failedRuns: number; operations: OperationHealth[] }> {
    requireStaffPermission(viewer, 'staff.sync');
    const { from, to } = dashboardDay(day);
    const [failedRuns, operations] = await Promise.all([this.repository.failedRuns(from, to), this.repository.operations()]);
    return { failedRuns, operations };
  }

  /** Dead letters of every module's outbox, each counted through that module's own OutboxStore. */
  async deadLettered(viewer: Viewer | null): Promise<number> {
    requireStaffPermission(viewer, 'staff.sync');
    const counts = await Promise.all(this.outboxes.map((o) => o.store.countInStatus(this.pool, 'DEAD')));
    return counts.reduce((sum, n) => sum + n, 0);
  }
}
