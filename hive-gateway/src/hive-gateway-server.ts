import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { hubHiveGatewayConfig, HubHiveGatewayOptions } from './hive-gateway-config';

export interface RunningHiveGateway {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4100/graphql. */
  url: string;
  stop(): Promise<void>;
}

/** Hive Gateway serving the hub's supergraph on node:http (JS planner unless `planner: 'rust'`). */
export async function startHiveGateway(options: HubHiveGatewayOptions & { host?: string; port?: number }): Promise<RunningHiveGateway> {
  const runtime = createGatewayRuntime(hubHiveGatewayConfig(options));
  const server = createServer(runtime);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}/graphql`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runtime.dispose();
    },
  };
}
