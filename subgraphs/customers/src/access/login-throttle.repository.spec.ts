import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { customersSubgraph } from '../index';
import { LoginThrottleRepository } from './login-throttle.repository';

const WINDOW = 900;

describe('LoginThrottleRepository (real PostgreSQL)', () => {
  let db: SpecDatabase;
  const repository = () => new LoginThrottleRepository(db.em());
  /** Moves a key's window start and lock into the past or future, as time passing would. */
  const shift = (key: string, column: 'window_started_at' | 'locked_until', seconds: number) =>
    db.pool.query(`update customers.login_throttle set ${column} = now() + make_interval(secs => $2) where key = $1`, [key, seconds]);
  const keys = async () => (await db.pool.query<{ key: string }>('select key from customers.login_throttle order by key')).rows.map((r) => r.key);

  beforeAll(async () => {
    db = await createSpecDatabase([customersSubgraph]);
  });
  afterAll(() => db?.drop());
  beforeEach(() => db.pool.query('delete from customers.login_throttle'));

  it('counts failures within the window and starts over once it is past', async () => {
    expect(await repository().countFailure('account:a@x.example', WINDOW)).toBe(1);
    expect(await repository().countFailure('account:a@x.example', WINDOW)).toBe(2);
    expect(await repository().countFailure('account:b@x.example', WINDOW)).toBe(1);
    await shift('account:a@x.example', 'window_started_at', -(WINDOW - 5));
    expect(await repository().countFailure('account:a@x.example', WINDOW)).toBe(3);
    await shift('account:a@x.example', 'window_started_at', -(WINDOW + 1));
    expect(await repository().countFailure('account:a@x.example', WINDOW)).toBe(1);
  });

  it('counts concurrent failures all', async () => {
    const counted = await Promise.all(Array.from({ length: 8 }, () => new LoginThrottleRepository(db.em()).countFailure('address:10.0.0.1', WINDOW)));
    expect(counted.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('locks a key for a while and counts anew; retry-after is the latest lock among the keys', async () => {
    await repository().countFailure('account:a@x.example', WINDOW);
    await repository().countFailure('address:10.0.0.1', WINDOW);
    expect(await repository().retryAfterSeconds(['account:a@x.example', 'address:10.0.0.1', 'account:none'])).toBe(0);
    await repository().lock('account:a@x.example', 60);
    await repository().lock('address:10.0.0.1', 300);
    expect(await repository().isLocked('account:a@x.example')).toBe(true);
    expect(await repository().isLocked('account:none')).toBe(false);
    const retry = await repository().retryAfterSeconds(['account:a@x.example', 'address:10.0.0.1']);
    expect(retry).toBeGreaterThan(295);
    expect(retry).toBeLessThanOrEqual(300);
    expect(await repository().retryAfterSeconds(['account:a@x.example'])).toBeLessThanOrEqual(60);
    // The lock resets the count.
    expect(await repository().countFailure('account:a@x.example', WINDOW)).toBe(1);
    await shift('address:10.0.0.1', 'locked_until', -1);
    expect(await repository().isLocked('address:10.0.0.1')).toBe(false);
    expect(await repository().retryAfterSeconds(['address:10.0.0.1'])).toBe(0);
  });

  it('forgets counters whose window and lock are over, keeps the rest; clears one key', async () => {
    for (const key of ['old', 'old-lock-over', 'old-but-locked', 'recent']) await repository().countFailure(key, WINDOW);
    await repository().lock('old-lock-over', 60);
    await repository().lock('old-but-locked', 60);
    for (const key of ['old', 'old-lock-over', 'old-but-locked']) await shift(key, 'window_started_at', -(WINDOW + 10));
    await shift('old-lock-over', 'locked_until', -5);
    await repository().forgetExpired(WINDOW);
    expect(await keys()).toEqual(['old-but-locked', 'recent']);
    await repository().clear('recent');
    expect(await keys()).toEqual(['old-but-locked']);
  });
});
