import { Directive, Field, Int, ObjectType } from 'type-graphql';

/** The staff dashboard (orders owns the query); notifications adds tasks, the mailbox and undelivered messages. */
@Directive('@key(fields: "day")')
@ObjectType('StaffDashboard')
export class StaffDashboardObject {
  @Field()
  day: string;

  static of(day: string): StaffDashboardObject {
    return Object.assign(new StaffDashboardObject(), { day });
  }
}

@ObjectType('TaskFigures', { description: 'Tasks opened from e-mail.' })
export class TaskFiguresObject {
  @Field(() => Int, { description: 'Open now, nobody assigned.' }) open: number;
  @Field(() => Int, { description: 'Assigned and being worked on now.' }) inProgress: number;
  @Field(() => Int, { description: 'Opened on the day.' }) openedOnDay: number;
  @Field(() => Int, { description: 'E-mails read on the day that are on no task.' }) unassignedMailOnDay: number;
}
