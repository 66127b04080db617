import { Directive, Field, ObjectType } from 'type-graphql';

/** The staff dashboard (orders owns the query); finance adds the returns figures. */
@Directive('@key(fields: "day")')
@ObjectType('StaffDashboard')
export class StaffDashboardObject {
  @Field()
  day: string;

  static of(day: string): StaffDashboardObject {
    return Object.assign(new StaffDashboardObject(), { day });
  }
}
