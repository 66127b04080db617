import { ensureTrytonDatabase, startTrytonServer, TRYTON_ADMIN_PASSWORD, TRYTON_ADMIN_USER } from './tryton-server';

/**
 * `npm run tryton:setup`: creates (or reuses) the seeded Tryton database in .tryton-data/ and, with
 * `--serve`, runs trytond on it (HUB_TRYTON_PORT, default 8000) until Ctrl-C.
 */
async function main(): Promise<void> {
  const serve = process.argv.includes('--serve');
  const reset = process.argv.includes('--reset');
  const db = await ensureTrytonDatabase({ reset, log: (line) => console.log(line) });
  console.log(`Tryton database "${db.database}" ready in ${db.dataDir}${db.created ? ' (created and seeded)' : ' (reused; --reset for a fresh copy)'}`);
  if (!serve) return;
  const server = await startTrytonServer(db, { port: Number(process.env.HUB_TRYTON_PORT || 8000) });
  console.log(`trytond listening at ${server.url}; point the hub at it with:\n  HUB_ERP=tryton HUB_TRYTON_URL=${server.url} HUB_TRYTON_DATABASE=${db.database} HUB_TRYTON_USER=${TRYTON_ADMIN_USER} HUB_TRYTON_PASSWORD=${TRYTON_ADMIN_PASSWORD} npm start`);
  const stop = () => void server.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error((error as Error).message);
  process.exit(1);
});
