import { EntityManager } from '@mikro-orm/postgresql';
import { HubError } from '@hub/errors';

export interface ThrottleLimits {
  /** Failures within the window that lock an account. */
  perAccount: number;
  /** Failures within the window that lock a client address (many accounts tried from one place). */
  perAddress: number;
  windowSeconds: number;
  lockSeconds: number;
}

function envInt(name: string, fallback: number): number {
  const n = Number(process.env[name] ?? fallback);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export function throttleLimitsFromEnv(): ThrottleLimits {
  return {
    perAccount: envInt('HUB_LOGIN_MAX_FAILURES_PER_ACCOUNT', 5),
    perAddress: envInt('HUB_LOGIN_MAX_FAILURES_PER_ADDRESS', 50),
    windowSeconds: envInt('HUB_LOGIN_WINDOW_SECONDS', 15 * 60),
    lockSeconds: envInt('HUB_LOGIN_LOCK_SECONDS', 15 * 60),
  };
}

/** Self-registrations per client address: at most `perAddress` in `windowSeconds`, then none for `lockSeconds`. */
export function registrationLimitsFromEnv(): ThrottleLimits {
  const windowSeconds = envInt('HUB_REGISTRATION_WINDOW_SECONDS', 3600);
  const perAddress = envInt('HUB_REGISTRATIONS_PER_ADDRESS', 10);
  return { perAccount: perAddress, perAddress, windowSeconds, lockSeconds: windowSeconds };
}

export function rateLimited(retryAfterSeconds: number, what = 'failed sign-in attempts'): HubError {
  return new HubError('RATE_LIMITED', `Too many ${what}; try again in ${retryAfterSeconds} seconds.`, { retryAfterSeconds });
}

/**
 * Throttles sign-in: after too many failures in a window, an account (whatever address tries it)
 * or an address (whatever accounts it tries) is locked for a while, even for the right password.
 * Counters are updated with one atomic upsert each, so concurrent attempts are all counted.
 * The same counters limit self-registrations per address (keys `register:<address>`).
 */
export class LoginThrottleService {
  constructor(private readonly em: EntityManager, private readonly limits: ThrottleLimits = throttleLimitsFromEnv()) {}

  static keys(email: string, clientAddress: string | null | undefined): { account: string; address: string | null } {
    return { account: `account:${email}`, address: clientAddress ? `address:${clientAddress}` : null };
  }

  /** Throws RATE_LIMITED (with extensions.retryAfterSeconds) while any of the keys is locked. */
  async check(keys: string[], what?: string): Promise<void> {
    const rows: Array<{ retry: string | number | null }> = await this.em.execute(
      `select ceil(extract(epoch from max(locked_until) - now())) as retry from customers.login_throttle where key in (?) and locked_until > now()`,
      [keys],
    );
    const retry = Number(rows[0]?.retry ?? 0);
    if (retry > 0) throw rateLimited(retry, what);
  }

  async isLocked(key: string): Promise<boolean> {
    const rows: Array<{ n: number }> = await this.em.execute('select count(*)::int as n from customers.login_throttle where key = ? and locked_until > now()', [key]);
    return (rows[0]?.n ?? 0) > 0;
  }

  async recordFailure(key: string, max: number): Promise<void> {
    const rows: Array<{ failures: number }> = await this.em.execute(
      `insert into customers.login_throttle as t (key, failures, window_started_at) values (?, 1, now())
       on conflict (key) do update set
         failures = case when t.window_started_at < now() - make_interval(secs => ?) then 1 else t.failures + 1 end,
         window_started_at = case when t.window_started_at < now() - make_interval(secs => ?) then now() else t.window_started_at end
       returning failures`,
      [key, this.limits.windowSeconds, this.limits.windowSeconds],
    );
    if ((rows[0]?.failures ?? 0) >= max) {
      await this.em.execute(
        `update customers.login_throttle set locked_until = now() + make_interval(secs => ?), failures = 0, window_started_at = now() where key = ?`,
        [this.limits.lockSeconds, key],
      );
    }
  }

  async recordFailures(keys: { account: string; address: string | null }): Promise<void> {
    // Now and then, forget counters whose window and lock are over (failures for unknown e-mails add rows).
    if (Math.random() < 0.02) {
      await this.em.execute(
        'delete from customers.login_throttle where window_started_at < now() - make_interval(secs => ?) and (locked_until is null or locked_until < now())',
        [this.limits.windowSeconds],
      );
    }
    await this.recordFailure(keys.account, this.limits.perAccount);
    if (keys.address) await this.recordFailure(keys.address, this.limits.perAddress);
  }

  /** A successful sign-in clears the account's count (not the address's: one good password must not unlock guessing others). */
  async recordSuccess(keys: { account: string }): Promise<void> {
    await this.em.execute('delete from customers.login_throttle where key = ?', [keys.account]);
  }
}
