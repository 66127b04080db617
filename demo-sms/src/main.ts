import { parseOptionArgs, serveUntilStopped, wholeNumberOption } from '@hub/process-lifecycle';
import { DEFAULT_DEMO_SMS_ADMIN_KEY, DEFAULT_DEMO_SMS_API_KEY, startDemoSms } from './server';

/**
 * The demo SMS gateway as its own process:
 *   node demo-sms/dist/main.js --port N [--api-key K] [--admin-key A] [--host H]
 * Prints `DEMO SMS READY <url>` once it listens; stops on SIGTERM/SIGINT and when its parent is gone.
 */
function parseArgs(argv: string[]) {
  const values = parseOptionArgs(argv, ['port', 'api-key', 'admin-key', 'host']);
  return {
    port: wholeNumberOption(values, 'port', 0, 65535),
    host: values.get('host') ?? '127.0.0.1',
    apiKey: values.get('api-key') ?? DEFAULT_DEMO_SMS_API_KEY,
    adminKey: values.get('admin-key') ?? DEFAULT_DEMO_SMS_ADMIN_KEY,
  };
}

serveUntilStopped('demo SMS gateway', 'DEMO SMS READY', async () => startDemoSms(parseArgs(process.argv.slice(2))));
