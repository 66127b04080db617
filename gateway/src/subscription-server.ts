import { FormattedExecutionResult, GraphQLError, GraphQLSchema, ValidationRule } from 'graphql';
// graphql-ws publishes this entry point only in package.json "exports", which the repository's
// `moduleResolution: node` ignores: gateway/tsconfig.json maps it for the compiler (Node and Jest read exports).
import { useServer } from 'graphql-ws/use/ws';
import http from 'node:http';
import { WebSocket, WebSocketServer } from 'ws';
import { AuthSecrets, bearerToken, RevocationList, verifyAccessToken, Viewer } from '@hub/auth';
import { HubError } from '@hub/errors';
import { PreparedSubscription, prepareSubscription, SubscriptionCache } from './subscription-router';
import { SubscriptionRoutes } from '@hub/events';
import { SubscriberAuth, SubscriberSink, SubscriptionFanout } from './subscription-fanout';
import { PushIterator } from './push-iterator';
import { costLimitProblem, OperationLimits, tokenLimitProblem } from './operation-limits';
import { TrustedDocuments } from './trusted-documents';
import { booleanSetting, positiveIntegerSetting } from '@hub/settings';

export interface SubscriptionServerOptions {
  /** The gateway's HTTP server: WebSocket upgrades on `path` are ours, everything else stays HTTP. */
  httpServer: http.Server;
  path: string;
  /** The supergraph's API schema, as the gateway serves it. */
  schema: GraphQLSchema;
  routes: SubscriptionRoutes;
  secrets: AuthSecrets;
  fanout: SubscriptionFanout;
  /** Extra validation rules, as for HTTP operations (the depth limit). */
  validationRules: ValidationRule[];
  /** Tokens and cost, as for HTTP operations (aliases, directives and depth are among validationRules). */
  limits?: OperationLimits;
  maxSubscriptionsPerConnection?: number;
  /** Revoked users: refused at connection_init, and their open connections closed as soon as the list changes. */
  revocations?: RevocationList;
  /** Connections without a token (a public shop's live stock, say). Default off: connection_init must carry a valid token. */
  allowAnonymous?: boolean;
  /** Open connections per signed-in user (default 50) and per client address (default 1000). */
  maxConnectionsPerUser?: number;
  maxConnectionsPerAddress?: number;
  /** Only these registered operations may be subscribed (null or absent: every valid one). */
  trustedDocuments?: TrustedDocuments | null;
  /** The largest message a client may send (default 1 MiB, as an HTTP body). */
  maxMessageBytes?: number;
}

/** Close code for a connection over a per-user or per-address cap. */
export const TOO_MANY_CONNECTIONS_CLOSE_CODE = 4429;

/** The WebSocket settings of a deployment, from HUB_ANONYMOUS_SUBSCRIPTIONS, HUB_WS_CONNECTIONS_PER_USER and HUB_WS_CONNECTIONS_PER_ADDRESS. */
export function subscriptionSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): Pick<SubscriptionServerOptions, 'allowAnonymous' | 'maxConnectionsPerUser' | 'maxConnectionsPerAddress'> {
  return {
    allowAnonymous: booleanSetting(env, 'HUB_ANONYMOUS_SUBSCRIPTIONS', false),
    maxConnectionsPerUser: positiveIntegerSetting(env, 'HUB_WS_CONNECTIONS_PER_USER'),
    maxConnectionsPerAddress: positiveIntegerSetting(env, 'HUB_WS_CONNECTIONS_PER_ADDRESS'),
  };
}

/** The users a connection speaks for: its user, and the staff user acting as them ("sign in as"). */
const usersOf = (viewer: Viewer): string[] => (viewer.actorId ? [viewer.userId, viewer.actorId] : [viewer.userId]);

export interface RunningSubscriptionServer {
  /** Closes every WebSocket (1001 Going away) and stops accepting new ones. */
  stop(): Promise<void>;
  /** WebSocket connections open now. */
  readonly connections: number;
  /** Bytes queued on those sockets and not yet sent (slow clients). */
  readonly bufferedBytes: number;
}

/** Close code for a connection whose token is refused (graphql-ws uses 4401 for "Unauthorized"). */
export const UNAUTHENTICATED_CLOSE_CODE = 4401;

type ConnectionExtra = {
  auth: SubscriberAuth;
  socket: WebSocket;
};

