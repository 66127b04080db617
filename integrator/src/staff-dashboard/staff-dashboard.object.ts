import { Directive, Field, Int, ObjectType } from 'type-graphql';

/** The staff dashboard (orders owns the query); the integrator adds sync health and the dead letters. */
@Directive('@key(fields: "day")')
@ObjectType('StaffDashboard')
export class StaffDashboardObject {
  @Field()
  day: string;

  static of(day: string): StaffDashboardObject {
    return Object.assign(new StaffDashboardObject(), { day });
  }
}

@ObjectType('SyncOperationHealth', { description: 'How fresh one sync operation’s data is.' })
export class SyncOperationHealthObject {
  @Field() operation: string;
  @Field() paused: boolean;
  @Field(() => Date, { nullable: true }) lastSuccessAt: Date | null;
  @Field(() => Int, { nullable: true, description: 'Seconds since its cursor last moved (or its last success); null: never synchronised.' }) cursorAgeSeconds: number | null;
  @Field(() => String, { nullable: true, description: 'The status of its latest run (SUCCEEDED, FAILED, RUNNING).' }) lastRunStatus: string | null;
}

@ObjectType('SyncHealth', { description: "The ERP synchronisation's health." })
export class SyncHealthObject {
  @Field(() => Int, { description: 'Runs that failed on the day.' }) failedRuns: number;
  @Field(() => Int, { nullable: true, description: 'The oldest cursor age among unpaused operations, in seconds (null: none synchronised yet).' }) oldestCursorAgeSeconds: number | null;
  @Field(() => [SyncOperationHealthObject]) operations: SyncOperationHealthObject[];
}
