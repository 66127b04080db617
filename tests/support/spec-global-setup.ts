import { Client } from 'pg';
import { startTestPostgres, TestServer } from './test-database';

declare global {
  // eslint-disable-next-line no-var
  var __HUB_SPEC_SERVER__: { server: TestServer; database: string } | undefined;
}

/**
 * The lean global setup of `jest.mutation.config.js`: a PostgreSQL server for the repository specs
 * (DATABASE_URL's, or an embedded one) and a run database for `createSpecDatabase`, without the hub.
 * `npm run test:mutation` provides both once for the whole Stryker run (HUB_TEST_SERVER_URL and
 * HUB_TEST_DATABASE_URL already set), so the many Jest runs of a mutation run find them and do nothing.
 *
 * Only `pg` here, never the ORM: Jest runs the global setup in the process that runs the specs in
 * band (as Stryker does), and every test file's global sees what the setup leaves on the process's
 * global, MikroORM's metadata storage included, which would then leak from one spec file into the next.
 */
export default async function specGlobalSetup(): Promise<void> {
  if (process.env.HUB_TEST_SERVER_URL && process.env.HUB_TEST_DATABASE_URL) return;
  const server = await startTestPostgres();
  const database = `hub_spec_${process.pid}_${Date.now()}`;
  await adminQuery(server.serverUrl, `create database "${database}"`);
  const url = new URL(server.serverUrl);
  url.pathname = `/${database}`;
  process.env.HUB_TEST_DATABASE_URL = url.toString();
  process.env.HUB_TEST_SERVER_URL = server.serverUrl;
  globalThis.__HUB_SPEC_SERVER__ = { server, database };
}

export async function adminQuery<R extends Record<string, unknown> = Record<string, unknown>>(serverUrl: string, sql: string, params: unknown[] = []): Promise<R[]> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
