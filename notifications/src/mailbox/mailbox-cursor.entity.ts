import { Entity, Opt, PrimaryKey, Property } from '@mikro-orm/core';

/** How far the hub has read a mailbox folder: the last UID stored under its UIDVALIDITY. */
@Entity({ tableName: 'mailbox_cursor' })
export class MailboxCursorEntity {
  @PrimaryKey({ type: 'text' })
  mailbox: string;

  @Property({ type: 'bigint' })
  uidValidity: string;

  @Property({ type: 'bigint' })
  lastUid: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  readAt: Date & Opt = new Date();
}
