import { Entity, Enum, Index, Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { MessageChannel, MessageStatus } from './message-status';

/**
 * One message to one recipient on one channel: the queue the sender works from and the log staff
 * read. `idempotencyKey` (notice ref, recipient, channel) is unique, so an event heard twice, or
 * by two workers, or again after a restart, never makes a second message.
 */
@Entity({ tableName: 'message' })
@Unique({ properties: ['idempotencyKey'] })
@Index({ properties: ['status', 'nextAttemptAt'] })
@Index({ properties: ['recipientUserId', 'createdAt'] })
@Index({ properties: ['createdAt'] })
export class MessageEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  idempotencyKey: string;

  /** What it answers: the notice ref (e.g. order:<id>:CONFIRMED) or newsletter:<id>. */
  @Property({ type: 'text' })
  ref: string;

  /** The event topic it answers (null for newsletters and direct sends). */
  @Property({ type: 'text', nullable: true })
  topic: string | null = null;

  @Property({ type: 'text' })
  template: string;

  /** The customer's own text it was sent with (group:<code> or company:<id>), null: the deployment's. */
  @Property({ type: 'text', nullable: true })
  templateVariant: string | null = null;

  @Enum({ items: () => MessageChannel, type: 'text' })
  channel: MessageChannel;

  @Property({ type: 'uuid', nullable: true })
  recipientUserId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  companyId: string | null = null;

  /** The e-mail address or phone number at the time of queueing. */
  @Property({ type: 'text' })
  recipientAddress: string;

  @Property({ type: 'text' })
  language: string;

  @Property({ type: 'jsonb' })
  values: Record<string, string>;

  @Enum({ items: () => MessageStatus, type: 'text' })
  status: MessageStatus;

  @Property({ type: 'integer' })
  attempts: number & Opt = 0;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  nextAttemptAt: Date & Opt = new Date();

  /** When a sender took it (a SENDING message whose claim is old belonged to a sender that died). */
  @Property({ type: 'timestamptz', nullable: true })
  claimedAt: Date | null = null;

  /** The server's answer (accepted or refused), or why it was not sent. */
  @Property({ type: 'text', nullable: true })
  lastResponse: string | null = null;

  @Property({ type: 'text', nullable: true })
  subject: string | null = null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  sentAt: Date | null = null;

  /** When the recipient used this message's unsubscribe link (newsletters). */
  @Property({ type: 'timestamptz', nullable: true })
  unsubscribedAt: Date | null = null;
}
