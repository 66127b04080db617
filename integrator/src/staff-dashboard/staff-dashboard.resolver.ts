import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { IntegratorContext } from '../context';
import { StaffDashboardObject, SyncHealthObject, SyncOperationHealthObject } from './staff-dashboard.object';

@Resolver(() => StaffDashboardObject)
export class IntegratorStaffDashboardResolver {
  @FieldResolver(() => SyncHealthObject, { nullable: true, description: 'Failed sync runs of the day and how fresh each operation is (staff.sync).' })
  async syncHealth(@Root() dashboard: StaffDashboardObject, @Ctx() ctx: IntegratorContext): Promise<SyncHealthObject> {
    const { failedRuns, operations } = await ctx.services.dashboard.syncHealth(ctx.viewer, dashboard.day);
    const unpaused = operations.filter((o) => !o.paused && o.cursorAgeSeconds !== null).map((o) => o.cursorAgeSeconds!);
    return Object.assign(new SyncHealthObject(), {
      failedRuns,
      oldestCursorAgeSeconds: unpaused.length > 0 ? Math.max(...unpaused) : null,
      operations: operations.map((o) => Object.assign(new SyncOperationHealthObject(), o)),
    });
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Messages to the ERP given up on (dead letters) in every outbox, now (staff.sync).' })
  deadLetteredMessages(@Ctx() ctx: IntegratorContext): Promise<number> {
    return ctx.services.dashboard.deadLettered(ctx.viewer);
  }
}
