import { encodeEvent, HUB_EVENTS_CHANNEL } from './hub-event';

/** A `pg` Client, PoolClient or Pool: runs `select pg_notify($1, $2)`. */
export interface PgQueryable {
  query(text: string, values: unknown[]): Promise<unknown>;
}

/**
 * A MikroORM (SQL) EntityManager: `em.execute(sql, params)` runs in the EntityManager's own
 * transaction (inside `em.transactional(...)`, pass the transactional `em`) and takes `?` placeholders.
 * Note that `em.getConnection().execute(sql, params)` would NOT: without the transaction context
 * it runs on another pooled connection, so the event would be sent before (or without) the commit.
 */
export interface SqlEntityManagerLike {
  execute(sql: string, params: unknown[]): Promise<unknown>;
}

/** A function that runs `select pg_notify($1, $2)` with the two parameters, as `pg` takes them. */
export type SqlFunction = (sql: string, params: unknown[]) => Promise<unknown>;

export type EventExecutor = PgQueryable | SqlEntityManagerLike | SqlFunction;

/**
 * Publishes an event on the `hub_events` channel through the caller's connection. Inside a
 * transaction, PostgreSQL delivers it only when (and if) that transaction commits, so publish in
 * the same transaction as the change it announces: listeners never hear of a change they cannot read.
 */
export async function publishEvent(executor: EventExecutor, topic: string, event: { key: string; data?: unknown }): Promise<void> {
  const payload = encodeEvent({ topic, key: event.key, data: event.data });
  if (typeof executor === 'function') {
    await executor('select pg_notify($1, $2)', [HUB_EVENTS_CHANNEL, payload]);
  } else if (typeof (executor as PgQueryable).query === 'function') {
    await (executor as PgQueryable).query('select pg_notify($1, $2)', [HUB_EVENTS_CHANNEL, payload]);
  } else if (typeof (executor as SqlEntityManagerLike).execute === 'function') {
    await (executor as SqlEntityManagerLike).execute('select pg_notify(?, ?)', [HUB_EVENTS_CHANNEL, payload]);
  } else {
    throw new Error('publishEvent needs a pg client or pool, a MikroORM EntityManager or a (sql, params) function.');
  }
}

/**
 * Publishes one event per key with a single statement (a sync page may change thousands of rows).
 * Needs a `pg` client or pool; the same transaction rule as publishEvent applies.
 */
export async function publishEvents(client: PgQueryable, topic: string, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  const payloads = keys.map((key) => encodeEvent({ topic, key }));
  await client.query('select pg_notify($1, payload) from unnest($2::text[]) as payload', [HUB_EVENTS_CHANNEL, payloads]);
}
