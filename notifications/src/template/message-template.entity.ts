import { Entity, Opt, PrimaryKey, Property } from '@mikro-orm/core';

/** A staff override of a built-in template's text for one language (checked when saved). */
@Entity({ tableName: 'message_template' })
export class MessageTemplateEntity {
  @PrimaryKey({ type: 'text' })
  key: string;

  @PrimaryKey({ type: 'text' })
  language: string;

  @Property({ type: 'text' })
  subject: string;

  @Property({ type: 'text' })
  body: string;

  @Property({ type: 'text', nullable: true })
  actionLabel: string | null = null;

  @Property({ type: 'text', nullable: true })
  actionUrl: string | null = null;

  @Property({ type: 'uuid' })
  changedBy: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}
