import { Entity, Opt, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Failed sign-ins per account (`account:<e-mail>`) and per client address (`address:<ip>`), in
 * PostgreSQL so that every instance of the subgraph counts the same attempts.
 */
@Entity({ tableName: 'login_throttle' })
export class LoginThrottleEntity {
  @PrimaryKey({ type: 'text' })
  key: string;

  @Property({ type: 'integer', default: 0 })
  failures: number & Opt = 0;

  @Property({ type: 'timestamptz' })
  windowStartedAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null = null;
}
