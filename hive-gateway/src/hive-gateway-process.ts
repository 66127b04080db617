import { join } from 'node:path';
import { ServiceProcess, startServiceProcess } from '@hub/process-lifecycle';
import { HivePlanner } from './hive-gateway-config';

const CLI = join(__dirname, 'main.js');

export interface HiveGatewayProcessOptions {
  subgraphUrls: Readonly<Record<string, string>>;
  planner?: HivePlanner;
  /** Another supergraph file than the checked-in one. */
  supergraphPath?: string;
  port?: number;
  env?: NodeJS.ProcessEnv;
}

/**
 * Starts Hive Gateway as its own process (main.ts), resolving with its GraphQL URL once it listens.
 * Its own process, not this one's: the Rust planner loads an ES module with a native addon by a
 * dynamic import, which Jest's module sandbox cannot do.
 */
export function startHiveGatewayProcess(options: HiveGatewayProcessOptions): Promise<ServiceProcess> {
  const port = options.port ?? 0;
  const args = ['--port', String(port), '--planner', options.planner ?? 'js', '--subgraph-urls', JSON.stringify(options.subgraphUrls), ...(options.supergraphPath ? ['--supergraph', options.supergraphPath] : [])];
  return startServiceProcess({ name: 'Hive Gateway', cli: CLI, args, ready: /HIVE GATEWAY READY (\S+)/, port, portSetting: '--port', env: options.env });
}
