import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { NotificationsContext } from '../context';
import { TaskObject } from './task.object';
import { OfferReference, OrderReference, ReturnRequestReference } from './task-references.object';
import { TaskLinkKind } from './task-status';

@Resolver(() => OrderReference)
export class OrderTasksResolver {
  @FieldResolver(() => [TaskObject], { nullable: true, description: 'Staff (staff.orders): the tasks that led to this order, with their correspondence.' })
  async tasks(@Root() order: OrderReference, @Ctx() ctx: NotificationsContext): Promise<TaskObject[]> {
    return (await ctx.services.tasks.linkedTo(TaskLinkKind.ORDER, order.id)).map(TaskObject.from);
  }
}

@Resolver(() => ReturnRequestReference)
export class ReturnRequestTasksResolver {
  @FieldResolver(() => [TaskObject], { nullable: true, description: 'Staff (staff.orders): the tasks that led to this return, with their correspondence.' })
  async tasks(@Root() returnRequest: ReturnRequestReference, @Ctx() ctx: NotificationsContext): Promise<TaskObject[]> {
    return (await ctx.services.tasks.linkedTo(TaskLinkKind.RETURN, returnRequest.id)).map(TaskObject.from);
  }
}

@Resolver(() => OfferReference)
export class OfferTasksResolver {
  @FieldResolver(() => [TaskObject], { nullable: true, description: 'Staff (staff.orders): the tasks that led to this offer, with their correspondence (the e-mail that asked for it).' })
  async tasks(@Root() offer: OfferReference, @Ctx() ctx: NotificationsContext): Promise<TaskObject[]> {
    return (await ctx.services.tasks.linkedTo(TaskLinkKind.OFFER, offer.id)).map(TaskObject.from);
  }
}
