import { Entity, Opt, PrimaryKey, Property } from '@mikro-orm/core';

/** The language a user reads messages in (absent: the company's default, then English). */
@Entity({ tableName: 'recipient_language' })
export class RecipientLanguageEntity {
  @PrimaryKey({ type: 'uuid' })
  userId: string;

  @Property({ type: 'text' })
  language: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}