interface SubscriptionContext {
  id: string;
  prepared: PreparedSubscription;
  auth: SubscriberAuth;
  initial: FormattedExecutionResult;
  socket: WebSocket;
}

/** Close code for a connection cut off because it does not read its messages fast enough (policy violation). */
export const SLOW_CONSUMER_CLOSE_CODE = 1008;

/** The `exp` of an already verified token, in ms. */
function tokenExpiry(bearer: string): number | null {
  try {
    const payload = JSON.parse(Buffer.from(bearer.split('.')[1], 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof payload.exp === 'number' ? payload.exp * 1000 : null;
  } catch {
    return null;
  }
}

/**
 * The close reason for a refused token: a GraphQL error as JSON, so clients read the same
 * `extensions.code` as over HTTP. WebSocket close reasons hold at most 123 bytes.
 */
export function unauthenticatedCloseReason(message: string): string {
  const reason = JSON.stringify({ message, extensions: { code: 'UNAUTHENTICATED' } });
  return Buffer.byteLength(reason) <= 123 ? reason : JSON.stringify({ message: 'Invalid access token.', extensions: { code: 'UNAUTHENTICATED' } });
}

/**
 * graphql-ws (the graphql-transport-ws protocol) on the gateway's own URL. A connection
 * authenticates once, with `connectionParams.authorization: "Bearer <token>"` verified like the
 * HTTP header (a bad token closes the connection with 4401 and a GraphQL error as reason; no
 * token means anonymous). Each subscription is validated against the supergraph, checked once by
 * resolving its query as the subscriber, and then fed by the fanout.
 */
export function startSubscriptionServer(options: SubscriptionServerOptions): RunningSubscriptionServer {
  const maxPerConnection = options.maxSubscriptionsPerConnection ?? 100;
  const maxPerUser = options.maxConnectionsPerUser ?? 50;
  const maxPerAddress = options.maxConnectionsPerAddress ?? 1000;
  const wss = new WebSocketServer({ server: options.httpServer, path: options.path, maxPayload: options.maxMessageBytes ?? 1024 * 1024 });

  // Open connections per client address (counted at the upgrade) and per signed-in user (at connection_init).
  const perAddress = new Map<string, number>();
  const byUser = new Map<string, Map<WebSocket, Viewer>>();
  const refuse = (socket: WebSocket, code: number, message: string, errorCode: string) => socket.close(code, JSON.stringify({ message, extensions: { code: errorCode } }).slice(0, 123));
  wss.on('connection', (socket, request) => {
    const address = request.socket.remoteAddress ?? 'unknown';
    const open = (perAddress.get(address) ?? 0) + 1;
    perAddress.set(address, open);
    socket.once('close', () => {
      const left = (perAddress.get(address) ?? 1) - 1;
      if (left <= 0) perAddress.delete(address);
      else perAddress.set(address, left);
    });
    if (open > maxPerAddress) refuse(socket, TOO_MANY_CONNECTIONS_CLOSE_CODE, `At most ${maxPerAddress} connections per address.`, 'RATE_LIMITED');
  });
  const track = (socket: WebSocket, viewer: Viewer) => {
    for (const id of usersOf(viewer)) {
      let sockets = byUser.get(id);
      if (!sockets) byUser.set(id, (sockets = new Map()));
      sockets.set(socket, viewer);
    }
    socket.once('close', () => {
      for (const id of usersOf(viewer)) {
        const sockets = byUser.get(id);
        sockets?.delete(socket);
        if (sockets?.size === 0) byUser.delete(id);
      }
    });
  };
  // A user deactivated (or whose tokens were ended) loses every open connection the moment the gateway hears of it.
  const stopWatchingRevocations = options.revocations?.onChange((userId) => {
    for (const [socket, viewer] of byUser.get(userId) ?? []) {
      if (options.revocations!.isRevoked(viewer)) socket.close(UNAUTHENTICATED_CLOSE_CODE, unauthenticatedCloseReason('This session has ended; sign in again.'));
    }
  });
  const compiled = new SubscriptionCache();
  const server = useServer<Record<string, unknown> | undefined, ConnectionExtra>(
    {
      onConnect: async (ctx) => {
        const raw = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
        try {
          if (raw !== undefined && raw !== null && typeof raw !== 'string') throw new HubError('UNAUTHENTICATED', 'connectionParams.authorization must be "Bearer <token>".');
          const bearer = bearerToken((raw as string | null | undefined) ?? undefined);
          if (!bearer && !options.allowAnonymous) throw new HubError('UNAUTHENTICATED', 'Subscriptions need a token (connectionParams.authorization).');
          const viewer = bearer ? await verifyAccessToken(bearer, options.secrets) : null;
          if (viewer && options.revocations?.isRevoked(viewer)) throw new HubError('UNAUTHENTICATED', 'This session has ended; sign in again.');
          if (viewer && (byUser.get(viewer.userId)?.size ?? 0) >= maxPerUser) {
            refuse(ctx.extra.socket, TOO_MANY_CONNECTIONS_CLOSE_CODE, `At most ${maxPerUser} connections per user.`, 'RATE_LIMITED');
            return false;
          }
          if (viewer) track(ctx.extra.socket, viewer);
          ctx.extra.auth = { bearer, viewer, expiresAt: bearer ? tokenExpiry(bearer) : null };
          return true;
        } catch (error) {
          const message = error instanceof HubError && error.code === 'UNAUTHENTICATED' ? error.message : 'Invalid access token.';
          // Closing first makes graphql-ws's own 4403 (for `false`) a no-op: the client sees 4401 and the reason.
          ctx.extra.socket.close(UNAUTHENTICATED_CLOSE_CODE, unauthenticatedCloseReason(message));
          return false;
        }
      },

      onSubscribe: async (ctx, id, payload) => {
        if (Object.keys(ctx.subscriptions).length > maxPerConnection) {
          return [new GraphQLError(`A connection may hold at most ${maxPerConnection} subscriptions.`, { extensions: { code: 'RATE_LIMITED' } })];
        }
        const auth = ctx.extra.auth!;
        if (options.trustedDocuments) {
          const resolved = options.trustedDocuments.resolve(payload as { query?: unknown; extensions?: unknown; documentId?: unknown });
          if (resolved instanceof GraphQLError) return [resolved];
          payload = { ...payload, query: resolved.query };
        }
        const tooLong = options.limits && typeof payload.query === 'string' ? tokenLimitProblem(payload.query, options.limits) : null;
        if (tooLong) return [tooLong];
        const prepared = prepareSubscription(options.schema, options.routes, payload, options.validationRules, compiled);
        if (Array.isArray(prepared)) return prepared;
        const tooCostly = options.limits ? costLimitProblem(options.schema, prepared.document, prepared.operationName, payload.variables, options.limits) : null;
        if (tooCostly) return [tooCostly];
        const checked = await options.fanout.check(prepared, auth);
        if ('errors' in checked) return checked.errors;
        const context: SubscriptionContext = { id, prepared, auth, initial: checked.result, socket: ctx.extra.socket };
        return { schema: options.schema, document: prepared.document, operationName: prepared.operationName, contextValue: context };
      },

      // graphql-ws keeps the protocol (subscribe, complete, errors, close codes); results themselves
      // are written by the fanout straight to the socket, encoded once per group (see SubscriberSink).
      // The iterator yields nothing: it only ends (complete) or fails (error).
      subscribe: (args) => {
        const { id, prepared, auth, initial, socket } = args.contextValue as SubscriptionContext;
        let handle: { close(): void } | undefined;
        const iterator = new PushIterator<never>(() => handle?.close());
        const frameHead = `{"id":${JSON.stringify(id)},"type":"next","payload":`;
        const sink: SubscriberSink = {
          next: (payloadJson) => {
            if (socket.readyState === socket.OPEN) socket.send(`${frameHead}${payloadJson}}`);
          },
          fail: (error) => iterator.fail(error),
          backlog: () => socket.bufferedAmount,
          cutOff: (reason) => socket.close(SLOW_CONSUMER_CLOSE_CODE, JSON.stringify({ message: reason.slice(0, 80), extensions: { code: 'RATE_LIMITED' } })),
        };
        handle = options.fanout.add(prepared, auth, sink, initial);
        return iterator;
      },
    },
    wss,
  );
  return {
    stop: async () => {
      stopWatchingRevocations?.();
      await server.dispose();
    },
    get connections() {
      return wss.clients.size;
    },
    get bufferedBytes() {
      let n = 0;
      for (const socket of wss.clients) n += socket.bufferedAmount;
      return n;
    },
  };
}
