import { Pool } from 'pg';

const directoryPools = new Map<string, Pool>();

/**
 * One small pool per process and database for calling another module's declared readers
 * (notificationRecipients, debtorDetails, ...), which take a plain PoolClient: the request's
 * EntityManager is the subgraph's own.
 */
export function directoryPool(databaseUrl: string): Pool {
  let pool = directoryPools.get(databaseUrl);
  if (!pool) {
    pool = new Pool({ connectionString: databaseUrl, max: 2, application_name: 'hub-module-directory' });
    pool.on('error', () => undefined);
    directoryPools.set(databaseUrl, pool);
  }
  return pool;
}
