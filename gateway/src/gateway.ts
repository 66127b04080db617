import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { AuthSecrets, bearerToken, GatewayAssertionSigner, verifyAccessToken } from '@hub/auth';
import { asHttpRejection } from '@hub/errors';
import { GatewayContext } from './gateway-context';
import { maxDepthRule } from './operation-limits';
import { HubSubgraphDataSource } from './subgraph-data-source';

export interface GatewayOptions {
  /** The composed supergraph (schema/supergraph.graphql); never introspected at run time. */
  supergraphSdl: string;
  /** Where each subgraph listens, by its name in the supergraph. */
  subgraphUrls: Record<string, string>;
  secrets: AuthSecrets;
  port: number;
  host?: string;
  maxDepth?: number;
}

export interface RunningGateway {
  url: string;
  httpServer: http.Server;
  stop(): Promise<void>;
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const signer = new GatewayAssertionSigner(options.secrets);
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name }) => {
      const url = options.subgraphUrls[name];
      if (!url) throw new Error(`No URL configured for subgraph "${name}".`);
      return new HubSubgraphDataSource(url, signer);
    },
    // Plans are cached per operation text; 30 MiB holds thousands of distinct operations.
    experimental_approximateQueryPlanStoreMiB: 30,
  });

  const app = express();
  const httpServer = http.createServer(app);
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;

  const server = new ApolloServer<GatewayContext>({
    gateway,
    validationRules: [maxDepthRule(options.maxDepth ?? 15)],
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
    includeStacktraceInErrorResponses: false,
  });
  await server.start();

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(server, {
      // The gateway checks the token too, so a forged one is refused before any subgraph is called.
      context: async ({ req }) => {
        try {
          const bearer = bearerToken(req.headers.authorization);
          const viewer = bearer ? await verifyAccessToken(bearer, options.secrets) : null;
          return { bearer, viewer };
        } catch (error) {
          throw asHttpRejection(error);
        }
      },
    }),
  );

  await new Promise<void>((resolve) => httpServer.listen(options.port, options.host ?? '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
  return {
    url: `http://${host}:${port}/graphql`,
    httpServer,
    stop: () => server.stop(),
  };
}
