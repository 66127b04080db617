import { Pool, PoolClient } from 'pg';

/**
 * Runs `work` in one transaction on a pooled client: commit when it resolves, rollback when it
 * throws (and rethrow). A connection lost meanwhile fails the current statement and with it the
 * transaction, never the process (pg emits 'error' on the client, which would otherwise be
 * unhandled); a client whose rollback failed is discarded instead of going back to the pool.
 */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  const onConnectionError = () => undefined;
  client.on('error', onConnectionError);
  let broken = false;
  try {
    await client.query('begin');
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => (broken = true));
    throw error;
  } finally {
    client.off('error', onConnectionError);
    client.release(broken || undefined);
  }
}
