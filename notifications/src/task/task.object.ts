import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DepartmentEntity } from './department.entity';
import { TaskCommentEntity } from './task-comment.entity';
import { TaskEntity } from './task.entity';
import { TaskKind, TaskLinkKind, TaskStatus } from './task-status';

registerEnumType(TaskKind, { name: 'TaskKind', description: 'PREPARE_OFFER, COMPLAINT_RETURN (open a complaint or return), CALL_BACK, OTHER.' });
registerEnumType(TaskStatus, { name: 'TaskStatus', description: 'OPEN (queued), IN_PROGRESS (an employee has it), DONE, CANCELLED.' });
registerEnumType(TaskLinkKind, { name: 'TaskLinkKind', description: 'What a task led to: an OFFER, a RETURN or an ORDER.' });

@ObjectType('Department', { description: 'A department tasks go to.' })
export class DepartmentObject {
  @Field(() => ID) id: string;
  @Field() code: string;
  @Field() name: string;
  @Field() active: boolean;

  static from(d: DepartmentEntity): DepartmentObject {
    return Object.assign(new DepartmentObject(), { id: d.id, code: d.code, name: d.name, active: d.active });
  }
}

@ObjectType('TaskComment')
export class TaskCommentObject {
  @Field(() => ID) id: string;
  @Field(() => ID, { nullable: true, description: "The staff user who wrote it; null: the hub's own note (e.g. reopened by a new e-mail)." }) authorUserId: string | null;
  @Field() text: string;
  @Field() createdAt: Date;

  static from(c: TaskCommentEntity): TaskCommentObject {
    return Object.assign(new TaskCommentObject(), { id: c.id, authorUserId: c.authorUserId, text: c.text, createdAt: c.createdAt });
  }
}

@ObjectType('Task', { description: 'Work staff opened from an e-mail; later mail on the same thread joins it.' })
export class TaskObject {
  @Field(() => ID) id: string;
  @Field(() => TaskKind) kind: TaskKind;
  @Field() title: string;
  @Field(() => TaskStatus) status: TaskStatus;
  @Field(() => ID, { nullable: true }) departmentId: string | null;
  @Field(() => ID, { nullable: true, description: 'The staff user it is assigned to.' }) assigneeUserId: string | null;
  @Field(() => TaskLinkKind, { nullable: true, description: 'What it led to.' }) linkKind: TaskLinkKind | null;
  @Field(() => ID, { nullable: true, description: 'The id of the offer, return or order it led to.' }) linkId: string | null;
  @Field(() => String, { nullable: true }) resolution: string | null;
  @Field(() => ID) createdBy: string;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
  @Field(() => Date, { nullable: true }) closedAt: Date | null;

  static from(t: TaskEntity): TaskObject {
    return Object.assign(new TaskObject(), {
      id: t.id, kind: t.kind, title: t.title, status: t.status, departmentId: t.departmentId, assigneeUserId: t.assigneeUserId, linkKind: t.linkKind, linkId: t.linkId,
      resolution: t.resolution, createdBy: t.createdBy, createdAt: t.createdAt, updatedAt: t.updatedAt, closedAt: t.closedAt,
    });
  }
}
