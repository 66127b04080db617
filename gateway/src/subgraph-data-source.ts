import { RemoteGraphQLDataSource } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { CLIENT_ADDRESS_HEADER, GATEWAY_ASSERTION_HEADER, GatewayAssertionSigner, RevocationList } from '@hub/auth';
import { unauthenticated } from '@hub/errors';
import { injectTraceHeaders, SpanKind, withSpan } from '@hub/observability';
import { GatewayContext } from './gateway-context';
import { subgraphFetchSeconds } from './gateway-metrics';
import { postToSubgraph } from './subgraph-http';

/**
 * The fetch every subgraph call goes through: it signs the gateway's assertion over the exact body
 * Apollo serialised (so the assertion is good for this one operation at this one subgraph) and
 * sends it on the shared keep-alive pool (subgraph-http.ts).
 */
export function assertingFetch(signer: GatewayAssertionSigner, subgraph: string) {
  return (async (url: string, init: { method?: string; headers?: Record<string, string>; body?: string }) => {
    const headers = { ...(init.headers ?? {}) };
    const authorization = headers.authorization ?? headers.Authorization;
    const bearer = authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : undefined;
    const body = init.body ?? '';
    headers[GATEWAY_ASSERTION_HEADER] = signer.sign({ subgraph, body, bearer });
    return postToSubgraph(url, { method: init.method, headers, body });
  }) as any;
}

/** Forwards the caller's token and proves to the subgraph that the request came through us (see assertingFetch). */
export class HubSubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(url: string, signer: GatewayAssertionSigner, private readonly revoked: RevocationList | null = null, private readonly subgraph = 'subgraph') {
    super({ url, fetcher: assertingFetch(signer, subgraph) });
  }

  /** One fetch: timed per subgraph, and (tracing on) a client span whose traceparent the subgraph continues. */
  override async process(options: Parameters<RemoteGraphQLDataSource<GatewayContext>['process']>[0]): ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']> {
    const started = performance.now();
    let outcome = 'error';
    try {
      const response = await withSpan(`subgraph fetch ${this.subgraph}`, { kind: SpanKind.CLIENT, attributes: { 'hub.subgraph': this.subgraph } }, async (span) => {
        const result = await super.process(options);
        if (result.errors?.length) span?.setAttribute('graphql.error.count', result.errors.length);
        (options.context as Partial<GatewayContext>).edgeAnswer?.fetches.push({ subgraph: this.subgraph, extensions: result.extensions as Record<string, unknown> | undefined });
        return result;
      });
      outcome = response.errors?.length ? 'graphql_errors' : 'ok';
      return response;
    } finally {
      subgraphFetchSeconds.observe({ subgraph: this.subgraph, outcome }, (performance.now() - started) / 1000);
    }
  }

  override async willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]): Promise<void> {
    const { bearer, viewer, clientAddress, acceptLanguage, edgeAnswer } = context as Partial<GatewayContext>;
    // Also here, for operations the gateway runs itself (subscription events) with a token that was revoked since.
    if (viewer && this.revoked?.isRevoked(viewer)) throw unauthenticated('This session has ended; sign in again.');
    if (clientAddress) request.http?.headers.set(CLIENT_ADDRESS_HEADER, clientAddress);
    if (bearer) request.http?.headers.set('authorization', `Bearer ${bearer}`);
    if (acceptLanguage) request.http?.headers.set('accept-language', acceptLanguage);
    // An answer the gateway may keep: its owner reports what it was made of.
    if (edgeAnswer?.subgraph === this.subgraph) request.http?.headers.set(edgeAnswer.traceHeader, '1');
    // The request's id and trace go on: the subgraph's log lines and spans join the gateway's.
    injectTraceHeaders((name, value) => request.http?.headers.set(name, value));
  }

  /**
   * A subgraph's refusal as the client should see it: never the subgraph's URL or raw response.
   * The gateway validates operations against the supergraph itself, so a 400 from a subgraph is a
   * value only the subgraph's scalar can judge (a Decimal that is not a number): the client's input.
   */
  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0]): Promise<GraphQLError> {
    const body = (await this.parseBody(response).catch(() => null)) as { errors?: Array<{ message?: unknown }> } | null;
    const message = typeof body?.errors?.[0]?.message === 'string' ? body.errors[0].message : null;
    if (response.status === 400 && message) return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
    if (response.status === 401) return new GraphQLError(message ?? 'Not signed in.', { extensions: { code: 'UNAUTHENTICATED' } });
    if (response.status === 403) return new GraphQLError(message ?? 'Not allowed.', { extensions: { code: 'FORBIDDEN' } });
    return new GraphQLError(`A service behind the gateway failed (HTTP ${response.status}).`, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  }
}
