import { EntityManager } from '@mikro-orm/postgresql';
import { Pool, PoolClient } from 'pg';
import { requireStaffPermission, Viewer } from '@hub/auth';
import { badUserInput, conflict, notFound } from '@hub/errors';
import DataLoader from 'dataloader';
import { checkPageSize, createByIdLoader, createGroupLoader, isUuid, NotificationRecipient, NotificationRecipientDirectory } from '@hub/subgraph-kit';
import { MailboxAttachmentEntity } from '../mailbox/mailbox-attachment.entity';
import { MailboxMessageEntity } from '../mailbox/mailbox-message.entity';
import { MailboxRepository } from '../mailbox/mailbox.repository';
import { DepartmentEntity } from './department.entity';
import { TaskCommentEntity } from './task-comment.entity';
import { TaskEntity } from './task.entity';
import { TaskKind, TaskLinkKind, TaskStatus } from './task-status';
import { canMoveTask, isTaskClosed, statusAfterAssignment } from './task.state-machine';

/** Who reads the mailbox and works tasks: the order desk (and administrators). */
export const TASK_PERMISSION = 'staff.orders' as const;
const DEPARTMENT_CODE = /^[A-Z0-9][A-Z0-9_-]{1,31}$/;
const MAX_COMMENT = 5_000;

export interface CreateTaskInput {
  messageId: string;
  kind: TaskKind;
  title?: string | null;
  departmentId?: string | null;
  assigneeUserId?: string | null;
  note?: string | null;
}

export interface TaskFilter {
  status?: TaskStatus | null;
  departmentId?: string | null;
  assigneeUserId?: string | null;
  mine?: boolean | null;
  first?: number | null;
}

function oneLine(value: string, field: string, max: number): string {
  const trimmed = value.trim();
  if (trimmed.length < 1 || trimmed.length > max || /[\r\n]/.test(trimmed)) throw badUserInput(`${field} must be one line of 1 to ${max} characters.`, field);
  return trimmed;
}

function commentText(value: string, field = 'text'): string {
  const trimmed = value.trim();
  if (trimmed.length < 1 || trimmed.length > MAX_COMMENT) throw badUserInput(`The comment must be 1 to ${MAX_COMMENT} characters.`, field);
  return trimmed;
}

function requireId(value: string, field: string): string {
  if (!isUuid(value)) throw badUserInput(`${field} must be a UUID.`, field);
  return value;
}

/**
 * The mailbox as staff see it and the tasks they open from it: create from an e-mail (its
 * thread's mail comes along), assign to a department and an employee, comment, close, reopen,
 * and link to the offer, return or order it led to. Every change is one transaction.
 */
