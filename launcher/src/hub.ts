import { MikroORM } from '@mikro-orm/postgresql';
import { Pool } from 'pg';
import { instrumentPool } from '@hub/database';
import { databaseCheck, HealthCheck, logger, migrationsCheck } from '@hub/observability';
import { AuthSecrets, loadAuthSecrets } from '@hub/auth';
import { buildDemoDataset } from '@hub/demo-data';
import { RunningGateway, startGateway } from '@hub/gateway';
import { userAccessStore } from '@hub/customers/access-store';
import { checkSupergraphModules, hubModules, migrateAll, readSupergraph } from '@hub/schema';
import { collectEdgeAnswerStores, collectSubscriptionRoutes, RunningSubgraph, SubgraphModule } from '@hub/subgraph-kit';
import { ErpAdapter } from '@hub/erp-contract';
import type { ErpAdapterSettings } from '@hub/integrator';

export { migrateAll };
import { runSubgraph, startRevocations } from './subgraph-runner';
import { spawnSubgraph, SubgraphProcess } from './subgraph-process';

export interface HubOptions {
  /** A database URL; the hub creates its schemas inside it. */
  databaseUrl: string;
  secrets?: AuthSecrets;
  host?: string;
  /** 0 picks a free port. */
  gatewayPort?: number;
  /** Port of the first subgraph; the others follow. 0 picks free ports. */
  subgraphBasePort?: number;
  seedDemoData?: boolean;
  /**
   * 'single': every subgraph in this process (light, the default);
   * 'split': each subgraph in a process of its own, the gateway in this one (uses every core).
   */
  processes?: 'single' | 'split';
  /** With processes "split": worker processes per subgraph name (default 1). */
  subgraphWorkers?: Record<string, number>;
  /** The hub's modules; default: the built-in ones plus HUB_MODULES. */
  modules?: readonly SubgraphModule<any>[];
  /** GraphiQL for browsers at the gateway's URL; default: the gateway's (graphqlIdeEnabled). */
  graphqlIde?: boolean;
  log?: (line: string) => void;
}

export interface RunningHub {
  gatewayUrl: string;
  modules: readonly SubgraphModule<any>[];
  subgraphs: Record<string, string>;
  orms: Record<string, MikroORM>;
  secrets: AuthSecrets;
  /** Adds a check to the gateway's `GET /health/ready` (the integrator worker's, the ERP's). */
  addReadinessCheck(check: HealthCheck): void;
  /**
   * Gives the subgraphs the ERP (they read documents' originals from it at request time): this
   * process's adapter in single mode; the endpoint, for an adapter of their own, to subgraph processes.
   */
  connectErp(adapter: ErpAdapter, settings: ErpAdapterSettings): void;
  stop(): Promise<void>;
}

/**
 * Runs the hub: every subgraph on its own port with its own ORM (in this process, or one process
 * each), and the gateway in front of them on the static supergraph.
 */
