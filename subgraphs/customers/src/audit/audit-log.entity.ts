import { Entity, Index, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/**
 * Who did what to which account. Written in the same transaction as the change it records. When
 * staff act as a customer user ("sign in as"), `actorId` is the staff user and `onBehalfOfId` the
 * customer user, so both identities are kept.
 */
@Entity({ tableName: 'audit_log' })
@Index({ properties: ['at'] })
export class AuditLogEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'timestamptz' })
  at: Date & Opt = new Date();

  /** E.g. `impersonation.start`, `user.create`, `user.deactivate`, `user.permissions`, `password.change`. */
  @Property({ type: 'text' })
  action: string;

  /** The person who really acted (the staff user while impersonating); null for anonymous actions (a reset by e-mail). */
  @Index()
  @Property({ type: 'uuid', nullable: true })
  actorId: string | null = null;

  /** The user the actor was signed in as, when impersonating. */
  @Property({ type: 'uuid', nullable: true })
  onBehalfOfId: string | null = null;

  /** The account the action was about. */
  @Index()
  @Property({ type: 'uuid', nullable: true })
  targetUserId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  companyId: string | null = null;

  @Property({ type: 'jsonb', nullable: true })
  details: Record<string, unknown> | null = null;
}
