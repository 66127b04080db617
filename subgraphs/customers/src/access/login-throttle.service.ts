import { HubError } from '@hub/errors';
import { LoginThrottleRepository } from './login-throttle.repository';

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
 * The same counters limit self-registrations per address (keys `register:<address>`) and reset
 * mails per e-mail (`reset:<e-mail>`).
 */
export class LoginThrottleService {
  constructor(private readonly throttles: LoginThrottleRepository, readonly limits: ThrottleLimits) {}

  static keys(email: string, clientAddress: string | null | undefined): { account: string; address: string | null } {
    return { account: `account:${email}`, address: clientAddress ? `address:${clientAddress}` : null };
  }

  /** Throws RATE_LIMITED (with extensions.retryAfterSeconds) while any of the keys is locked. */
  async check(keys: string[], what?: string): Promise<void> {
    const retry = await this.throttles.retryAfterSeconds(keys);
    if (retry > 0) throw rateLimited(retry, what);
  }

  isLocked(key: string): Promise<boolean> {
    return this.throttles.isLocked(key);
  }

  /** Counts a failure; the `max`-th within the window locks the key. */
  async recordFailure(key: string, max: number): Promise<void> {
    if ((await this.throttles.countFailure(key, this.limits.windowSeconds)) >= max) await this.throttles.lock(key, this.limits.lockSeconds);
  }

  async recordFailures(keys: { account: string; address: string | null }): Promise<void> {
    // Now and then, forget counters whose window and lock are over.
    if (Math.random() < 0.02) await this.throttles.forgetExpired(this.limits.windowSeconds);
    await this.recordFailure(keys.account, this.limits.perAccount);
    if (keys.address) await this.recordFailure(keys.address, this.limits.perAddress);
  }

  /** A successful sign-in clears the account's count (not the address's: one good password must not unlock guessing others). */
  async recordSuccess(keys: { account: string }): Promise<void> {
    await this.throttles.clear(keys.account);
  }
}
