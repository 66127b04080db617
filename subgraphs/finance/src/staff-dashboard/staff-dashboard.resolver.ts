import { Ctx, FieldResolver, Int, Resolver } from 'type-graphql';
import { requireStaffPermission } from '@hub/auth';
import { FinanceContext } from '../context';
import { FinanceDashboardRepository } from './staff-dashboard.repository';
import { StaffDashboardObject } from './staff-dashboard.object';

/** One aggregate per request, however many of its figures are asked for. */
const perRequest = new WeakMap<FinanceContext, Promise<{ filed: number; received: number }>>();
function returnsToDecide(ctx: FinanceContext) {
  requireStaffPermission(ctx.viewer, 'staff.orders');
  let figures = perRequest.get(ctx);
  if (!figures) perRequest.set(ctx, (figures = new FinanceDashboardRepository(ctx.em).returnsToDecide()));
  return figures;
}

@Resolver(() => StaffDashboardObject)
export class FinanceStaffDashboardResolver {
  @FieldResolver(() => Int, { nullable: true, description: 'Returns filed and waiting for staff to accept or reject them, now (staff.orders).' })
  async returnsAwaitingDecision(@Ctx() ctx: FinanceContext): Promise<number> {
    return (await returnsToDecide(ctx)).filed;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Returned goods received and waiting for staff to assess them, now (staff.orders).' })
  async returnsAwaitingAssessment(@Ctx() ctx: FinanceContext): Promise<number> {
    return (await returnsToDecide(ctx)).received;
  }
}
