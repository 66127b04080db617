import { startEmbeddedPostgres } from './embedded-postgres';

/**
 * Starts an embedded PostgreSQL and prints `READY <serverUrl>` on stdout; stops it on SIGTERM/SIGINT.
 * Test setups use this when no DATABASE_URL is given.
 */
async function main(): Promise<void> {
  const [dataDir, port] = process.argv.slice(2);
  if (!dataDir || !port) throw new Error('usage: embedded-postgres-cli <dataDir> <port>');
  const db = await startEmbeddedPostgres({ dataDir, port: Number(port) });
  const stop = () => void db.stop().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.stdout.write(`READY ${db.serverUrl}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
