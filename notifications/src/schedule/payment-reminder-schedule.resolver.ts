import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { NotificationsContext } from '../context';
import { PaymentReminderScheduleObject } from './payment-reminder-schedule.service';

@Resolver()
export class PaymentReminderScheduleResolver {
  @Query(() => PaymentReminderScheduleObject, { description: 'The payment reminder and dunning schedule (staff with staff.users).' })
  async paymentReminderSchedule(@Ctx() ctx: NotificationsContext): Promise<PaymentReminderScheduleObject> {
    return PaymentReminderScheduleObject.from(await ctx.services.schedule.current(ctx.viewer));
  }

  @Mutation(() => PaymentReminderScheduleObject, { description: 'Set when reminders and dunning levels go out.' })
  async setPaymentReminderSchedule(
    @Ctx() ctx: NotificationsContext,
    @Arg('reminderDaysBefore', () => Int) reminderDaysBefore: number,
    @Arg('dunningDays', () => [Int]) dunningDays: number[],
  ): Promise<PaymentReminderScheduleObject> {
    return PaymentReminderScheduleObject.from(await ctx.services.schedule.set(ctx.viewer, reminderDaysBefore, dunningDays));
  }
}
