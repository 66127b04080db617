import cluster, { Worker } from 'node:cluster';
import { loadAuthSecrets } from '@hub/auth';
import { componentLogger, serveClusterMetrics, setLogService, startProcessMetrics, startTracing, stopTracing } from '@hub/observability';
import { hubModules } from '@hub/schema';
import { ConnectedErpAdapter, createErpAdapter, ErpAdapterSettings } from '@hub/integrator';
import { exitWithParent } from '@hub/process-lifecycle';
import { runSubgraph } from './subgraph-runner';

type ParentMessage = { gatewayUrl?: string; erp?: ErpAdapterSettings };
type WorkerMessage = { ready?: string };

/** Tells the launcher (over IPC) or a person (on stdout, when run by hand) where the subgraph listens. */
function announceReady(url: string, note = ''): void {
  if (process.send) process.send({ ready: url } satisfies WorkerMessage);
  else process.stdout.write(`SUBGRAPH READY ${url}${note}\n`);
}

/**
 * One subgraph in a process of its own (HUB_PROCESSES=split): `node subgraph-main.js <name> <port> [workers]`.
 * Tells its parent `{ ready: url }` over IPC (prints `SUBGRAPH READY <url>` when run by hand); learns the
 * gateway's URL from its parent over IPC; stops on SIGTERM.
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
  // Every line and series of this process names its subgraph; its spans are service hub-<name>.
  setLogService(name);
  startProcessMetrics(name);
  if (cluster.isPrimary && workers > 1) {
    // The workers share one port: whichever takes a scrape asks the primary for all of theirs, summed.
    serveClusterMetrics();
    return runPrimary(workers);
  }
  startTracing({ service: name });

  let gatewayUrl: string | undefined;
  let erp: ConnectedErpAdapter | null = null;
  process.on('message', (message: ParentMessage) => {
    if (message.gatewayUrl) gatewayUrl = message.gatewayUrl;
    if (message.erp) {
      erp?.close();
      erp = createErpAdapter(message.erp);
    }
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
    erp: () => erp,
  });
  const stop = () => void running.stop().then(stopTracing).then(() => process.exit(0));
  process.on('SIGTERM', stop);
  // The launcher gone (even killed with SIGKILL: its IPC channel closes) stops this process too. A cluster
  // worker's channel is to its primary, and Node's cluster already exits a worker whose primary is gone.
  if (cluster.isPrimary) exitWithParent({ stop: () => running.stop().then(stopTracing), onParentGone: () => log.warn({ subgraph: name }, 'the launcher is gone; stopping') });
  announceReady(running.url);
}

/** Forks the workers, reports ready when all listen, passes the gateway's URL on, stops them on SIGTERM. */
async function runPrimary(count: number): Promise<void> {
  let stopping = false;
  let gatewayMessage: ParentMessage | undefined;
  let erpMessage: ParentMessage | undefined;
  const fork = (): Promise<string> => {
    const worker: Worker = cluster.fork();
    if (gatewayMessage) worker.send(gatewayMessage);
    if (erpMessage) worker.send(erpMessage);
    worker.on('exit', (code, signal) => {
      if (stopping) return;
      // A worker that dies is replaced; the others keep serving meanwhile.
      log.error({ workerPid: worker.process.pid, exit: signal ?? code }, 'a worker exited; starting another');
      void fork().catch((error) => log.error({ err: error }, 'could not start a worker'));
    });
    return new Promise((resolve, reject) => {
      worker.on('message', (message: WorkerMessage) => message.ready && resolve(message.ready));
      worker.once('exit', () => reject(new Error('a worker exited before it was ready')));
    });
  };
  process.on('message', (message: ParentMessage) => {
    if (message.gatewayUrl) gatewayMessage = message;
    else if (message.erp) erpMessage = message;
    else return;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.send(message);
  });
  const stopWorkers = () => {
    stopping = true;
    const all = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
    return Promise.all(all.map((w) => new Promise((resolve) => (w.isDead() ? resolve(null) : (w.once('exit', resolve), w.process.kill('SIGTERM'))))));
  };
  const stop = () => {
    if (stopping) return;
    void stopWorkers().then(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  exitWithParent({ stop: stopWorkers, onParentGone: () => log.warn({ workers: count }, 'the launcher is gone; stopping the workers') });
  const urls = await Promise.all(Array.from({ length: count }, fork));
  announceReady(urls[0], ` (${count} workers)`);
}

const log = componentLogger('subgraph-process');

main().catch((error) => {
  log.fatal({ err: error, subgraph: process.argv[2] }, 'failed to start');
  process.exit(1);
});
