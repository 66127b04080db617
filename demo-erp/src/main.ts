import { parseOptionArgs, serveUntilStopped, wholeNumberOption } from '@hub/process-lifecycle';
import { DemoErpScale } from './demo-erp';
import { DEFAULT_DEMO_ERP_ADMIN_KEY, DEFAULT_DEMO_ERP_API_KEY, startDemoErp } from './server';

/**
 * The demo ERP as its own process:
 *   node demo-erp/dist/main.js --scale small|large --port N --api-key K [--admin-key A] [--step-seconds S] [--host H] [--seed N]
 * Prints one line `DEMO ERP READY <url>` once it listens; stops on SIGTERM/SIGINT, and when started with
 * an IPC channel, also when its parent is gone.
 */
function parseArgs(argv: string[]): { scale: DemoErpScale; port: number; apiKey: string; adminKey: string; stepSeconds: number; host: string; seed?: number } {
  const values = parseOptionArgs(argv, ['scale', 'port', 'api-key', 'admin-key', 'step-seconds', 'host', 'seed']);
  const scale = values.get('scale') ?? 'small';
  if (scale !== 'small' && scale !== 'large') throw new Error('--scale must be small or large');
  const seedText = values.get('seed');
  const seed = seedText === undefined ? undefined : Number(seedText);
  if (seed !== undefined && !Number.isSafeInteger(seed)) throw new Error('--seed must be an integer');
  return {
    scale, seed,
    port: wholeNumberOption(values, 'port', 0, 65535),
    stepSeconds: wholeNumberOption(values, 'step-seconds', 0, 86_400),
    host: values.get('host') ?? '127.0.0.1',
    apiKey: values.get('api-key') ?? DEFAULT_DEMO_ERP_API_KEY,
    adminKey: values.get('admin-key') ?? DEFAULT_DEMO_ERP_ADMIN_KEY,
  };
}

serveUntilStopped('demo ERP', 'DEMO ERP READY', async () => startDemoErp(parseArgs(process.argv.slice(2))));
