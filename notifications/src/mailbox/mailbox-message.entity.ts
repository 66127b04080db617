import { Entity, Index, Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/**
 * One e-mail read from the distributor's mailbox over IMAP. (mailbox, uidValidity, uid) is unique,
 * so a message read twice (a restart, two processes) is stored once; `taskId` is the task its
 * thread belongs to, set when staff open a task from it or when it arrives on such a thread.
 */
@Entity({ tableName: 'mailbox_message' })
@Unique({ properties: ['mailbox', 'uidValidity', 'uid'] })
@Index({ properties: ['messageId'] })
@Index({ properties: ['taskId', 'receivedAt'] })
@Index({ properties: ['receivedAt'] })
export class MailboxMessageEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The IMAP account and folder it was read from (user@host/INBOX). */
  @Property({ type: 'text' })
  mailbox: string;

  @Property({ type: 'bigint' })
  uidValidity: string;

  @Property({ type: 'bigint' })
  uid: string;

  /** The Message-ID header, without angle brackets (null when the sender gave none). */
  @Property({ type: 'text', nullable: true })
  messageId: string | null = null;

  @Property({ type: 'text', nullable: true })
  inReplyTo: string | null = null;

  /** The References header's ids, oldest first. */
  @Property({ type: 'text[]' })
  references: string[] & Opt = [];

  @Property({ type: 'text' })
  fromAddress: string;

  @Property({ type: 'text', nullable: true })
  fromName: string | null = null;

  @Property({ type: 'text[]' })
  toAddresses: string[] & Opt = [];

  @Property({ type: 'text' })
  subject: string;

  /** The subject without reply and forward prefixes, lower case: the thread's fallback key. */
  @Property({ type: 'text' })
  threadSubject: string;

  @Property({ type: 'text' })
  text: string;

  /** The Date header (null when missing or unreadable). */
  @Property({ type: 'timestamptz', nullable: true })
  sentAt: Date | null = null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  receivedAt: Date & Opt = new Date();

  @Property({ type: 'uuid', nullable: true })
  taskId: string | null = null;
}
