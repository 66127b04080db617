import express from 'express';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { GatewayAssertionSigner } from '@hub/auth';
import { serveFileDownloads } from '@hub/gateway';
import { hubHiveGatewayConfig, HubHiveGatewayOptions } from './hive-gateway-config';

export interface RunningHiveGateway {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4100/graphql. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Hive Gateway serving the hub's supergraph on node:http (JS planner unless `planner: 'rust'`), and
 * the hub's signed file links (`GET /files/<subgraph>/<token>`) with the hub gateway's own handler:
 * the caller's token checked, then streamed from the subgraph, which checks the link, permission,
 * tenant and revocation again. Everything else is Hive's.
 */
export async function startHiveGateway(options: HubHiveGatewayOptions & { host?: string; port?: number }): Promise<RunningHiveGateway> {
  const runtime = createGatewayRuntime(hubHiveGatewayConfig(options));
  const app = express();
  app.set('etag', false);
  serveFileDownloads(app, { subgraphUrls: { ...options.subgraphUrls }, secrets: options.secrets, signer: new GatewayAssertionSigner(options.secrets), revoked: null });
  app.use((req, res) => void runtime(req, res));
  const server = createServer(app);
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
