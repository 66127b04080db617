import { Pool, PoolClient } from 'pg';
import { OutboxStatus } from './outbox-message.entity';

export interface OutboxMessage {
  id: string;
  topic: string;
  key: string;
  payload: Record<string, unknown>;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  result: Record<string, unknown> | null;
  createdAt: Date;
  deliveredAt: Date | null;
  /** The writing request's W3C traceparent (see OutboxMessageBase). */
  traceparent: string | null;
}

const COLUMNS = `id, topic, key, payload, status, attempts, next_attempt_at as "nextAttemptAt", last_error as "lastError",
  result, created_at as "createdAt", delivered_at as "deliveredAt", traceparent`;

/**
 * Reads and updates one subgraph's outbox table. The owning subgraph declares an instance of this
 * in its SubgraphModule (with what each topic means to the ERP); the integrator's dispatcher and
 * staff API reach the table only through it.
 */
export class OutboxStore {
  constructor(readonly schema: string) {}

  private get table(): string {
    return `"${this.schema}"."outbox_message"`;
  }

  /**
   * Claims due messages for delivery: locked rows are skipped so several dispatchers share the
   * work, and the claim pushes `next_attempt_at` forward so a crashed dispatcher's claim expires
   * (the dispatcher renews it while it works on them: renewLease).
   */
  async claimDue(pool: Pool, limit: number, leaseMs: number): Promise<OutboxMessage[]> {
    const { rows } = await pool.query<OutboxMessage>(
      `update ${this.table} m set next_attempt_at = now() + ($2 || ' milliseconds')::interval
        where m.id in (select id from ${this.table} where status = 'PENDING' and next_attempt_at <= now()
                        order by created_at limit $1 for update skip locked)
        returning ${COLUMNS}`,
      [limit, String(leaseMs)],
    );
    return rows;
  }

  /**
   * Extends the lease of messages a dispatcher still holds: claimed at that attempt count and still
   * pending. A message marked failed since (its attempts went up, its next attempt is set) keeps what
   * markFailed wrote, even when both updates meet on the row: the second re-reads it after the first.
   */
  async renewLease(pool: Pool, held: ReadonlyArray<Pick<OutboxMessage, 'id' | 'attempts'>>, leaseMs: number): Promise<number> {
    if (held.length === 0) return 0;
    const { rowCount } = await pool.query(
      `update ${this.table} m set next_attempt_at = now() + ($3 || ' milliseconds')::interval
         from unnest($1::uuid[], $2::int[]) as h(id, attempts)
        where m.id = h.id and m.attempts = h.attempts and m.status = 'PENDING'`,
      [held.map((m) => m.id), held.map((m) => m.attempts), String(leaseMs)],
    );
    return rowCount ?? 0;
  }

  async markDelivered(client: PoolClient, message: OutboxMessage, result: Record<string, unknown>): Promise<void> {
    await client.query(`update ${this.table} set status = 'DELIVERED', result = $2, delivered_at = now(), last_error = null, attempts = attempts + 1 where id = $1`, [
      message.id,
      JSON.stringify(result),
    ]);
  }

  /** On the pool, or on a client to dead-letter in a transaction with what the sender does about it. */
  async markFailed(db: Pool | PoolClient, id: string, error: string, nextAttemptAt: Date, dead: boolean): Promise<void> {
    await db.query(`update ${this.table} set attempts = attempts + 1, last_error = $2, next_attempt_at = $3, status = $4 where id = $1`, [
      id,
      error.slice(0, 2000),
      nextAttemptAt,
      dead ? 'DEAD' : 'PENDING',
    ]);
  }

  /** Per topic: messages waiting (and the oldest one's age in seconds) and dead letters, for the metrics. */
  async stats(pool: Pool): Promise<Array<{ topic: string; pending: number; dead: number; oldestPendingSeconds: number | null }>> {
    const { rows } = await pool.query<{ topic: string; pending: number; dead: number; oldestPendingSeconds: number | null }>(
      `select topic, count(*) filter (where status = 'PENDING')::int as pending, count(*) filter (where status = 'DEAD')::int as dead,
              extract(epoch from now() - min(created_at) filter (where status = 'PENDING'))::float8 as "oldestPendingSeconds"
         from ${this.table} where status <> 'DELIVERED' group by topic`,
    );
    return rows;
  }

  /** How many messages are in a status (one count over the status index). */
  async countInStatus(pool: Pool, status: OutboxStatus): Promise<number> {
    const { rows } = await pool.query<{ n: number }>(`select count(*)::int as n from ${this.table} where status = $1`, [status]);
    return rows[0].n;
  }

  async list(pool: Pool, status: OutboxStatus | null, limit: number): Promise<OutboxMessage[]> {
    const { rows } = await pool.query<OutboxMessage>(
      `select ${COLUMNS} from ${this.table} where ($1::text is null or status = $1) order by created_at desc limit $2`,
      [status, limit],
    );
    return rows;
  }

  async get(pool: Pool, id: string): Promise<OutboxMessage | null> {
    const { rows } = await pool.query<OutboxMessage>(`select ${COLUMNS} from ${this.table} where id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** Staff resend: a dead (or pending) message goes back to the queue, due now, with a fresh attempt count. */
  async resend(pool: Pool, id: string): Promise<OutboxMessage | null> {
    const { rows } = await pool.query<OutboxMessage>(
      `update ${this.table} set status = 'PENDING', attempts = 0, next_attempt_at = now(), last_error = null
        where id = $1 and status <> 'DELIVERED' returning ${COLUMNS}`,
      [id],
    );
    return rows[0] ?? null;
  }
}
