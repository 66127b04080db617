import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { NotificationsContext } from '../context';
import { MailboxMessageObject } from '../mailbox/mailbox-message.object';
import { AssignTaskInput, CreateTaskFromMessageInput, DepartmentInput, LinkTaskInput } from './task.inputs';
import { DepartmentObject, TaskCommentObject, TaskObject } from './task.object';
import { OfferReference, OrderReference, ReturnRequestReference, UserReference } from './task-references.object';
import { TaskLinkKind, TaskStatus } from './task-status';

@Resolver(() => TaskObject)
export class TaskResolver {
  @Query(() => [TaskObject], { nullable: true, description: 'Tasks, newest first (staff with staff.orders).' })
  async tasks(
    @Ctx() ctx: NotificationsContext,
    @Arg('status', () => TaskStatus, { nullable: true }) status?: TaskStatus | null,
    @Arg('departmentId', () => ID, { nullable: true }) departmentId?: string | null,
    @Arg('assigneeUserId', () => ID, { nullable: true }) assigneeUserId?: string | null,
    @Arg('mine', () => Boolean, { nullable: true, description: 'Only tasks assigned to you.' }) mine?: boolean | null,
    @Arg('first', () => Int, { nullable: true, description: '1 to 200 (50).' }) first?: number | null,
  ): Promise<TaskObject[]> {
    return (await ctx.services.tasks.list({ status, departmentId, assigneeUserId, mine, first })).map(TaskObject.from);
  }

  @Query(() => TaskObject, { nullable: true, description: 'One task (staff with staff.orders).' })
  async task(@Ctx() ctx: NotificationsContext, @Arg('id', () => ID) id: string): Promise<TaskObject> {
    return TaskObject.from(await ctx.services.tasks.get(id));
  }

  @Mutation(() => TaskObject, { description: 'Open a task from an e-mail; the e-mail and its thread (now and later) stay attached. CONFLICT when the e-mail is on a task already.' })
  async createTaskFromMessage(@Ctx() ctx: NotificationsContext, @Arg('input', () => CreateTaskFromMessageInput) input: CreateTaskFromMessageInput): Promise<TaskObject> {
    return TaskObject.from(await ctx.services.tasks.createFromMessage(input));
  }

  @Mutation(() => TaskObject, { description: 'Give a task to a department and/or an employee (an employee starts it: IN_PROGRESS).' })
  async assignTask(@Ctx() ctx: NotificationsContext, @Arg('input', () => AssignTaskInput) input: AssignTaskInput): Promise<TaskObject> {
    return TaskObject.from(await ctx.services.tasks.assign(input));
  }

  @Mutation(() => TaskCommentObject, { description: 'Comment on an open task.' })
  async commentTask(@Ctx() ctx: NotificationsContext, @Arg('taskId', () => ID) taskId: string, @Arg('text') text: string): Promise<TaskCommentObject> {
    return TaskCommentObject.from(await ctx.services.tasks.comment(taskId, text));
  }

  @Mutation(() => TaskObject, { description: 'Close a task as DONE (default) or CANCELLED, with an optional resolution.' })
  async closeTask(
    @Ctx() ctx: NotificationsContext,
    @Arg('taskId', () => ID) taskId: string,
    @Arg('outcome', () => TaskStatus, { defaultValue: TaskStatus.DONE }) outcome: TaskStatus,
    @Arg('resolution', () => String, { nullable: true }) resolution?: string | null,
  ): Promise<TaskObject> {
    return TaskObject.from(await ctx.services.tasks.close(taskId, outcome, resolution));
  }

  @Mutation(() => TaskObject, { description: 'Reopen a DONE task.' })
  async reopenTask(@Ctx() ctx: NotificationsContext, @Arg('taskId', () => ID) taskId: string): Promise<TaskObject> {
    return TaskObject.from(await ctx.services.tasks.reopen(taskId));
  }

  @Mutation(() => TaskObject, { description: 'Record the offer, return or order a task led to.' })
  async linkTask(@Ctx() ctx: NotificationsContext, @Arg('input', () => LinkTaskInput) input: LinkTaskInput): Promise<TaskObject> {
    return TaskObject.from(await ctx.services.tasks.link(input));
  }

