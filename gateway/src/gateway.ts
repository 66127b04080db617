import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { AuthSecrets, bearerToken, GatewayAssertionSigner, UserAccessStore, verifyAccessToken } from '@hub/auth';
import { asHttpRejection, jsonRefusals, notFoundRefusal, refusalBody, requireJsonPost, unauthenticated } from '@hub/errors';
import { EventListener, SubscriptionRoutes } from '@hub/events';
import type { EdgeAnswerStore } from '@hub/subgraph-kit';
import { componentLogger, graphqlObservabilityPlugin, HealthCheck, httpCheck, newRequestScope, requestScope, runInScope, serveHealth, serveMetrics, setScopeViewer } from '@hub/observability';
import { serveFileDownloads } from './file-downloads';
import { serveOneClickUnsubscribe } from './one-click-unsubscribe';
import { countSubscription, observeConnectionGuard, observeSubscriptions } from './gateway-metrics';
import { ConnectionGuardOptions, guardConnections } from './connection-guard';
import { GatewayContext } from './gateway-context';
import { edgeAnswersPlugin } from './edge-answers';
import { graphqlIde, graphqlIdeEnabled } from './graphql-ide';
import { operationLimitsPlugin, OperationLimits, operationLimitRules, operationLimitsFromEnv } from './operation-limits';
import { tokenLimit } from './token-limit';
import { TrustedDocuments, trustedDocumentsOnly } from './trusted-documents';
import { anonymousIntrospectionAllowed, schemaPrivacyPlugin } from './schema-privacy';
import { RevokedUsers } from '@hub/revocation';
import { HubSubgraphDataSource } from './subgraph-data-source';
import { OperationExecutor, SubscriptionFanout } from './subscription-fanout';
import { checkSubscriptionRoutes } from './subscription-router';
import { RunningSubscriptionServer, startSubscriptionServer, SubscriptionServerOptions, subscriptionSettingsFromEnv } from './subscription-server';

export interface GatewayOptions {
  /** The composed supergraph (schema/supergraph.graphql); never introspected at run time. */
  supergraphSdl: string;
  /** Where each subgraph listens, by its name in the supergraph. */
  subgraphUrls: Record<string, string>;
  secrets: AuthSecrets;
  port: number;
  host?: string;
  /** Anonymous subscriptions and connection caps; default: subscriptionSettingsFromEnv() (HUB_ANONYMOUS_SUBSCRIPTIONS, HUB_WS_CONNECTIONS_PER_*). */
  subscriptionSettings?: Pick<SubscriptionServerOptions, 'allowAnonymous' | 'maxConnectionsPerUser' | 'maxConnectionsPerAddress'>;
  /** Introspection and field suggestions for callers who are not signed in. Default: anonymousIntrospectionAllowed() (off in production). */
  anonymousIntrospection?: boolean;
  /**
   * Only registered operations run (a manifest of a frontend's operations, see trusted-documents.ts).
   * Default: the manifest at HUB_TRUSTED_DOCUMENTS, else none (every valid operation runs).
   */
  trustedDocuments?: TrustedDocuments | null;
  /** Pipelined requests and unread answer bytes one HTTP connection may hold (default DEFAULT_CONNECTION_GUARD). */
  connectionGuard?: Partial<ConnectionGuardOptions>;
  /** Aliases, tokens, directives, depth and cost per operation. Default: operationLimitsFromEnv() (HUB_LIMIT_*). */
  limits?: OperationLimits;
  /** The database subgraphs publish events in (@hub/events): the gateway LISTENs on one connection of its own. */
  databaseUrl?: string;
  /** Or an event listener the caller started and stops (instead of databaseUrl). */
  eventListener?: EventListener;
  /** Where users' access state is read (the customers subgraph's export), to refuse revoked tokens on every path. */
  userAccess: UserAccessStore;
  /** How each subscription field is served: from the modules' event declarations (collectSubscriptionRoutes). */
  subscriptionRoutes: SubscriptionRoutes;
  /** Whole answers the gateway keeps under their owners' rules (edge-answers.ts; the launcher collects them from the modules). */
  edgeAnswers?: readonly EdgeAnswerStore[];
  /**
   * Express's "trust proxy" setting (e.g. "loopback" behind a local proxy): which proxies' X-Forwarded-For
   * the gateway believes when it tells subgraphs the client's address. Default: env HUB_TRUST_PROXY, else none (the socket address).
   */
  trustProxy?: string;
  /**
   * GraphiQL for browsers at /graphql, every file served by the gateway (no CDN). Default:
   * graphqlIdeEnabled(process.env), on unless NODE_ENV=production, HUB_GRAPHQL_IDE=true|false decides.
   */
  graphqlIde?: boolean;
  /**
   * What `GET /health/ready` checks besides the gateway's own (event listener, revocation database,
   * every subgraph's readiness): the launcher adds the migrations, the integrator worker's database and the ERP.
   */
  readinessChecks?: HealthCheck[];
  /**
   * 'everything' (default): queries and mutations over HTTP and subscriptions over graphql-ws on one URL.
   * 'subscriptions': the hub's subscription server as a process of its own beside another gateway
   * (Hive Gateway, Apollo Router): graphql-ws, health and metrics only; HTTP operations are refused
   * with a pointer to the gateway. It still executes each event's selection through the supergraph, as the subscriber.
   */
  serves?: 'everything' | 'subscriptions';
}