export class TaskService {
  /** Per request, one query per field however many tasks or messages are shown. */
  readonly commentsOf: DataLoader<string, TaskCommentEntity[]>;
  readonly threadOf: DataLoader<string, MailboxMessageEntity[]>;
  readonly attachmentsOf: DataLoader<string, MailboxAttachmentEntity[]>;
  readonly departmentOf: DataLoader<string, DepartmentEntity | null>;
  /** Tasks by what they led to (`KIND:id`). */
  private readonly linkedOf: DataLoader<string, TaskEntity[]>;

  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
    private readonly pool: () => Pool,
    private readonly directory: NotificationRecipientDirectory | null,
  ) {
    this.commentsOf = createGroupLoader((ids: string[]) => em.find(TaskCommentEntity, { taskId: { $in: ids } }, { orderBy: { createdAt: 'asc', id: 'asc' } }), (c) => c.taskId, 'taskComments');
    this.threadOf = createGroupLoader((ids: string[]) => em.find(MailboxMessageEntity, { taskId: { $in: ids } }, { orderBy: { receivedAt: 'asc', id: 'asc' } }), (m) => m.taskId!, 'taskThread');
    this.attachmentsOf = createGroupLoader((ids: string[]) => em.find(MailboxAttachmentEntity, { messageId: { $in: ids } }, { orderBy: { createdAt: 'asc', id: 'asc' } }), (a) => a.messageId, 'mailAttachments');
    this.departmentOf = createByIdLoader(em, DepartmentEntity);
    this.linkedOf = createGroupLoader(
      async (keys: string[]) => {
        const tasks = await em.find(TaskEntity, { linkId: { $in: keys.map((k) => k.slice(k.indexOf(':') + 1)) } }, { orderBy: { createdAt: 'asc', id: 'asc' } });
        return tasks.filter((t) => keys.includes(`${t.linkKind}:${t.linkId}`));
      },
      (t) => `${t.linkKind}:${t.linkId}`,
      'linkedTasks',
    );
  }

  private staff(): Viewer {
    return requireStaffPermission(this.viewer, TASK_PERMISSION);
  }

  // ---- the mailbox ----

  async messages(filter: { unassigned?: boolean | null; first?: number | null }): Promise<MailboxMessageEntity[]> {
    this.staff();
    const limit = checkPageSize(filter.first, { max: 200, default: 50 });
    return this.em.find(MailboxMessageEntity, filter.unassigned ? { taskId: null } : {}, { orderBy: { receivedAt: 'desc', id: 'asc' }, limit });
  }

  async message(id: string): Promise<MailboxMessageEntity> {
    this.staff();
    const found = isUuid(id) ? await this.em.findOne(MailboxMessageEntity, { id }) : null;
    if (!found) throw notFound('Mailbox message', id);
    return found;
  }

  /** An attachment with its bytes, for the signed download. */
  async attachment(id: string): Promise<MailboxAttachmentEntity> {
    this.staff();
    const found = isUuid(id) ? await this.em.findOne(MailboxAttachmentEntity, { id }, { populate: ['content'] }) : null;
    if (!found) throw notFound('Attachment', id);
    return found;
  }

  // ---- departments ----

  async departments(includeInactive: boolean): Promise<DepartmentEntity[]> {
    this.staff();
    return this.em.find(DepartmentEntity, includeInactive ? {} : { active: true }, { orderBy: { name: 'asc', code: 'asc' } });
  }

  async createDepartment(input: { code: string; name: string; active?: boolean | null }): Promise<DepartmentEntity> {
    requireStaffPermission(this.viewer, 'staff.admin');
    const code = input.code.trim().toUpperCase();
    if (!DEPARTMENT_CODE.test(code)) throw badUserInput('The code must be 2 to 32 upper-case letters, digits, - or _.', 'code');
    const name = oneLine(input.name, 'name', 100);
    if (await this.em.findOne(DepartmentEntity, { code })) throw conflict(`A department with the code ${code} exists.`);
    const department = this.em.create(DepartmentEntity, { code, name, active: input.active ?? true });
    await this.em.flush();
    return department;
  }

  async updateDepartment(id: string, input: { name?: string | null; active?: boolean | null }): Promise<DepartmentEntity> {
    requireStaffPermission(this.viewer, 'staff.admin');
    const department = isUuid(id) ? await this.em.findOne(DepartmentEntity, { id }) : null;
    if (!department) throw notFound('Department', id);
    if (input.name != null) department.name = oneLine(input.name, 'name', 100);
    if (input.active != null) department.active = input.active;
    await this.em.flush();
    return department;
  }

  // ---- tasks ----

  async list(filter: TaskFilter): Promise<TaskEntity[]> {
    const staff = this.staff();
    const limit = checkPageSize(filter.first, { max: 200, default: 50 });
    const where: Record<string, unknown> = {};
    if (filter.status) where.status = filter.status;
    if (filter.departmentId) where.departmentId = requireId(filter.departmentId, 'departmentId');
    if (filter.assigneeUserId) where.assigneeUserId = requireId(filter.assigneeUserId, 'assigneeUserId');
    if (filter.mine) where.assigneeUserId = staff.userId;
    return this.em.find(TaskEntity, where, { orderBy: { createdAt: 'desc', id: 'asc' }, limit });
  }

  async get(id: string): Promise<TaskEntity> {
    this.staff();
    const task = isUuid(id) ? await this.em.findOne(TaskEntity, { id }) : null;
    if (!task) throw notFound('Task', id);
    return task;
  }

  /** Opens a task from an e-mail; the e-mail and the rest of its thread that is on no task yet join it. */
  async createFromMessage(input: CreateTaskInput): Promise<TaskEntity> {
    const staff = this.staff();
    requireId(input.messageId, 'messageId');
    const message = await this.em.findOne(MailboxMessageEntity, { id: input.messageId });
    if (!message) throw notFound('Mailbox message', input.messageId);
    if (message.taskId) throw conflict('This e-mail is already on a task.');
    const title = input.title != null ? oneLine(input.title, 'title', 200) : (message.subject.trim() || '(no subject)').slice(0, 200);
    const departmentId = (await this.activeDepartment(input.departmentId ?? null))?.id ?? null;
    const assigneeUserId = (await this.staffUser(input.assigneeUserId ?? null))?.userId ?? null;
    const note = input.note != null ? commentText(input.note, 'note') : null;
    const status = assigneeUserId ? TaskStatus.IN_PROGRESS : TaskStatus.OPEN;
    const taskId = await this.inTransaction(async (client) => {
      // Claimed first, so two staff opening a task from the same e-mail at once make one task.
      const { rows } = await client.query(
        `insert into notifications.task (id, kind, title, status, department_id, assignee_user_id, thread_subject, correspondents, created_by, created_at, updated_at)
         select gen_random_uuid(), $2, $3, $4, $5, $6, m.thread_subject, array[m.from_address], $7, now(), now()
           from notifications.mailbox_message m where m.id = $1 and m.task_id is null
         returning id`,
        [message.id, input.kind, title, status, departmentId, assigneeUserId, staff.userId],
      );
      if (!rows[0]) throw conflict('This e-mail is already on a task.');
      const id = rows[0].id as string;
      const repository = new MailboxRepository(client);
      await repository.attach(id, [message.id], message.fromAddress);
      for (const mail of await repository.unattachedThreadOf(message.id)) await repository.attach(id, [mail.id], mail.fromAddress);
      if (note) await this.addComment(client, id, staff.userId, note);
      return id;
    });
    return this.reload(taskId);
  }

  async assign(input: { taskId: string; departmentId?: string | null; assigneeUserId?: string | null }): Promise<TaskEntity> {
    const staff = this.staff();
    const task = await this.get(input.taskId);
    if (isTaskClosed(task.status)) throw conflict(`The task is ${task.status}; reopen it first.`);
    const department = await this.activeDepartment(input.departmentId ?? null);
    const assignee = await this.staffUser(input.assigneeUserId ?? null);
    const departmentId = department?.id ?? null;
    const assigneeUserId = assignee?.userId ?? null;
    const status = statusAfterAssignment(task.status, assigneeUserId);
    await this.inTransaction(async (client) => {
      const updated = await client.query(
        `update notifications.task set department_id = $2, assignee_user_id = $3, status = $4, updated_at = now() where id = $1 and status = $5`,
        [task.id, departmentId, assigneeUserId, status, task.status],
      );
      if (updated.rowCount !== 1) throw conflict('The task changed meanwhile; read it again.');
      await this.addComment(client, task.id, staff.userId, `Assigned to ${assignee ? `${assignee.name} <${assignee.email}>` : 'nobody'}${department ? ` in ${department.name}` : ''}.`);
    });
    return this.reload(task.id);
  }

  async comment(taskId: string, text: string): Promise<TaskCommentEntity> {
    const staff = this.staff();
    const task = await this.get(taskId);
    if (isTaskClosed(task.status)) throw conflict(`The task is ${task.status}; reopen it to comment.`);
    const comment = this.em.create(TaskCommentEntity, { taskId: task.id, authorUserId: staff.userId, text: commentText(text) });
    task.updatedAt = new Date();
    await this.em.flush();
    return comment;
  }

  async close(taskId: string, outcome: TaskStatus, resolution: string | null | undefined): Promise<TaskEntity> {
    const staff = this.staff();
    if (outcome !== TaskStatus.DONE && outcome !== TaskStatus.CANCELLED) throw badUserInput('A task closes as DONE or CANCELLED.', 'outcome');
    const text = resolution != null ? commentText(resolution, 'resolution') : null;
    return this.move(taskId, outcome, staff.userId, text ?? `Closed as ${outcome}.`, text);
  }

  async reopen(taskId: string): Promise<TaskEntity> {
    const staff = this.staff();
    return this.move(taskId, TaskStatus.OPEN, staff.userId, 'Reopened.', null);
  }

  /** Records what the task led to; the target lives in its own subgraph (offers and orders: orders, returns: finance). */
  async link(input: { taskId: string; kind: TaskLinkKind; targetId: string }): Promise<TaskEntity> {
    const staff = this.staff();
    requireId(input.targetId, 'targetId');
    const task = await this.get(input.taskId);
    if (task.status === TaskStatus.CANCELLED) throw conflict('A cancelled task leads to nothing.');
    await this.inTransaction(async (client) => {
      await client.query(`update notifications.task set link_kind = $2, link_id = $3, updated_at = now() where id = $1`, [task.id, input.kind, input.targetId]);
      await this.addComment(client, task.id, staff.userId, `Led to ${input.kind.toLowerCase()} ${input.targetId}.`);
    });
    return this.reload(task.id);
  }

  /** The tasks that led to these targets (for `Order.tasks`, `ReturnRequest.tasks`). */
  async linkedTo(kind: TaskLinkKind, targetId: string): Promise<TaskEntity[]> {
    this.staff();
    return this.linkedOf.load(`${kind}:${targetId}`);
  }

  private async move(taskId: string, to: TaskStatus, actor: string, note: string, resolution: string | null): Promise<TaskEntity> {
    const task = await this.get(taskId);
    if (!canMoveTask(task.status, to)) throw conflict(`A ${task.status} task cannot become ${to}.`);
    await this.inTransaction(async (client) => {
      const closing = isTaskClosed(to);
      const updated = await client.query(
        `update notifications.task set status = $2, updated_at = now(), closed_at = case when $3 then now() else null end,
                resolution = case when $3 then $4 else resolution end
          where id = $1 and status = $5`,
        [task.id, to, closing, resolution, task.status],
      );
      if (updated.rowCount !== 1) throw conflict('The task changed meanwhile; read it again.');
      await this.addComment(client, task.id, actor, note);
    });
    return this.reload(task.id);
  }

  private async activeDepartment(id: string | null): Promise<DepartmentEntity | null> {
    if (id === null) return null;
    requireId(id, 'departmentId');
    const department = await this.em.findOne(DepartmentEntity, { id });
    if (!department) throw notFound('Department', id);
    if (!department.active) throw badUserInput(`The department ${department.code} is inactive.`, 'departmentId');
    return department;
  }

  /** An assignee must be an active staff user (the users' module says who is). */
  private async staffUser(id: string | null): Promise<NotificationRecipient | null> {
    if (id === null) return null;
    requireId(id, 'assigneeUserId');
    if (!this.directory) throw new Error('No module gives notificationRecipients; tasks cannot be assigned.');
    const client = await this.pool().connect();
    try {
      const [user] = await this.directory(client, [id]);
      if (!user) throw notFound('User', id);
      if (user.kind !== 'STAFF' || !user.active) throw badUserInput('Tasks are assigned to active staff users only.', 'assigneeUserId');
      return user;
    } finally {
      client.release();
    }
  }

  private async addComment(client: PoolClient, taskId: string, authorUserId: string | null, text: string): Promise<void> {
    await client.query(`insert into notifications.task_comment (id, task_id, author_user_id, text, created_at) values (gen_random_uuid(), $1, $2, $3, clock_timestamp())`, [taskId, authorUserId, text]);
  }

  private async inTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool().connect();
    try {
      await client.query('begin');
      const result = await work(client);
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private async reload(id: string): Promise<TaskEntity> {
    const task = await this.em.findOne(TaskEntity, { id }, { refresh: true });
    if (!task) throw notFound('Task', id);
    return task;
  }
}
