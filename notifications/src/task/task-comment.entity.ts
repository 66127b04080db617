import { Entity, Index, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** A staff comment on a task, or the hub's note of what happened to it (authorUserId null). */
@Entity({ tableName: 'task_comment' })
@Index({ properties: ['taskId', 'createdAt'] })
export class TaskCommentEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  taskId: string;

  @Property({ type: 'uuid', nullable: true })
  authorUserId: string | null = null;

  @Property({ type: 'text' })
  text: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}
