import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { IntegratorContext } from '../context';
import { SyncOperationEntity } from './sync-operation.entity';
import { SyncOperationObject, SyncRunObject } from './sync.objects';

const toObject = (op: SyncOperationEntity, ctx: IntegratorContext) => SyncOperationObject.from(op, ctx.services.sync.description(op.name));

@Resolver(() => SyncOperationObject)
export class SyncStaffResolver {
  @Query(() => [SyncOperationObject], { nullable: true, description: 'Every ERP sync operation and its schedule (staff.sync).' })
  async syncOperations(@Ctx() ctx: IntegratorContext): Promise<SyncOperationObject[]> {
    return (await ctx.services.sync.operations(ctx.viewer)).map((op) => toObject(op, ctx));
  }

  @Query(() => [SyncRunObject], { nullable: true, description: 'Sync history, newest first (staff.sync).' })
  async syncRuns(
    @Ctx() ctx: IntegratorContext,
    @Arg('operation', () => String, { nullable: true }) operation?: string | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first = 50,
  ): Promise<SyncRunObject[]> {
    return (await ctx.services.sync.runs(ctx.viewer, operation, first)).map(SyncRunObject.from);
  }

  @Query(() => SyncRunObject, { nullable: true, description: 'One sync run (staff.sync).' })
  async syncRun(@Arg('id', () => ID) id: string, @Ctx() ctx: IntegratorContext): Promise<SyncRunObject> {
    return SyncRunObject.from(await ctx.services.sync.run(ctx.viewer, id));
  }

  @Mutation(() => SyncOperationObject, { description: 'Run the operation within a second, paused or not.' })
  async runSyncNow(@Arg('operation') operation: string, @Ctx() ctx: IntegratorContext): Promise<SyncOperationObject> {
    return toObject(await ctx.services.sync.runNow(ctx.viewer, operation), ctx);
  }

  @Mutation(() => SyncOperationObject, { description: 'Stop the schedule (runs requested by hand still happen).' })
  async pauseSync(@Arg('operation') operation: string, @Ctx() ctx: IntegratorContext): Promise<SyncOperationObject> {
    return toObject(await ctx.services.sync.pause(ctx.viewer, operation), ctx);
  }

  @Mutation(() => SyncOperationObject)
  async resumeSync(@Arg('operation') operation: string, @Ctx() ctx: IntegratorContext): Promise<SyncOperationObject> {
    return toObject(await ctx.services.sync.resume(ctx.viewer, operation), ctx);
  }

  @Mutation(() => SyncOperationObject, { description: 'Set the time between runs, "hh:mm:ss" (00:00:01 to 99:59:59).' })
  async setSyncInterval(@Arg('operation') operation: string, @Arg('interval') interval: string, @Ctx() ctx: IntegratorContext): Promise<SyncOperationObject> {
    return toObject(await ctx.services.sync.setInterval(ctx.viewer, operation, interval), ctx);
  }

  @Mutation(() => SyncOperationObject, { description: 'Run the operation once at the given moment, paused or not.' })
  async scheduleSyncOnce(@Arg('operation') operation: string, @Arg('at') at: Date, @Ctx() ctx: IntegratorContext): Promise<SyncOperationObject> {
    return toObject(await ctx.services.sync.scheduleOnce(ctx.viewer, operation, at), ctx);
  }

  @FieldResolver(() => SyncRunObject, { nullable: true })
  async lastRun(@Root() op: SyncOperationObject, @Ctx() ctx: IntegratorContext): Promise<SyncRunObject | null> {
    if (!op.lastRunId) return null;
    const run = await ctx.loaders.runById.load(op.lastRunId);
    return run ? SyncRunObject.from(run) : null;
  }
}
