import { parseOptionArgs, serveUntilStopped, wholeNumberOption } from '@hub/process-lifecycle';
import { DEFAULT_DEMO_PAYMENTS_ADMIN_KEY, DEFAULT_DEMO_PAYMENTS_API_KEY, DEFAULT_DEMO_PAYMENTS_WEBHOOK_SECRET, startDemoPayments } from './server';

/**
 * The demo payment provider as its own process:
 *   node demo-payments/dist/main.js --port N [--api-key K] [--admin-key A] [--webhook-secret S] [--webhook-url U] [--host H]
 * Prints `DEMO PAYMENTS READY <url>` once it listens; stops on SIGTERM/SIGINT and when its parent is gone.
 */
function parseArgs(argv: string[]) {
  const values = parseOptionArgs(argv, ['port', 'api-key', 'admin-key', 'webhook-secret', 'webhook-url', 'host']);
  return {
    port: wholeNumberOption(values, 'port', 0, 65535),
    host: values.get('host') ?? '127.0.0.1',
    apiKey: values.get('api-key') ?? DEFAULT_DEMO_PAYMENTS_API_KEY,
    adminKey: values.get('admin-key') ?? DEFAULT_DEMO_PAYMENTS_ADMIN_KEY,
    webhookSecret: values.get('webhook-secret') ?? DEFAULT_DEMO_PAYMENTS_WEBHOOK_SECRET,
    webhookUrl: values.get('webhook-url') ?? null,
  };
}

serveUntilStopped('demo payment provider', 'DEMO PAYMENTS READY', async () => startDemoPayments(parseArgs(process.argv.slice(2))));
