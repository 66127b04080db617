import { Entity, Enum, Index, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { TaskKind, TaskLinkKind, TaskStatus } from './task-status';

/** A piece of work staff opened from an e-mail, for a department or an employee. */
@Entity({ tableName: 'task' })
@Index({ properties: ['status', 'createdAt'] })
@Index({ properties: ['assigneeUserId', 'status'] })
@Index({ properties: ['departmentId', 'status'] })
@Index({ properties: ['threadSubject'] })
@Index({ properties: ['linkKind', 'linkId'] })
export class TaskEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Enum({ items: () => TaskKind, type: 'text' })
  kind: TaskKind;

  @Property({ type: 'text' })
  title: string;

  @Enum({ items: () => TaskStatus, type: 'text' })
  status: TaskStatus & Opt = TaskStatus.OPEN;

  @Property({ type: 'uuid', nullable: true })
  departmentId: string | null = null;

  /** A staff user (customers subgraph id). */
  @Property({ type: 'uuid', nullable: true })
  assigneeUserId: string | null = null;

  /** The subject of the e-mail it was opened from, normalised: later mail without thread headers joins by it. */
  @Property({ type: 'text' })
  threadSubject: string;

  /** Addresses the thread's mail came from; a subject-only match must come from one of them. */
  @Property({ type: 'text[]' })
  correspondents: string[] & Opt = [];

  @Enum({ items: () => TaskLinkKind, type: 'text', nullable: true })
  linkKind: TaskLinkKind | null = null;

  @Property({ type: 'uuid', nullable: true })
  linkId: string | null = null;

  @Property({ type: 'text', nullable: true })
  resolution: string | null = null;

  @Property({ type: 'uuid' })
  createdBy: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  closedAt: Date | null = null;
}
