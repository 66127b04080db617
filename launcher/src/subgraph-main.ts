import { loadAuthSecrets } from '@hub/auth';
import { SUBGRAPH_MODULES } from '@hub/schema';
import { runSubgraph } from './subgraph-runner';

/**
 * One subgraph in a process of its own (HUB_PROCESSES=split): `node subgraph-main.js <name> <port>`.
 * Prints `SUBGRAPH READY <url>`; learns the gateway's URL from its parent over IPC; stops on SIGTERM.
 * Ctrl-C in a terminal is left to the parent, which stops its children in order.
 */
async function main(): Promise<void> {
  const [name, port] = process.argv.slice(2);
  const module = SUBGRAPH_MODULES.find((m) => m.name === name);
  const databaseUrl = process.env.DATABASE_URL;
  if (!module || !port || !databaseUrl) throw new Error('usage: DATABASE_URL=... subgraph-main <subgraph> <port>');
  let gatewayUrl: string | undefined;
  process.on('message', (message: { gatewayUrl?: string }) => {
    if (message.gatewayUrl) gatewayUrl = message.gatewayUrl;
  });
  const running = await runSubgraph(module, {
    databaseUrl,
    secrets: loadAuthSecrets(),
    host: process.env.HUB_HOST || '127.0.0.1',
    port: Number(port),
    gatewayUrl: () => {
      if (!gatewayUrl) throw new Error('The gateway is not running yet.');
      return gatewayUrl;
    },
  });
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => void running.stop().then(() => process.exit(0)));
  process.on('disconnect', () => void running.stop().then(() => process.exit(0)));
  process.stdout.write(`SUBGRAPH READY ${running.url}\n`);
}

main().catch((error) => {
  console.error(`[subgraph ${process.argv[2]}] failed to start:`, error);
  process.exit(1);
});
