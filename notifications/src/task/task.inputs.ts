import { Field, ID, InputType } from 'type-graphql';
import { TaskKind, TaskLinkKind } from './task-status';

@InputType()
export class CreateTaskFromMessageInput {
  @Field(() => ID, { description: 'The mailbox message (MailboxMessage.id) the task starts from.' }) messageId: string;
  @Field(() => TaskKind) kind: TaskKind;
  @Field(() => String, { nullable: true, description: "One line, at most 200 characters; default: the e-mail's subject." }) title?: string | null;
  @Field(() => ID, { nullable: true }) departmentId?: string | null;
  @Field(() => ID, { nullable: true, description: 'A staff user; the task starts (IN_PROGRESS).' }) assigneeUserId?: string | null;
  @Field(() => String, { nullable: true, description: 'A first comment.' }) note?: string | null;
}

@InputType()
export class AssignTaskInput {
  @Field(() => ID) taskId: string;
  @Field(() => ID, { nullable: true, description: 'Null: no department.' }) departmentId?: string | null;
  @Field(() => ID, { nullable: true, description: "Null: nobody (back in the department's queue)." }) assigneeUserId?: string | null;
}

@InputType()
export class LinkTaskInput {
  @Field(() => ID) taskId: string;
  @Field(() => TaskLinkKind) kind: TaskLinkKind;
  @Field(() => ID, { description: 'The offer, return or order id.' }) targetId: string;
}

@InputType()
export class DepartmentInput {
  @Field({ description: 'Upper-case letters, digits, - or _ (2 to 32), unique.' }) code: string;
  @Field({ description: 'One line, 1 to 100 characters.' }) name: string;
  @Field(() => Boolean, { nullable: true, description: 'Inactive departments take no new tasks.' }) active?: boolean | null;
}
