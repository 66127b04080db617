import { exitWithParent } from '@hub/process-lifecycle';
import { startEmbeddedPostgres } from './embedded-postgres';

/**
 * Starts an embedded PostgreSQL and prints `READY <serverUrl>` on stdout; stops it on SIGTERM/SIGINT
 * and, when started with an IPC channel, when its parent is gone.
 * Test setups use this when no DATABASE_URL is given.
 */
async function main(): Promise<void> {
  const [dataDir, port] = process.argv.slice(2);
  if (!dataDir || !port) throw new Error('usage: embedded-postgres-cli <dataDir> <port>');
  const db = await startEmbeddedPostgres({ dataDir, port: Number(port) });
  const stop = () => void db.stop().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // Started with an IPC channel (the test setup): a test run that is killed takes its database down too.
  exitWithParent({ stop: () => db.stop(), graceMs: 30_000 });
  process.stdout.write(`READY ${db.serverUrl}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
