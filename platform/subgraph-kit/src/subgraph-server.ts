import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLSchema } from 'graphql';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { MikroORM } from '@mikro-orm/postgresql';
import { AuthSecrets, bearerToken, CLIENT_ADDRESS_HEADER, GATEWAY_ASSERTION_HEADER, verifyAccessToken, verifyGatewayAssertion, Viewer } from '@hub/auth';
import { asHttpRejection, jsonRefusals, notFoundRefusal, requireJsonPost, unauthenticated } from '@hub/errors';
import { observeOrmPool } from '@hub/database';
import { databaseCheck, graphqlObservabilityPlugin, HealthCheck, requestScope, serveHealth, serveMetrics, setScopeViewer } from '@hub/observability';
import { BaseContext } from './subgraph-context';
import { formatSubgraphError } from './error-formatting';
import { FileRoute, serveFileRoutes } from './file-routes';
import { serveWebhookRoutes, WebhookRoute } from './webhook-routes';

export interface SubgraphServerOptions<TContext extends BaseContext> {
  name: string;
  schema: GraphQLSchema;
  orm: MikroORM;
  secrets: AuthSecrets;
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** Adds the subgraph's loaders and services to the base context. */
  buildContext: (base: BaseContext) => TContext;
  /** What `GET /health/ready` checks besides the database (e.g. the subgraph's migrations). */
  readinessChecks?: HealthCheck[];
  /** Downloads behind signed links, served at `GET /files/<token>` (the gateway forwards `/files/<name>/<token>`). */
  fileRoutes?: readonly FileRoute<TContext>[];
  /** Outside services' signed callbacks, at `POST /webhooks/<name>` (not through the gateway). */
  webhooks?: readonly WebhookRoute[];
  /** The revoked users (deactivated, or tokens ended), kept current from events: their tokens are refused here as at the gateway. */
  revocations?: { isRevoked(viewer: Viewer): boolean };
  /** The module's own Apollo plugins (SubgraphModule.serverPlugins), after the hub's. */
  plugins?: ApolloServerPlugin<TContext>[];
}

type RawBodyRequest = http.IncomingMessage & { rawBody?: Buffer };

export interface RunningSubgraph {
  name: string;
  url: string;
  stop(): Promise<void>;
}

/**
 * Serves one subgraph over HTTP. Every request must carry the gateway's assertion; the caller's
 * own token is verified here again, so a subgraph never relies on the gateway's word for who calls.
 */
export async function startSubgraphServer<TContext extends BaseContext>(
  options: SubgraphServerOptions<TContext>,
): Promise<RunningSubgraph> {
  const app = express();
  const httpServer = http.createServer(app);
  // Only the gateway calls a subgraph and it never asks conditionally: no ETag digest of every answer.
  app.set('etag', false);
  // Longer than the gateway's idle keep-alive, so the gateway never writes to a socket we just closed.
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;

  const server = new ApolloServer<TContext>({
    // Compact JSON: Apollo's default indents every response, which costs CPU and bytes on the hot path.
    stringifyResult: (result) => JSON.stringify(result),
    schema: options.schema,
    // No cache hints are used: without the cache-control plugin no plugin hooks into field
    // resolution, so Apollo does not wrap every resolver (a large share of a catalogue page's CPU).
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      graphqlObservabilityPlugin<TContext>({ server: options.name, logLevel: 'debug', countSql: true }),
      ...(options.plugins ?? []),
    ],
    // Only the gateway reaches a subgraph (its assertion is required), so introspection stays on in production too.
    introspection: true,
    // The launcher owns SIGINT/SIGTERM and stops everything in order; Apollo's own handlers raced it
    // (a gateway stopping itself while the launcher stopped it hung shutdown for the full grace period or longer).
    stopOnTerminationSignals: false,
    formatError: formatSubgraphError(options.name),
    includeStacktraceInErrorResponses: false,
  });
  await server.start();

  const query = async (sql: string) => (await options.orm.em.getConnection().execute(sql, [], 'all')) as Array<Record<string, unknown>>;
  const checks = [databaseCheck('database', query), ...(options.readinessChecks ?? [])];
  serveHealth(app, options.name, () => checks);
  serveMetrics(app);
  observeOrmPool(options.orm, options.name);
  app.use(
    '/graphql',
    // The gateway's x-request-id and traceparent continue here: one request id and trace across processes.
    requestScope(`subgraph ${options.name}`),
    requireJsonPost(),
    // The raw body is kept: the gateway's assertion is signed over it.
    express.json({ limit: '2mb', verify: (req, _res, raw) => void ((req as RawBodyRequest).rawBody = raw) }),
    expressMiddleware(server, {
      context: async ({ req }) => {
        try {
          const bearer = bearerToken(req.headers.authorization);
          const body = (req as RawBodyRequest).rawBody ?? Buffer.alloc(0);
          await verifyGatewayAssertion(req.headers[GATEWAY_ASSERTION_HEADER] as string | undefined, { subgraph: options.name, body, bearer }, options.secrets);
          const viewer = bearer ? await verifyAccessToken(bearer, options.secrets) : null;
          // Revocation is checked here too, from this process's own event-fed list: no gateway is trusted with it.
          if (viewer && options.revocations?.isRevoked(viewer)) throw unauthenticated('This session has ended; sign in again.');
          setScopeViewer(viewer);
          // Read only after the assertion was verified: nobody but the gateway can set it.
          const forwarded = req.headers[CLIENT_ADDRESS_HEADER];
          const clientAddress = typeof forwarded === 'string' && forwarded.length > 0 && forwarded.length <= 100 ? forwarded : null;
          const language = req.headers['accept-language'];
          const acceptLanguage = typeof language === 'string' && language.length > 0 ? language.slice(0, 200) : null;
          return options.buildContext({ viewer, bearer, clientAddress, acceptLanguage, em: options.orm.em.fork() });
        } catch (error) {
          throw asHttpRejection(error);
        }
      },
    }),
  );

  if (options.fileRoutes?.length) {
    app.use('/files', requestScope(`subgraph ${options.name} file`));
    serveFileRoutes(app, {
      subgraph: options.name, secrets: options.secrets, routes: options.fileRoutes, buildContext: options.buildContext, newEntityManager: () => options.orm.em.fork(), revocations: options.revocations,
    });
  }

  if (options.webhooks?.length) serveWebhookRoutes(app, options.name, options.webhooks, () => options.orm.em.fork());

  // Every refusal of the HTTP layer as a GraphQL-style JSON error, never Express's HTML page.
  app.use(notFoundRefusal());
  app.use(jsonRefusals());

  await new Promise<void>((resolve) => httpServer.listen(options.port, options.host ?? '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  return {
    name: options.name,
    url: `http://${options.host ?? '127.0.0.1'}:${port}/graphql`,
    stop: () => server.stop(),
  };
}
