import { MikroORM } from '@mikro-orm/postgresql';
import { AuthSecrets, loadAuthSecrets } from '@hub/auth';
import { buildDemoDataset } from '@hub/demo-data';
import { RunningGateway, startGateway } from '@hub/gateway';
import { migrateAll, readSupergraph, SUBGRAPH_MODULES } from '@hub/schema';

export { migrateAll };
import { RunningSubgraph, startSubgraphServer, SubgraphModule, SubgraphRuntime } from '@hub/subgraph-kit';

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
  log?: (line: string) => void;
}

export interface RunningHub {
  gatewayUrl: string;
  subgraphs: Record<string, string>;
  orms: Record<string, MikroORM>;
  secrets: AuthSecrets;
  stop(): Promise<void>;
}

/**
 * Runs the whole hub in this process: every subgraph on its own port with its own ORM,
 * and the gateway in front of them on the static supergraph.
 */
export async function startHub(options: HubOptions): Promise<RunningHub> {
  const log = options.log ?? (() => undefined);
  const secrets = options.secrets ?? loadAuthSecrets();
  const orms = await migrateAll(options.databaseUrl);
  log('migrations applied');

  if (options.seedDemoData ?? true) {
    const dataset = buildDemoDataset();
    for (const module of SUBGRAPH_MODULES) await module.seedDemoData(orms[module.name].em.fork(), dataset);
    log('demo data loaded');
  }

  const running: RunningSubgraph[] = [];
  let gateway: RunningGateway | undefined;
  const runtime: SubgraphRuntime = {
    secrets,
    databaseUrl: options.databaseUrl,
    gatewayUrl: () => {
      if (!gateway) throw new Error('The gateway is not running yet.');
      return gateway.url;
    },
  };
  const stop = async () => {
    await gateway?.stop();
    await Promise.all(running.map((s) => s.stop()));
    await Promise.all(Object.values(orms).map((orm) => orm.close(true)));
  };
  try {
    for (const [index, module] of SUBGRAPH_MODULES.entries()) {
      const base = options.subgraphBasePort ?? 4001;
      running.push(
        await startSubgraphServer({
          name: module.name,
          schema: await module.buildSchema(),
          orm: orms[module.name],
          secrets,
          host: options.host,
          port: base === 0 ? 0 : base + index,
          buildContext: (ctx) => module.buildContext(ctx, runtime),
        }),
      );
    }
    const subgraphs = Object.fromEntries(running.map((s) => [s.name, s.url]));
    gateway = await startGateway({ supergraphSdl: readSupergraph(), subgraphUrls: subgraphs, secrets, port: options.gatewayPort ?? 4000, host: options.host, databaseUrl: options.databaseUrl });
    log(`gateway listening at ${gateway.url}`);
    return { gatewayUrl: gateway.url, subgraphs, orms, secrets, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
