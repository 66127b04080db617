import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { requireStaff, requireStaffPermission } from '@hub/auth';
import { dashboardDay } from '@hub/subgraph-kit';
import { NotificationsContext } from '../context';
import { TASK_PERMISSION } from '../task/task.service';
import { NotificationsDashboardRepository } from './staff-dashboard.repository';
import { StaffDashboardObject, TaskFiguresObject } from './staff-dashboard.object';

@Resolver(() => StaffDashboardObject)
export class NotificationsStaffDashboardResolver {
  @FieldResolver(() => TaskFiguresObject, { nullable: true, description: 'Tasks and unassigned e-mail (staff.orders).' })
  async tasks(@Root() dashboard: StaffDashboardObject, @Ctx() ctx: NotificationsContext): Promise<TaskFiguresObject> {
    requireStaffPermission(ctx.viewer, TASK_PERMISSION);
    const { from, to } = dashboardDay(dashboard.day);
    return Object.assign(new TaskFiguresObject(), await new NotificationsDashboardRepository(ctx.em).tasks(from, to));
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Messages to users queued on the day that bounced or failed (staff).' })
  async undeliveredMessages(@Root() dashboard: StaffDashboardObject, @Ctx() ctx: NotificationsContext): Promise<number> {
    requireStaff(ctx.viewer);
    const { from, to } = dashboardDay(dashboard.day);
    return new NotificationsDashboardRepository(ctx.em).undelivered(from, to);
  }
}
