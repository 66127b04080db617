import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { customersSubgraph } from '../index';
import { LoginThrottleRepository } from './login-throttle.repository';
import { LoginThrottleService, rateLimited, registrationLimitsFromEnv, throttleLimitsFromEnv } from './login-throttle.service';

const LIMITS = { perAccount: 3, perAddress: 5, windowSeconds: 900, lockSeconds: 600 };

describe('LoginThrottleService (real PostgreSQL)', () => {
  let db: SpecDatabase;
  const throttle = () => new LoginThrottleService(new LoginThrottleRepository(db.em()), LIMITS);

  async function retryAfter(keys: string[]): Promise<number | null> {
    try {
      await throttle().check(keys);
      return null;
    } catch (error) {
      const e = error as { extensions: { code: string; retryAfterSeconds: number }; message: string };
      expect(e.extensions.code).toBe('RATE_LIMITED');
      expect(e.message).toBe(`Too many failed sign-in attempts; try again in ${e.extensions.retryAfterSeconds} seconds.`);
      return e.extensions.retryAfterSeconds;
    }
  }

  beforeAll(async () => {
    db = await createSpecDatabase([customersSubgraph]);
  });
  afterAll(() => db?.drop());

  it("locks an account at its perAccount-th failure in the window, for lockSeconds, whatever the address", async () => {
    const keys = LoginThrottleService.keys('anna@example.com', '192.0.2.1');
    expect(keys).toEqual({ account: 'account:anna@example.com', address: 'address:192.0.2.1' });
    await throttle().recordFailures(keys);
    await throttle().recordFailures(keys);
    expect(await retryAfter([keys.account])).toBeNull();
    await throttle().recordFailures(keys);
    const retry = await retryAfter([keys.account, LoginThrottleService.keys('anna@example.com', '203.0.113.5').address!]);
    expect(retry).toBeGreaterThan(590);
    expect(retry).toBeLessThanOrEqual(600);
    // Three failures do not lock the address (five do).
    expect(await retryAfter([keys.address!])).toBeNull();
    expect(await throttle().isLocked(keys.account)).toBe(true);
  });

  it('locks an address at its perAddress-th failure, over many accounts, and only that address', async () => {
    for (let i = 0; i < 5; i++) await throttle().recordFailures(LoginThrottleService.keys(`probe-${i}@example.com`, '198.51.100.7'));
    expect(await retryAfter(['address:198.51.100.7'])).toBeGreaterThan(0);
    expect(await retryAfter(['address:198.51.100.8'])).toBeNull();
    expect(await retryAfter(['account:probe-0@example.com'])).toBeNull();
  });

  it("clears an account's failures on success, not its address's", async () => {
    const keys = LoginThrottleService.keys('erik@example.com', '192.0.2.99');
    for (let i = 0; i < 2; i++) await throttle().recordFailures(keys);
    await throttle().recordSuccess(keys);
    for (let i = 0; i < 2; i++) await throttle().recordFailures(keys);
    expect(await retryAfter([keys.account])).toBeNull();
    // The address has counted all four; one more locks it.
    await throttle().recordFailures(LoginThrottleService.keys('other@example.com', '192.0.2.99'));
    expect(await retryAfter([keys.address!])).toBeGreaterThan(0);
  });

  it('counts a failure without an address for the account only', async () => {
    const keys = LoginThrottleService.keys('nowhere@example.com', null);
    expect(keys.address).toBeNull();
    for (let i = 0; i < 3; i++) await throttle().recordFailures(keys);
    expect(await retryAfter([keys.account])).toBeGreaterThan(0);
  });

  it('locks any key at the given maximum (reset mails, registrations)', async () => {
    await throttle().recordFailure('reset:a@example.com', 2);
    expect(await throttle().isLocked('reset:a@example.com')).toBe(false);
    await throttle().recordFailure('reset:a@example.com', 2);
    expect(await throttle().isLocked('reset:a@example.com')).toBe(true);
  });
});

describe('throttle limits', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('default to 5 per account, 50 per address, a 15-minute window and lock', () => {
    for (const name of ['HUB_LOGIN_MAX_FAILURES_PER_ACCOUNT', 'HUB_LOGIN_MAX_FAILURES_PER_ADDRESS', 'HUB_LOGIN_WINDOW_SECONDS', 'HUB_LOGIN_LOCK_SECONDS']) delete process.env[name];
    expect(throttleLimitsFromEnv()).toEqual({ perAccount: 5, perAddress: 50, windowSeconds: 900, lockSeconds: 900 });
  });

  it('take positive whole numbers from the environment and ignore anything else', () => {
    Object.assign(process.env, { HUB_LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', HUB_LOGIN_MAX_FAILURES_PER_ADDRESS: '0', HUB_LOGIN_WINDOW_SECONDS: '1.5', HUB_LOGIN_LOCK_SECONDS: 'soon' });
    expect(throttleLimitsFromEnv()).toEqual({ perAccount: 3, perAddress: 50, windowSeconds: 900, lockSeconds: 900 });
  });

  it('for registrations: 10 per address and hour by default, locked for the rest of the window', () => {
    delete process.env.HUB_REGISTRATIONS_PER_ADDRESS;
    delete process.env.HUB_REGISTRATION_WINDOW_SECONDS;
    expect(registrationLimitsFromEnv()).toEqual({ perAccount: 10, perAddress: 10, windowSeconds: 3600, lockSeconds: 3600 });
    Object.assign(process.env, { HUB_REGISTRATIONS_PER_ADDRESS: '2', HUB_REGISTRATION_WINDOW_SECONDS: '60' });
    expect(registrationLimitsFromEnv()).toEqual({ perAccount: 2, perAddress: 2, windowSeconds: 60, lockSeconds: 60 });
  });

  it('say what was throttled and when to try again', () => {
    const error = rateLimited(42, 'registrations');
    expect(error.message).toBe('Too many registrations; try again in 42 seconds.');
    expect(error.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 42 });
  });
});
