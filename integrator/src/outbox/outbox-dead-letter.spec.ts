import { randomUUID } from 'node:crypto';
import { PoolClient } from 'pg';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { ErpAdapter, ErpError } from '@hub/erp-contract';
import { OutboxMessage, OutboxStore } from '@hub/outbox';
import { OutboxTopicDeclaration } from '@hub/subgraph-kit';
import { integratorSubgraph } from '../integrator-subgraph';
import { SyncRegistry } from '../sync/sync-registry';
import { OutboxDispatcher } from './outbox-dispatcher';

/** A sender's outbox table in a schema of this spec's own database, and a table its dead-letter hook writes to. */
const SCHEMA = 'spec_outbox';

describe('OutboxDispatcher dead-letter hook (real PostgreSQL)', () => {
  let db: SpecDatabase;
  const store = new OutboxStore(SCHEMA);
  let failWith: ErpError;
  const hookCalls: Array<{ key: string; kind: string; erpReason: string | null }> = [];
  let hookFails = false;

  const adapter = {
    name: 'spec',
    push: async () => {
      throw failWith;
    },
    findByKey: async () => null,
  } as unknown as ErpAdapter;

  const topic = (name: string, withHook: boolean): OutboxTopicDeclaration => ({
    topic: name,
    push: (a, message) => a.push('orders', message.payload as never, message.key) as never,
    lookup: (a, key) => a.findByKey('orders', key) as never,
    ...(withHook
      ? {
          deadLettered: async (client: PoolClient, message: OutboxMessage, error: ErpError) => {
            hookCalls.push({ key: message.key, kind: error.kind, erpReason: error.erpReason });
            await client.query(`insert into ${SCHEMA}.refusal (key, reason) values ($1, $2)`, [message.key, error.erpReason]);
            if (hookFails) throw new Error('the hook broke');
          },
        }
      : {}),
  });

  let logged: Array<{ level: string; fields: Record<string, unknown>; text: string }> = [];
  const record = (level: string) => ((fields: Record<string, unknown>, text: string) => void logged.push({ level, fields, text })) as any;
  const dispatcher = () =>
    new OutboxDispatcher({
      log: { info: record('info'), warn: record('warn'), error: record('error') },
      pool: db.pool,
      adapter,
      registry: new SyncRegistry([]),
      outboxes: [{ source: 'spec', store, topics: new Map([['with.hook', topic('with.hook', true)], ['no.hook', topic('no.hook', false)]]) }],
      maxAttempts: 3,
      baseDelayMs: 1,
      maxDelayMs: 1,
    });

  async function enqueue(topicName: string, attempts = 0): Promise<string> {
    const key = `key-${randomUUID()}`;
    await db.pool.query(
      `insert into ${SCHEMA}.outbox_message (id, topic, key, payload, status, attempts, next_attempt_at, created_at) values ($1, $2, $3, '{}', 'PENDING', $4, now(), now())`,
      [randomUUID(), topicName, key, attempts],
    );
    return key;
  }
  const message = async (key: string) => (await db.pool.query(`select status, attempts, last_error from ${SCHEMA}.outbox_message where key = $1`, [key])).rows[0];
  const refusals = async (key: string) => (await db.pool.query(`select reason from ${SCHEMA}.refusal where key = $1`, [key])).rows;

  beforeAll(async () => {
    db = await createSpecDatabase([integratorSubgraph]);
    await db.pool.query(`create schema ${SCHEMA}`);
    await db.pool.query(`create table ${SCHEMA}.outbox_message (id uuid primary key, topic text not null, key text not null unique, payload jsonb not null,
      status text not null default 'PENDING', attempts int not null default 0, next_attempt_at timestamptz not null, last_error text null, result jsonb null,
      created_at timestamptz not null, delivered_at timestamptz null, traceparent text null)`);
    await db.pool.query(`create table ${SCHEMA}.refusal (key text not null, reason text)`);
  });
  afterAll(() => db?.drop());
  beforeEach(async () => {
    hookCalls.length = 0;
    hookFails = false;
    await db.pool.query(`delete from ${SCHEMA}.outbox_message`);
  });

  it("runs the topic's hook with the ERP's reason in the transaction that dead-letters a refused message", async () => {
    failWith = new ErpError('VALIDATION', 'spec ERP POST /orders: HTTP 422 customer C1 is blocked', null, 'customer C1 is blocked');
    const key = await enqueue('with.hook');
    await dispatcher().tick();
    expect(await message(key)).toMatchObject({ status: 'DEAD', attempts: 1, last_error: 'VALIDATION: spec ERP POST /orders: HTTP 422 customer C1 is blocked' });
    expect(hookCalls).toEqual([{ key, kind: 'VALIDATION', erpReason: 'customer C1 is blocked' }]);
    expect(await refusals(key)).toEqual([{ reason: 'customer C1 is blocked' }]);
  });

  it('runs it too when a message runs out of attempts, and not while retries are left', async () => {
    failWith = new ErpError('TRANSIENT', 'the ERP is down');
    const retried = await enqueue('with.hook', 0);
    const last = await enqueue('with.hook', 2);
    await dispatcher().tick();
    expect(await message(retried)).toMatchObject({ status: 'PENDING', attempts: 1 });
    expect(await message(last)).toMatchObject({ status: 'DEAD', attempts: 3 });
    expect(hookCalls).toEqual([{ key: last, kind: 'TRANSIENT', erpReason: null }]);
  });

  it('leaves the message to be retried, with nothing of the hook written, when the hook fails', async () => {
    failWith = new ErpError('VALIDATION', 'refused', null, 'refused');
    hookFails = true;
    const key = await enqueue('with.hook');
    logged = [];
    await dispatcher().tick();
    // The hook's failure is logged, and the attempt counts as one to retry.
    expect(logged.map((l) => [l.level, l.text, l.fields.topic, l.fields.outcome ?? null])).toEqual([
      ['error', 'outbox spec: the dead-letter hook of with.hook failed', 'with.hook', null],
      ['warn', 'outbox with.hook will be retried', 'with.hook', 'retry'],
    ]);
    expect(logged[0].fields).toMatchObject({ source: 'spec', err: expect.objectContaining({ message: 'the hook broke' }) });
    const row = await message(key);
    expect(row).toMatchObject({ status: 'PENDING', attempts: 1 });
    expect(row.last_error).toMatch(/^VALIDATION: refused \(not dead-lettered: its hook failed: the hook broke\)$/);
    expect(await refusals(key)).toEqual([]);

    hookFails = false;
    await db.pool.query(`update ${SCHEMA}.outbox_message set next_attempt_at = now() where key = $1`, [key]);
    logged = [];
    await dispatcher().tick();
    expect(await message(key)).toMatchObject({ status: 'DEAD', attempts: 2 });
    expect(logged.map((l) => [l.level, l.text, l.fields.outcome])).toEqual([['warn', 'outbox with.hook dead-lettered', 'dead']]);
    expect(await refusals(key)).toEqual([{ reason: 'refused' }]);
  });

  it('dead-letters topics without a hook as before', async () => {
    failWith = new ErpError('CONFLICT', 'key used for other content', null, 'key used for other content');
    const key = await enqueue('no.hook');
    await dispatcher().tick();
    expect(await message(key)).toMatchObject({ status: 'DEAD', attempts: 1, last_error: 'CONFLICT: key used for other content' });
    expect(hookCalls).toEqual([]);
  });
});
