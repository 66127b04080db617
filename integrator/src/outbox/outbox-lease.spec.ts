import { randomUUID } from 'node:crypto';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { OutboxStore } from '@hub/outbox';
import { integratorSubgraph } from '../integrator-subgraph';

/** The claim's lease and its renewal (OutboxStore.claimDue / renewLease) on a real PostgreSQL. */
const SCHEMA = 'spec_outbox_lease';

describe('outbox lease (real PostgreSQL)', () => {
  let db: SpecDatabase;
  const store = new OutboxStore(SCHEMA);

  async function enqueue(attempts = 0): Promise<string> {
    const id = randomUUID();
    await db.pool.query(
      `insert into ${SCHEMA}.outbox_message (id, topic, key, payload, status, attempts, next_attempt_at, created_at) values ($1, 'order.placed', $2, '{}', 'PENDING', $3, now(), now())`,
      [id, `key-${id}`, attempts],
    );
    return id;
  }
  /** Milliseconds until the message is due again (negative: due). */
  const dueIn = async (id: string) => Number((await db.pool.query(`select extract(epoch from next_attempt_at - now()) * 1000 as ms from ${SCHEMA}.outbox_message where id = $1`, [id])).rows[0].ms);
  const claimIds = async (leaseMs: number) => (await store.claimDue(db.pool, 10, leaseMs)).map((m) => m.id);

  beforeAll(async () => {
    db = await createSpecDatabase([integratorSubgraph]);
    await db.pool.query(`create schema ${SCHEMA}`);
    await db.pool.query(`create table ${SCHEMA}.outbox_message (id uuid primary key, topic text not null, key text not null unique, payload jsonb not null,
      status text not null default 'PENDING', attempts int not null default 0, next_attempt_at timestamptz not null, last_error text null, result jsonb null,
      created_at timestamptz not null, delivered_at timestamptz null, traceparent text null)`);
  });
  afterAll(() => db?.drop());
  beforeEach(() => db.pool.query(`delete from ${SCHEMA}.outbox_message`));

  it('a claimed message is leased: not claimed again until the lease runs out, as after a crashed dispatcher', async () => {
    const id = await enqueue();
    expect(await claimIds(10_000)).toEqual([id]);
    expect(await claimIds(10_000)).toEqual([]);
    expect(await dueIn(id)).toBeGreaterThan(9_000);

    const other = await enqueue();
    expect(await claimIds(5)).toEqual([other]);
    // Once a lease nobody renewed has run out (a crashed dispatcher's), the message is claimed again.
    for (let i = 0; (await dueIn(other)) >= 0; i++) {
      if (i > 200) throw new Error('a 5 ms lease did not run out');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(await claimIds(10_000)).toEqual([other]);
  });

  it('renewLease extends the lease of messages still held at the attempt count they were claimed with', async () => {
    const id = await enqueue(2);
    const [claimed] = await store.claimDue(db.pool, 10, 1_000);
    expect(await dueIn(id)).toBeLessThanOrEqual(1_000);
    expect(await store.renewLease(db.pool, [claimed], 30_000)).toBe(1);
    expect(await dueIn(id)).toBeGreaterThan(29_000);
    expect(await store.renewLease(db.pool, [], 30_000)).toBe(0);
  });

  it('leaves alone a message marked failed or dead since it was claimed (its retry time stays as set)', async () => {
    const retried = await enqueue();
    const dead = await enqueue();
    const held = await store.claimDue(db.pool, 10, 1_000);
    expect(held.map((m) => m.id).sort()).toEqual([retried, dead].sort());
    await store.markFailed(db.pool, retried, 'TRANSIENT: down', new Date(Date.now() + 5 * 60_000), false);
    await store.markFailed(db.pool, dead, 'VALIDATION: refused', new Date(), true);
    expect(await store.renewLease(db.pool, held, 30_000)).toBe(0);
    const retryIn = await dueIn(retried);
    expect(retryIn).toBeGreaterThan(4 * 60_000);
    expect((await db.pool.query(`select status from ${SCHEMA}.outbox_message where id = $1`, [dead])).rows[0].status).toBe('DEAD');
  });
});
