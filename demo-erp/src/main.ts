import { exitWithParent } from '@hub/process-lifecycle';
import { DemoErpScale } from './demo-erp';
import { DEFAULT_DEMO_ERP_ADMIN_KEY, DEFAULT_DEMO_ERP_API_KEY, startDemoErp } from './server';

/**
 * The demo ERP as its own process:
 *   node demo-erp/dist/main.js --scale small|large --port N --api-key K [--admin-key A] [--step-seconds S] [--host H] [--seed N]
 * Prints one line `DEMO ERP READY <url>` once it listens; stops on SIGTERM/SIGINT, and when started with
 * an IPC channel, also when its parent is gone.
 */
function parseArgs(argv: string[]): { scale: DemoErpScale; port: number; apiKey: string; adminKey: string; stepSeconds: number; host: string; seed?: number } {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m) throw new Error(`unexpected argument ${arg}`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new Error(`--${m[1]} needs a value`);
    values.set(m[1], value);
  }
  for (const name of values.keys()) {
    if (!['scale', 'port', 'api-key', 'admin-key', 'step-seconds', 'host', 'seed'].includes(name)) throw new Error(`unknown option --${name}`);
  }
  const scale = values.get('scale') ?? 'small';
  if (scale !== 'small' && scale !== 'large') throw new Error('--scale must be small or large');
  const port = Number(values.get('port') ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port must be 0..65535');
  const seedText = values.get('seed');
  const seed = seedText === undefined ? undefined : Number(seedText);
  if (seed !== undefined && !Number.isSafeInteger(seed)) throw new Error('--seed must be an integer');
  const stepSeconds = Number(values.get('step-seconds') ?? '0');
  if (!Number.isInteger(stepSeconds) || stepSeconds < 0 || stepSeconds > 86_400) throw new Error('--step-seconds must be 0..86400');
  return {
    scale, port, stepSeconds, host: values.get('host') ?? '127.0.0.1', seed,
    apiKey: values.get('api-key') ?? DEFAULT_DEMO_ERP_API_KEY, adminKey: values.get('admin-key') ?? DEFAULT_DEMO_ERP_ADMIN_KEY,
  };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const handle = await startDemoErp(options);
  process.stdout.write(`DEMO ERP READY ${handle.url}\n`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    handle.stop().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // Started by the launcher (with an IPC channel): stop when it is gone, even killed with SIGKILL, so the port is free for the next start.
  exitWithParent({ stop: () => handle.stop(), onParentGone: () => process.stderr.write('demo ERP: the process that started it is gone; stopping\n') });
}

main().catch((error: unknown) => {
  process.stderr.write(`demo ERP failed to start: ${(error as Error)?.message ?? String(error)}\n`);
  process.exit(1);
});
