import { EntityManager } from '@mikro-orm/postgresql';

/**
 * Counters of `customers.login_throttle`, kept in PostgreSQL so that every instance of the subgraph
 * counts the same attempts. Times are the database's (`now()`), never the caller's clock.
 */
export class LoginThrottleRepository {
  constructor(private readonly em: EntityManager) {}

  /** Seconds until the last lock among the keys ends; 0 while none is locked. */
  async retryAfterSeconds(keys: readonly string[]): Promise<number> {
    const rows: Array<{ retry: string | number | null }> = await this.em.execute(
      `select ceil(extract(epoch from max(locked_until) - now())) as retry from customers.login_throttle where key in (?) and locked_until > now()`,
      [[...keys]],
    );
    return Number(rows[0]?.retry ?? 0);
  }

  async isLocked(key: string): Promise<boolean> {
    const rows: Array<{ n: number }> = await this.em.execute('select count(*)::int as n from customers.login_throttle where key = ? and locked_until > now()', [key]);
    return (rows[0]?.n ?? 0) > 0;
  }

  /**
   * Counts one failure; a window older than `windowSeconds` starts over at this one. One atomic
   * upsert, so concurrent attempts are all counted. Returns the failures in the current window.
   */
  async countFailure(key: string, windowSeconds: number): Promise<number> {
    const rows: Array<{ failures: number }> = await this.em.execute(
      `insert into customers.login_throttle as t (key, failures, window_started_at) values (?, 1, now())
       on conflict (key) do update set
         failures = case when t.window_started_at < now() - make_interval(secs => ?) then 1 else t.failures + 1 end,
         window_started_at = case when t.window_started_at < now() - make_interval(secs => ?) then now() else t.window_started_at end
       returning failures`,
      [key, windowSeconds, windowSeconds],
    );
    return rows[0]?.failures ?? 0;
  }

  /** Locks the key for `lockSeconds`; counting starts over. */
  async lock(key: string, lockSeconds: number): Promise<void> {
    await this.em.execute(`update customers.login_throttle set locked_until = now() + make_interval(secs => ?), failures = 0, window_started_at = now() where key = ?`, [
      lockSeconds,
      key,
    ]);
  }

  /** Forgets counters whose window and lock are both over (failures for unknown e-mails add rows). */
  async forgetExpired(windowSeconds: number): Promise<void> {
    await this.em.execute('delete from customers.login_throttle where window_started_at < now() - make_interval(secs => ?) and (locked_until is null or locked_until < now())', [
      windowSeconds,
    ]);
  }

  async clear(key: string): Promise<void> {
    await this.em.execute('delete from customers.login_throttle where key = ?', [key]);
  }
}
