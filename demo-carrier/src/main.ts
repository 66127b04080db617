import { exitWithParent } from '@hub/process-lifecycle';
import { DEFAULT_DEMO_CARRIER_ADMIN_KEY, DEFAULT_DEMO_CARRIER_API_KEY, startDemoCarrier } from './server';

/**
 * The demo carrier as its own process:
 *   node demo-carrier/dist/main.js --port N --api-key K [--admin-key A] [--step-seconds S] [--lose-every N] [--host H]
 * Prints `DEMO CARRIER READY <url>` once it listens; stops on SIGTERM/SIGINT and when its parent is gone.
 */
function parseArgs(argv: string[]): { port: number; apiKey: string; adminKey: string; stepSeconds: number; loseEvery: number; host: string } {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m) throw new Error(`unexpected argument ${argv[i]}`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new Error(`--${m[1]} needs a value`);
    if (!['port', 'api-key', 'admin-key', 'step-seconds', 'lose-every', 'host'].includes(m[1])) throw new Error(`unknown option --${m[1]}`);
    values.set(m[1], value);
  }
  const number = (name: string, fallback: number, max: number) => {
    const n = Number(values.get(name) ?? fallback);
    if (!Number.isInteger(n) || n < 0 || n > max) throw new Error(`--${name} must be 0..${max}`);
    return n;
  };
  return {
    port: number('port', 0, 65535), stepSeconds: number('step-seconds', 0, 86_400), loseEvery: number('lose-every', 7, 1_000_000),
    host: values.get('host') ?? '127.0.0.1',
    apiKey: values.get('api-key') ?? DEFAULT_DEMO_CARRIER_API_KEY, adminKey: values.get('admin-key') ?? DEFAULT_DEMO_CARRIER_ADMIN_KEY,
  };
}

async function main(): Promise<void> {
  const handle = await startDemoCarrier(parseArgs(process.argv.slice(2)));
  process.stdout.write(`DEMO CARRIER READY ${handle.url}\n`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    handle.stop().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  exitWithParent({ stop: () => handle.stop(), onParentGone: () => process.stderr.write('demo carrier: the process that started it is gone; stopping\n') });
}

main().catch((error: unknown) => {
  process.stderr.write(`demo carrier failed to start: ${(error as Error)?.message ?? String(error)}\n`);
  process.exit(1);
});