/** The subscription counts, for callers in this process (`GET /metrics` has them in Prometheus form). */
export interface GatewayMetrics {
  subscriptionsActive: number;
  subscriptionGroups: number;
  subscriptionChecks: number;
  /** Queries resolved for subscription checks: one per batch of subscribers with the same selection and rights. */
  subscriptionCheckExecutions: number;
  /** Subscribers cut off because their connection did not keep up. */
  subscriptionsCutOff: number;
  /** Queries resolved for events: one per event and group of subscribers, not per subscriber. */
  subscriptionExecutions: number;
  subscriptionEvents: number;
  subscriptionDeliveries: number;
  eventListenerConnected: boolean;
  eventListenerReconnects: number;
  /** The subscription counts per subscription field. */
  subscriptionFields: Record<string, { active: number; groups: number; checks: number; checkExecutions: number; executions: number; events: number; deliveries: number; cutOff: number }>;
}

export interface RunningGateway {
  url: string;
  httpServer: http.Server;
  metrics(): GatewayMetrics;
  /** Adds a check to `GET /health/ready` (parts started after the gateway: the integrator worker, the ERP). */
  addReadinessCheck(check: HealthCheck): void;
  stop(): Promise<void>;
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  if (!options.eventListener && !options.databaseUrl) throw new Error('startGateway needs databaseUrl or eventListener to serve subscriptions.');
  const signer = new GatewayAssertionSigner(options.secrets);
  const log = componentLogger('gateway');
  const ownListener = options.eventListener ? null : new EventListener({ connectionString: options.databaseUrl!, applicationName: 'hub-gateway-events', log: (line) => log.warn(`events: ${line}`) });
  const listener = options.eventListener ?? ownListener!;
  // Revoked tokens (deactivated users, changed passwords) are refused here, on every path.
  const revoked = options.databaseUrl ? new RevokedUsers(options.databaseUrl, options.userAccess, listener, (line) => log.warn(`revocation: ${line}`)) : null;
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name }) => {
      const url = options.subgraphUrls[name];
      if (!url) throw new Error(`No URL configured for subgraph "${name}".`);
      return new HubSubgraphDataSource(url, signer, revoked?.list ?? null, name);
    },
    // Plans are cached per operation text; 30 MiB holds thousands of distinct operations.
    experimental_approximateQueryPlanStoreMiB: 30,
  });

  const app = express();
  // GraphQL answers are POSTed and never asked for conditionally: no ETag digest of every answer.
  app.set('etag', false);
  const trustProxy = options.trustProxy ?? process.env.HUB_TRUST_PROXY;
  if (trustProxy) app.set('trust proxy', trustProxy);
  // No request listener of its own: the connection guard hands each request it lets through to the app.
  const httpServer = http.createServer();
  httpServer.keepAliveTimeout = 65_000;
  // A request's headers must arrive within 20 s and its whole body within 30 s (a slow sender holds no socket for long).
  httpServer.headersTimeout = 20_000;
  httpServer.requestTimeout = 30_000;
  observeConnectionGuard(guardConnections(httpServer, app, options.connectionGuard));

  const limits = options.limits ?? operationLimitsFromEnv();
  const trusted = options.trustedDocuments !== undefined ? options.trustedDocuments : process.env.HUB_TRUSTED_DOCUMENTS ? TrustedDocuments.fromFile(process.env.HUB_TRUSTED_DOCUMENTS) : null;
  if (trusted) log.info(`only the ${trusted.size} registered operations run (trusted documents)`);
  const limitRules = operationLimitRules(limits);
  const server = new ApolloServer<GatewayContext>({
    // Compact JSON: Apollo's default indents every response, which costs CPU and bytes on the hot path.
    stringifyResult: (result) => JSON.stringify(result),
    gateway,
    // Apollo's landing page loads Apollo Sandbox from a CDN; browsers get graphqlIde's page instead.
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      graphqlObservabilityPlugin<GatewayContext>({ server: 'gateway', logLevel: 'info' }),
      operationLimitsPlugin<GatewayContext>(limits),
      schemaPrivacyPlugin(options.anonymousIntrospection ?? anonymousIntrospectionAllowed()),
      ...(options.edgeAnswers?.length ? [edgeAnswersPlugin(options.edgeAnswers)] : []),
    ],
    // Signed-in callers may introspect, in production too (code generators); anonymous ones where
    // anonymousIntrospectionAllowed says so (see schemaPrivacyPlugin).
    introspection: true,
    // The launcher owns SIGINT/SIGTERM and stops everything in order; Apollo's own handlers raced it
    // (a gateway stopping itself while the launcher stopped it hung shutdown for the full grace period or longer).
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
  });
  await server.start();

  // Subscriptions: validated against the API schema the gateway serves, fed by the subgraphs' events.
  const schema = gateway.schema;
  if (!schema) throw new Error('The gateway has no schema after start.');
  const routes = options.subscriptionRoutes;
  const routeProblems = checkSubscriptionRoutes(schema, routes);
  if (routeProblems.length > 0) {
    await server.stop();
    throw new Error(`The subscription routes do not fit the supergraph:\n  - ${routeProblems.join('\n  - ')}`);
  }
  const executeAs: OperationExecutor = (request, as) =>
    // A scope of its own per event execution: its subgraph fetches and log lines share a request id, as an HTTP request's do.
    runInScope(newRequestScope({}), async () => {
      setScopeViewer(as.viewer);
      const response = await server.executeOperation({ query: request.query, variables: request.variables }, { contextValue: { bearer: as.bearer, viewer: as.viewer } });
      if (response.body.kind !== 'single') throw new Error('Subscriptions do not support incremental delivery.');
      return response.body.singleResult;
    });
  const fanout = new SubscriptionFanout({ schema, events: listener, execute: executeAs, onCount: countSubscription, log: (line) => log.error(line) });
  let subscriptions: RunningSubscriptionServer | undefined;
  const stop = async () => {
    await subscriptions?.stop();
    fanout.stop();
    await revoked?.stop();
    await ownListener?.stop();
    await server.stop();
    await Promise.all((options.edgeAnswers ?? []).map((store) => store.stop()));
  };
  const metrics = (): GatewayMetrics => ({
    subscriptionsActive: fanout.subscriberCount,
    subscriptionGroups: fanout.groupCount,
    subscriptionChecks: fanout.counters.checks,
    subscriptionCheckExecutions: fanout.counters.checkExecutions,
    subscriptionsCutOff: fanout.counters.cutOff,
    subscriptionExecutions: fanout.counters.executions,
    subscriptionEvents: fanout.counters.events,
    subscriptionDeliveries: fanout.counters.deliveries,
    eventListenerConnected: listener.connected,
    eventListenerReconnects: listener.reconnects,
    subscriptionFields: fanout.byField(),
  });

  const checks: HealthCheck[] = [
    {
      name: 'event-listener',
      run: async () => {
        if (!listener.connected) throw new Error(`not connected (reconnecting; ${listener.reconnects} reconnects so far)`);
        return `${listener.reconnects} reconnects`;
      },
    },
    ...(revoked ? [{ name: 'database:revocations', run: () => revoked.ping() }] : []),
    // Each subgraph's own readiness (its database and migrations), as the gateway reaches it.
    ...Object.entries(options.subgraphUrls).map(([name, url]) => httpCheck(`subgraph:${name}`, new URL('/health/ready', url).toString())),
    ...(options.readinessChecks ?? []),
  ];
  serveHealth(app, 'gateway', () => checks);
  serveMetrics(app);
  if (options.serves === 'subscriptions') {
    // The WebSocket upgrade never reaches Express; any plain HTTP request to /graphql is someone who meant the gateway.
    app.use('/graphql', (_req, res) => {
      res.status(404).json(refusalBody('This is the hub\'s subscription server: it serves subscriptions over graphql-ws on this URL only. Send queries and mutations to the gateway.', 'NOT_FOUND'));
    });
  } else {
    serveHttpOperations();
  }
  function serveHttpOperations(): void {
    // Signed file links (`/files/<subgraph>/<token>`): the same token checks as /graphql, then the subgraph's own.
    serveFileDownloads(app, { subgraphUrls: options.subgraphUrls, secrets: options.secrets, signer, revoked: revoked?.list ?? null });
    // Newsletters' RFC 8058 one-click unsubscribe links (no sign-in: the signed token is the proof).
    serveOneClickUnsubscribe(app, server);
    app.use(graphqlIde({ enabled: options.graphqlIde ?? graphqlIdeEnabled(), path: '/graphql' }));
    app.use(
      '/graphql',
      requestScope('gateway'),
      requireJsonPost(),
      express.json({ limit: '1mb' }),
      ...(trusted ? [trustedDocumentsOnly(trusted)] : []),
      tokenLimit(limits),
      expressMiddleware(server, {
        // The gateway checks the token too, so a forged one is refused before any subgraph is called.
        context: async ({ req }) => {
          try {
            const bearer = bearerToken(req.headers.authorization);
            const viewer = bearer ? await verifyAccessToken(bearer, options.secrets) : null;
            if (viewer && revoked?.list.isRevoked(viewer)) throw unauthenticated('This session has ended; sign in again.');
            setScopeViewer(viewer);
            const acceptLanguage = typeof req.headers['accept-language'] === 'string' ? req.headers['accept-language'].slice(0, 200) : null;
            return { bearer, viewer, clientAddress: req.ip ?? req.socket.remoteAddress ?? null, acceptLanguage };
          } catch (error) {
            throw asHttpRejection(error);
          }
        },
      }),
    );
  }

  // Every refusal of the HTTP layer as a GraphQL-style JSON error, never Express's HTML page.
  app.use(notFoundRefusal());
  app.use(jsonRefusals());

  try {
    await ownListener?.start();
    await revoked?.start();
    subscriptions = startSubscriptionServer({
      httpServer,
      path: '/graphql',
      schema,
      routes,
      secrets: options.secrets,
      fanout,
      validationRules: limitRules,
      limits,
      revocations: revoked?.list,
      trustedDocuments: trusted,
      ...subscriptionSettingsFromEnv(),
      ...options.subscriptionSettings,
    });
    observeSubscriptions(fanout, () => subscriptions?.connections ?? 0, () => subscriptions?.bufferedBytes ?? 0, listener);
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(options.port, options.host ?? '127.0.0.1', () => {
        httpServer.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
  const { port } = httpServer.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
  return {
    url: `http://${host}:${port}/graphql`,
    httpServer,
    metrics,
    addReadinessCheck: (check) => void checks.push(check),
    stop,
  };
}
