import { Entity, Index, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** A file attached to a mailbox message, kept with its bytes (served behind a signed link). */
@Entity({ tableName: 'mailbox_attachment' })
@Index({ properties: ['messageId'] })
export class MailboxAttachmentEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The mailbox message (its id, not its Message-ID). */
  @Property({ type: 'uuid' })
  messageId: string;

  @Property({ type: 'text' })
  fileName: string;

  @Property({ type: 'text' })
  contentType: string;

  @Property({ type: 'integer' })
  size: number;

  @Property({ type: 'blob', lazy: true })
  content: Buffer & Opt;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}
