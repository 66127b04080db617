import { Entity, Opt, PrimaryKey, Property } from '@mikro-orm/core';

/** The payment monitoring schedule (F5), one row `id = 'deployment'`; absent: 3 days before, 7/14/30 after. */
@Entity({ tableName: 'payment_reminder_schedule' })
export class PaymentReminderScheduleEntity {
  @PrimaryKey({ type: 'text' })
  id: string & Opt = 'deployment';

  @Property({ type: 'integer' })
  reminderDaysBefore: number & Opt = 3;

  @Property({ type: 'jsonb' })
  dunningDays: number[] & Opt = [7, 14, 30];

  @Property({ type: 'uuid', nullable: true })
  changedBy: string | null = null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}