export async function startHub(options: HubOptions): Promise<RunningHub> {
  const log = options.log ?? ((line: string) => logger.debug({ component: 'hub' }, line));
  const secrets = options.secrets ?? loadAuthSecrets();
  const modules = options.modules ?? hubModules();
  const supergraphSdl = readSupergraph();
  checkSupergraphModules(supergraphSdl, modules);
  const orms = await migrateAll(options.databaseUrl, modules);
  log('migrations applied');

  if (options.seedDemoData ?? true) {
    const dataset = buildDemoDataset();
    for (const module of modules) await module.seedDemoData(orms[module.name].em.fork(), dataset);
    log('demo data loaded');
  }

  const split = options.processes === 'split';
  for (const name of Object.keys(options.subgraphWorkers ?? {})) {
    if (!modules.some((m) => m.name === name)) throw new Error(`HUB_SUBGRAPH_WORKERS names an unknown subgraph "${name}".`);
    if (!split && options.subgraphWorkers![name] > 1) throw new Error('HUB_SUBGRAPH_WORKERS needs HUB_PROCESSES=split.');
  }
  if (split && options.secrets) throw new Error('Subgraph processes read their secrets from the environment; do not pass secrets with processes: "split".');
  const running: RunningSubgraph[] = [];
  const children: SubgraphProcess[] = [];
  let gateway: RunningGateway | undefined;
  let erp: ErpAdapter | null = null;
  // The gateway's readiness: the database answers and holds every migration of every module (checked on a small pool of its own).
  const healthPool = instrumentPool(new Pool({ connectionString: options.databaseUrl, max: 2, application_name: 'hub-health' }), 'hub-health');
  healthPool.on('error', () => undefined); // an idle connection lost while the database restarts: the next check reports it
  const healthQuery = async (sql: string) => (await healthPool.query(sql)).rows;
  const readinessChecks: HealthCheck[] = [databaseCheck('database', healthQuery), ...modules.map((m) => migrationsCheck(m.dbSchema, m.migrationsPath, healthQuery))];
  let revocations: Awaited<ReturnType<typeof startRevocations>> | undefined;
  const stop = async () => {
    await gateway?.stop();
    await Promise.all(running.map((s) => s.stop()));
    await revocations?.stop();
    await Promise.all(Object.values(orms).map((orm) => orm.close(true)));
    await healthPool.end().catch(() => undefined);
  };
  try {
    const base = options.subgraphBasePort ?? 4001;
    const portOf = (index: number) => (base === 0 ? 0 : base + index);
    if (split) {
      // The ORMs opened for migrations and seeding are not needed here any more: each process opens its own.
      await Promise.all(Object.values(orms).map((orm) => orm.close(true)));
      for (const key of Object.keys(orms)) delete orms[key];
      children.push(...(await Promise.all(modules.map((module, index) => spawnSubgraph(module.name, { databaseUrl: options.databaseUrl, port: portOf(index), workers: options.subgraphWorkers?.[module.name] ?? 1 })))));
      running.push(...children);
    } else {
      // One revocation list for the subgraphs of this process.
      revocations = await startRevocations(options.databaseUrl, 'subgraphs');
      for (const [index, module] of modules.entries()) {
        running.push(
          await runSubgraph(module, {
            databaseUrl: options.databaseUrl,
            secrets,
            host: options.host,
            port: portOf(index),
            orm: orms[module.name],
            revocations: revocations.revocations,
            modules,
            erp: () => erp,
            gatewayUrl: () => {
              if (!gateway) throw new Error('The gateway is not running yet.');
              return gateway.url;
            },
          }),
        );
      }
    }
    const subgraphs = Object.fromEntries(running.map((s) => [s.name, s.url]));
    gateway = await startGateway({
      supergraphSdl,
      subgraphUrls: subgraphs,
      secrets,
      port: options.gatewayPort ?? 4000,
      host: options.host,
      databaseUrl: options.databaseUrl,
      userAccess: userAccessStore,
      subscriptionRoutes: collectSubscriptionRoutes(modules),
      edgeAnswers: collectEdgeAnswerStores({ databaseUrl: options.databaseUrl, modules }),
      graphqlIde: options.graphqlIde,
      readinessChecks,
    });
    for (const child of children) child.tellGatewayUrl(gateway.url);
    const workers = Object.entries(options.subgraphWorkers ?? {}).filter(([, n]) => n > 1).map(([name, n]) => `; ${name}: ${n} workers`).join('');
    log(`gateway listening at ${gateway.url}${split ? ` (one process per subgraph${workers})` : ''}`);
    const started = gateway;
    const connectErp = (adapter: ErpAdapter, settings: ErpAdapterSettings) => {
      erp = adapter;
      for (const child of children) child.tellErp(settings);
    };
    return { gatewayUrl: gateway.url, modules, subgraphs, orms, secrets, addReadinessCheck: (check) => started.addReadinessCheck(check), connectErp, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
