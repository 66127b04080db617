import { MikroORM } from '@mikro-orm/postgresql';
import { AuthSecrets } from '@hub/auth';
import { ErpAdapter } from '@hub/erp-contract';
import { initSubgraphOrm } from '@hub/database';
import { componentLogger, migrationsCheck } from '@hub/observability';
import { userAccessStore } from '@hub/customers/access-store';
import { EventListener } from '@hub/events';
import { RevokedUsers } from '@hub/revocation';
import { RunningSubgraph, startSubgraphServer, SubgraphModule } from '@hub/subgraph-kit';

export interface SubgraphRunOptions {
  databaseUrl: string;
  secrets: AuthSecrets;
  host?: string;
  port: number;
  gatewayUrl: () => string;
  /** The ERP adapter once the launcher has connected it (documents are read from it at request time). */
  erp?: () => ErpAdapter | null;
  /** Every module of the hub (the integrator's staff API serves what the others declare). */
  modules: readonly SubgraphModule<any>[];
  /** An ORM already opened on the subgraph's schema (in-process mode); otherwise one is opened and closed here. */
  orm?: MikroORM;
  /** The revoked users, shared by the subgraphs of one process; otherwise this subgraph keeps its own list. */
  revocations?: RevokedUsers;
}

/**
 * The event-fed revocation list of one process (its own LISTEN connection and a small pool): subgraphs
 * refuse a revoked user's token themselves, whichever gateway sent the request.
 */
export async function startRevocations(databaseUrl: string, name: string): Promise<{ revocations: RevokedUsers; stop(): Promise<void> }> {
  const log = componentLogger('revocation');
  const events = new EventListener({ connectionString: databaseUrl, applicationName: `hub-${name}-revocation`, log: (line) => log.warn(`events: ${line}`) });
  const revocations = new RevokedUsers(databaseUrl, userAccessStore, events, (line) => log.warn(line));
  await events.start();
  try {
    await revocations.start();
  } catch (error) {
    await events.stop();
    throw error;
  }
  return { revocations, stop: async () => { await revocations.stop(); await events.stop(); } };
}

/** Serves one subgraph: its ORM, its schema, its HTTP server. The same in the hub's process or its own. */
export async function runSubgraph(module: SubgraphModule<any>, options: SubgraphRunOptions): Promise<RunningSubgraph> {
  const orm =
    options.orm ??
    (await initSubgraphOrm({ schema: module.dbSchema, clientUrl: options.databaseUrl, entities: module.entities, migrationsPath: module.migrationsPath }));
  const own = options.revocations ? null : await startRevocations(options.databaseUrl, module.name);
  const runtime = { secrets: options.secrets, databaseUrl: options.databaseUrl, gatewayUrl: options.gatewayUrl, modules: options.modules, erp: options.erp ?? (() => null) };
  const stopServing = (await module.whileServing?.(runtime)) ?? (async () => undefined);
  const server = await startSubgraphServer({
    name: module.name,
    schema: await module.buildSchema(),
    orm,
    secrets: options.secrets,
    host: options.host,
    port: options.port,
    buildContext: (ctx) => module.buildContext(ctx, runtime),
    fileRoutes: module.fileRoutes,
    plugins: module.serverPlugins?.(runtime),
    webhooks: module.webhooks,
    revocations: (options.revocations ?? own!.revocations).list,
    // Ready only when the database holds every migration this code ships (a half-deployed schema answers wrongly).
    readinessChecks: [migrationsCheck(module.dbSchema, module.migrationsPath, async (sql) => (await orm.em.getConnection().execute(sql, [], 'all')) as Array<Record<string, unknown>>)],
  });
  return {
    ...server,
    stop: async () => {
      await server.stop();
      await stopServing();
      await own?.stop();
      if (!options.orm) await orm.close(true);
    },
  };
}
