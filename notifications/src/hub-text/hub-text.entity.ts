import { Entity, Opt, PrimaryKey, Property } from '@mikro-orm/core';

/** A staff translation of one hub-owned text (a status label, a reason, a category name) in one language. */
@Entity({ tableName: 'hub_text' })
export class HubTextEntity {
  /** The kind as its owner declares it (e.g. ORDER_STATUS). */
  @PrimaryKey({ type: 'text' })
  kind: string;

  @PrimaryKey({ type: 'text' })
  key: string;

  /** ISO 639-1 */
  @PrimaryKey({ type: 'text' })
  language: string;

  @Property({ type: 'text' })
  text: string;

  @Property({ type: 'uuid' })
  updatedBy: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}
