import cluster, { Worker } from 'node:cluster';
import { loadAuthSecrets } from '@hub/auth';
import { hubModules } from '@hub/schema';
import { runSubgraph } from './subgraph-runner';

type ParentMessage = { gatewayUrl?: string };
type WorkerMessage = { ready?: string };

/**
 * One subgraph in a process of its own (HUB_PROCESSES=split): `node subgraph-main.js <name> <port> [workers]`.
 * Prints `SUBGRAPH READY <url>`; learns the gateway's URL from its parent over IPC; stops on SIGTERM.
 * Ctrl-C in a terminal is left to the parent, which stops its children in order.
 *
 * With more than one worker this process forks them (node:cluster): they share the one port, the
 * primary hands them connections in turn, so a hot subgraph (the catalogue) can use every core.
 */
async function main(): Promise<void> {
  const [name, port, workersArg] = process.argv.slice(2);
  const modules = hubModules();
  const module = modules.find((m) => m.name === name);
  const databaseUrl = process.env.DATABASE_URL;
  const workers = Number(workersArg ?? 1);
  if (!module || !port || !databaseUrl || !Number.isInteger(workers) || workers < 1) {
    throw new Error('usage: DATABASE_URL=... subgraph-main <subgraph> <port> [workers]');
  }
  process.on('SIGINT', () => undefined);
  if (cluster.isPrimary && workers > 1) return runPrimary(workers);

  let gatewayUrl: string | undefined;
  process.on('message', (message: ParentMessage) => {
    if (message.gatewayUrl) gatewayUrl = message.gatewayUrl;
  });
  const running = await runSubgraph(module, {
    databaseUrl,
    secrets: loadAuthSecrets(),
    host: process.env.HUB_HOST || '127.0.0.1',
    port: Number(port),
    modules,
    gatewayUrl: () => {
      if (!gatewayUrl) throw new Error('The gateway is not running yet.');
      return gatewayUrl;
    },
  });
  const stop = () => void running.stop().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('disconnect', stop);
  if (cluster.isWorker) process.send!({ ready: running.url } satisfies WorkerMessage);
  else process.stdout.write(`SUBGRAPH READY ${running.url}\n`);
}

/** Forks the workers, reports ready when all listen, passes the gateway's URL on, stops them on SIGTERM. */
async function runPrimary(count: number): Promise<void> {
  let stopping = false;
  let gatewayMessage: ParentMessage | undefined;
  const fork = (): Promise<string> => {
    const worker: Worker = cluster.fork();
    if (gatewayMessage) worker.send(gatewayMessage);
    worker.on('exit', (code, signal) => {
      if (stopping) return;
      // A worker that dies is replaced; the others keep serving meanwhile.
      console.error(`[subgraph ${process.argv[2]}] worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
      void fork().catch((error) => console.error(error));
    });
    return new Promise((resolve, reject) => {
      worker.on('message', (message: WorkerMessage) => message.ready && resolve(message.ready));
      worker.once('exit', () => reject(new Error('a worker exited before it was ready')));
    });
  };
  process.on('message', (message: ParentMessage) => {
    if (!message.gatewayUrl) return;
    gatewayMessage = message;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.send(message);
  });
  const stop = () => {
    if (stopping) return;
    stopping = true;
    const all = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
    void Promise.all(all.map((w) => new Promise((resolve) => (w.isDead() ? resolve(null) : (w.once('exit', resolve), w.process.kill('SIGTERM')))))).then(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('disconnect', stop);
  const urls = await Promise.all(Array.from({ length: count }, fork));
  process.stdout.write(`SUBGRAPH READY ${urls[0]} (${count} workers)\n`);
}

main().catch((error) => {
  console.error(`[subgraph ${process.argv[2]}] failed to start:`, error);
  process.exit(1);
});
