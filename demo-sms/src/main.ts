import { exitWithParent } from '@hub/process-lifecycle';
import { DEFAULT_DEMO_SMS_ADMIN_KEY, DEFAULT_DEMO_SMS_API_KEY, startDemoSms } from './server';

/**
 * The demo SMS gateway as its own process:
 *   node demo-sms/dist/main.js --port N [--api-key K] [--admin-key A] [--host H]
 * Prints `DEMO SMS READY <url>` once it listens; stops on SIGTERM/SIGINT and when its parent is gone.
 */
function parseArgs(argv: string[]): { port: number; apiKey: string; adminKey: string; host: string } {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m) throw new Error(`unexpected argument ${argv[i]}`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new Error(`--${m[1]} needs a value`);
    if (!['port', 'api-key', 'admin-key', 'host'].includes(m[1])) throw new Error(`unknown option --${m[1]}`);
    values.set(m[1], value);
  }
  const port = Number(values.get('port') ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port must be 0..65535');
  return { port, host: values.get('host') ?? '127.0.0.1', apiKey: values.get('api-key') ?? DEFAULT_DEMO_SMS_API_KEY, adminKey: values.get('admin-key') ?? DEFAULT_DEMO_SMS_ADMIN_KEY };
}

async function main(): Promise<void> {
  const handle = await startDemoSms(parseArgs(process.argv.slice(2)));
  process.stdout.write(`DEMO SMS READY ${handle.url}\n`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    handle.stop().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  exitWithParent({ stop: () => handle.stop(), onParentGone: () => process.stderr.write('demo SMS gateway: the process that started it is gone; stopping\n') });
}

main().catch((error: unknown) => {
  process.stderr.write(`demo SMS gateway failed to start: ${(error as Error)?.message ?? String(error)}\n`);
  process.exit(1);
});
