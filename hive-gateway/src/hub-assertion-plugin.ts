import { ExecutionResult, GraphQLError } from 'graphql';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { AuthSecrets, bearerToken, GATEWAY_ASSERTION_HEADER, GatewayAssertionSigner, verifyAccessToken } from '@hub/auth';

/**
 * What the hub's subgraphs require of any gateway in front of them, as a Hive Gateway plugin:
 * - a caller's token is checked at the edge, so a forged or expired one is refused before any
 *   subgraph is called (the subgraphs check it again);
 * - every subgraph request carries the gateway's assertion (platform/auth/src/gateway-assertion.ts),
 *   signed over the exact body sent and the caller's token, for that one subgraph. It is signed in
 *   `onFetch`, the last moment the body is known; the token itself reaches the subgraph through
 *   `propagateHeaders` (hive-gateway-config.ts), which puts it into the request's own headers, so
 *   Hive's merging of identical in-flight subgraph requests keys on it and never answers one
 *   caller with another's result;
 * - a subgraph's GRAPHQL_VALIDATION_FAILED is the caller's input, as the hub's gateway says it
 *   (subgraph-data-source.ts): the gateway validated the operation against the supergraph already,
 *   so what a subgraph still refuses is a value only its scalar can judge (a Decimal that is not a
 *   number), which Hive's Rust planner sends inline rather than as a variable.
 */
export function hubAssertionPlugin(secrets: AuthSecrets): GatewayPlugin {
  const signer = new GatewayAssertionSigner(secrets);
  return {
    async onContextBuilding({ context }) {
      const request = (context as { request?: Request }).request;
      let bearer: string | undefined;
      try {
        bearer = bearerToken(request?.headers.get('authorization') ?? undefined);
        if (bearer) await verifyAccessToken(bearer, secrets);
      } catch (error) {
        throw new GraphQLError((error as Error).message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
      }
    },
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          const single = result as ExecutionResult;
          if (!single.errors?.some(fromSubgraphValidation)) return;
          setResult({ ...single, errors: single.errors.map((error) => (fromSubgraphValidation(error) ? asBadUserInput(error) : error)) });
        },
      };
    },
    onFetch({ executionRequest, options, setOptions }) {
      const subgraph = executionRequest?.subgraphName;
      if (!subgraph) return;
      const headers = { ...((options.headers ?? {}) as Record<string, string>) };
      const authorization = headers.authorization ?? headers.Authorization;
      const bearer = authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : undefined;
      headers[GATEWAY_ASSERTION_HEADER] = signer.sign({ subgraph, body: typeof options.body === 'string' ? options.body : '', bearer });
      setOptions({ ...options, headers });
    },
  };
}

const fromSubgraphValidation = (error: GraphQLError) => error.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' && typeof error.extensions?.serviceName === 'string';

function asBadUserInput(error: GraphQLError): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes, path: error.path, extensions: { code: 'BAD_USER_INPUT' } });
}
