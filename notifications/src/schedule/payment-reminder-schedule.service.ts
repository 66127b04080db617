import { EntityManager } from '@mikro-orm/postgresql';
import { Field, Int, ObjectType } from 'type-graphql';
import { requireStaffPermission, Viewer } from '@hub/auth';
import { badUserInput } from '@hub/errors';
import { PaymentReminderScheduleEntity } from './payment-reminder-schedule.entity';

@ObjectType('PaymentReminderSchedule', { description: 'When payment reminders and dunning go out (staff configure it).' })
export class PaymentReminderScheduleObject {
  @Field(() => Int, { description: 'A reminder this many days before the due date (0: none).' }) reminderDaysBefore: number;
  @Field(() => [Int], { description: 'Dunning levels in days after the due date, ascending.' }) dunningDays: number[];

  static from(e: PaymentReminderScheduleEntity): PaymentReminderScheduleObject {
    return Object.assign(new PaymentReminderScheduleObject(), { reminderDaysBefore: e.reminderDaysBefore, dunningDays: e.dunningDays });
  }
}

export class PaymentReminderScheduleService {
  constructor(private readonly em: EntityManager) {}

  async current(viewer: Viewer | null): Promise<PaymentReminderScheduleEntity> {
    requireStaffPermission(viewer, 'staff.users');
    return (await this.em.findOne(PaymentReminderScheduleEntity, { id: 'deployment' })) ?? new PaymentReminderScheduleEntity();
  }

  async set(viewer: Viewer | null, reminderDaysBefore: number, dunningDays: number[]): Promise<PaymentReminderScheduleEntity> {
    const v = requireStaffPermission(viewer, 'staff.users');
    if (!Number.isInteger(reminderDaysBefore) || reminderDaysBefore < 0 || reminderDaysBefore > 60) throw badUserInput('reminderDaysBefore must be 0 to 60.', 'reminderDaysBefore');
    if (dunningDays.length < 1 || dunningDays.length > 5) throw badUserInput('Give 1 to 5 dunning levels.', 'dunningDays');
    for (const [i, days] of dunningDays.entries()) {
      if (!Number.isInteger(days) || days < 1 || days > 365 || (i > 0 && days <= dunningDays[i - 1])) throw badUserInput('Dunning levels are days after the due date (1 to 365), strictly ascending.', 'dunningDays');
    }
    const schedule = await this.current(v);
    schedule.reminderDaysBefore = reminderDaysBefore;
    schedule.dunningDays = [...dunningDays];
    schedule.changedBy = v.userId;
    await this.em.persist(schedule).flush();
    return schedule;
  }
}
