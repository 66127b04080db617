import { parseOptionArgs, serveUntilStopped, wholeNumberOption } from '@hub/process-lifecycle';
import { DEFAULT_DEMO_CARRIER_ADMIN_KEY, DEFAULT_DEMO_CARRIER_API_KEY, startDemoCarrier } from './server';

/**
 * The demo carrier as its own process:
 *   node demo-carrier/dist/main.js --port N --api-key K [--admin-key A] [--step-seconds S] [--lose-every N] [--host H]
 * Prints `DEMO CARRIER READY <url>` once it listens; stops on SIGTERM/SIGINT and when its parent is gone.
 */
function parseArgs(argv: string[]) {
  const values = parseOptionArgs(argv, ['port', 'api-key', 'admin-key', 'step-seconds', 'lose-every', 'host']);
  return {
    port: wholeNumberOption(values, 'port', 0, 65535),
    stepSeconds: wholeNumberOption(values, 'step-seconds', 0, 86_400),
    loseEvery: wholeNumberOption(values, 'lose-every', 7, 1_000_000),
    host: values.get('host') ?? '127.0.0.1',
    apiKey: values.get('api-key') ?? DEFAULT_DEMO_CARRIER_API_KEY,
    adminKey: values.get('admin-key') ?? DEFAULT_DEMO_CARRIER_ADMIN_KEY,
  };
}

serveUntilStopped('demo carrier', 'DEMO CARRIER READY', async () => startDemoCarrier(parseArgs(process.argv.slice(2))));