  @FieldResolver(() => DepartmentObject, { nullable: true })
  async department(@Root() task: TaskObject, @Ctx() ctx: NotificationsContext): Promise<DepartmentObject | null> {
    const department = task.departmentId ? await ctx.services.tasks.departmentOf.load(task.departmentId) : null;
    return department ? DepartmentObject.from(department) : null;
  }

  @FieldResolver(() => UserReference, { nullable: true, description: 'The staff user it is assigned to.' })
  assignee(@Root() task: TaskObject): UserReference | null {
    return task.assigneeUserId ? UserReference.of(task.assigneeUserId) : null;
  }

  @FieldResolver(() => [TaskCommentObject], { description: 'Comments and the hub’s notes, oldest first.' })
  async comments(@Root() task: TaskObject, @Ctx() ctx: NotificationsContext): Promise<TaskCommentObject[]> {
    return (await ctx.services.tasks.commentsOf.load(task.id)).map(TaskCommentObject.from);
  }

  @FieldResolver(() => [MailboxMessageObject], { description: 'The e-mail it was opened from and the correspondence on its thread, oldest first.' })
  async messages(@Root() task: TaskObject, @Ctx() ctx: NotificationsContext): Promise<MailboxMessageObject[]> {
    return (await ctx.services.tasks.threadOf.load(task.id)).map(MailboxMessageObject.from);
  }

  @FieldResolver(() => ID, { nullable: true, description: 'The offer it led to (orders subgraph).' })
  offerId(@Root() task: TaskObject): string | null {
    return task.linkKind === TaskLinkKind.OFFER ? task.linkId : null;
  }

  @FieldResolver(() => OfferReference, { nullable: true, description: 'The offer it led to (its number, status and lines from the orders subgraph, as the viewer may see it).' })
  offer(@Root() task: TaskObject): OfferReference | null {
    return task.linkKind === TaskLinkKind.OFFER && task.linkId ? OfferReference.of(task.linkId) : null;
  }

  @FieldResolver(() => OrderReference, { nullable: true, description: 'The order it led to.' })
  order(@Root() task: TaskObject): OrderReference | null {
    return task.linkKind === TaskLinkKind.ORDER && task.linkId ? OrderReference.of(task.linkId) : null;
  }

  @FieldResolver(() => ReturnRequestReference, { nullable: true, description: 'The return it led to.' })
  returnRequest(@Root() task: TaskObject): ReturnRequestReference | null {
    return task.linkKind === TaskLinkKind.RETURN && task.linkId ? ReturnRequestReference.of(task.linkId) : null;
  }
}

@Resolver(() => DepartmentObject)
export class DepartmentResolver {
  @Query(() => [DepartmentObject], { nullable: true, description: 'Departments tasks go to (staff with staff.orders).' })
  async departments(@Ctx() ctx: NotificationsContext, @Arg('includeInactive', () => Boolean, { defaultValue: false }) includeInactive: boolean): Promise<DepartmentObject[]> {
    return (await ctx.services.tasks.departments(includeInactive)).map(DepartmentObject.from);
  }

  @Mutation(() => DepartmentObject, { description: 'Add a department (staff.admin).' })
  async createDepartment(@Ctx() ctx: NotificationsContext, @Arg('input', () => DepartmentInput) input: DepartmentInput): Promise<DepartmentObject> {
    return DepartmentObject.from(await ctx.services.tasks.createDepartment(input));
  }

  @Mutation(() => DepartmentObject, { description: 'Rename a department or (de)activate it (staff.admin).' })
  async updateDepartment(
    @Ctx() ctx: NotificationsContext,
    @Arg('id', () => ID) id: string,
    @Arg('name', () => String, { nullable: true }) name?: string | null,
    @Arg('active', () => Boolean, { nullable: true }) active?: boolean | null,
  ): Promise<DepartmentObject> {
    return DepartmentObject.from(await ctx.services.tasks.updateDepartment(id, { name, active }));
  }
}
