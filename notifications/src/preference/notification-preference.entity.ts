import { Entity, Opt, PrimaryKey, Property } from '@mikro-orm/core';

/** A user's choice for one notification category (absent: e-mail on, SMS off). */
@Entity({ tableName: 'notification_preference' })
export class NotificationPreferenceEntity {
  @PrimaryKey({ type: 'uuid' })
  userId: string;

  @PrimaryKey({ type: 'text' })
  category: string;

  @Property({ type: 'boolean' })
  email: boolean;

  @Property({ type: 'boolean' })
  sms: boolean;

  /** Who set it last (the user, a company admin, staff). */
  @Property({ type: 'uuid' })
  changedBy: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}
