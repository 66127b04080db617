import { Entity, Enum, Index, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

export enum ConsentChannelValue {
  EMAIL = 'EMAIL',
  SMS = 'SMS',
  NEWSLETTER = 'NEWSLETTER',
}

export enum ConsentSource {
  /** The user, signed in. */
  USER = 'USER',
  /** The signed link in a message, without signing in. */
  UNSUBSCRIBE_LINK = 'UNSUBSCRIBE_LINK',
}

/**
 * One change of a contact consent (hub-owned). The current state of a channel is its latest
 * event (none yet = not given); the rows are the history, never updated or deleted.
 */
@Entity({ tableName: 'consent_event' })
@Index({ properties: ['userId', 'channel', 'at'] })
export class ConsentEventEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  userId: string;

  @Enum({ items: () => ConsentChannelValue, type: 'text' })
  channel: ConsentChannelValue;

  @Property({ type: 'boolean' })
  granted: boolean;

  @Enum({ items: () => ConsentSource, type: 'text' })
  source: ConsentSource;

  @Property({ type: 'timestamptz' })
  at: Date & Opt = new Date();
}
