import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { logger } from './logger';
import { counter, histogram, LabelBudget } from './metrics';
import { currentScope } from './request-context';
import { SpanStatusCode } from './tracing';

const operations = counter('hub_graphql_operations_total', 'GraphQL operations served, by server (gateway or subgraph), operation name and type, and outcome (ok, error)', ['server', 'operation_name', 'operation_type', 'outcome']);
const operationSeconds = histogram('hub_graphql_operation_duration_seconds', 'Time to answer a GraphQL operation, by server, operation name and type', ['server', 'operation_name', 'operation_type']);
const errors = counter('hub_graphql_errors_total', 'GraphQL errors in answers, by server, operation name and extensions.code', ['server', 'operation_name', 'code']);
const sqlPerRequest = histogram('hub_sql_statements_per_request', 'SQL statements a subgraph ran to answer one request', ['server'], [0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89]);

/** Shared by the gateway and the subgraph servers of a process: one budget of client-chosen names. */
const names = new LabelBudget(200);

export interface GraphqlObservabilityOptions {
  /** "gateway" or the subgraph's name: the `server` label and the span's prefix. */
  server: string;
  /** Level of the one line logged per operation (the gateway's access log is info, subgraphs' debug). */
  logLevel: 'info' | 'debug';
  /** Observe SQL statements per request (subgraphs: the gateway runs none). */
  countSql?: boolean;
}

/**
 * Counts, times and logs every operation and its errors by `extensions.code`, and names the request's
 * span after the operation. Label values are bounded: operation names through a LabelBudget, codes
 * are the hub's fixed set (anything else is counted as INTERNAL_SERVER_ERROR).
 */
export function graphqlObservabilityPlugin<T extends BaseContext>(options: GraphqlObservabilityOptions): ApolloServerPlugin<T> {
  const { server } = options;
  return {
    async requestDidStart() {
      const started = performance.now();
      let operationName = 'unparsed';
      let operationType = 'unknown';
      return {
        async didResolveOperation(ctx) {
          operationName = names.label(ctx.operationName);
          operationType = ctx.operation?.operation ?? 'unknown';
          const scope = currentScope();
          if (scope) scope.operationName = operationName;
          scope?.span?.updateName(`${server === 'gateway' ? 'gateway' : `subgraph ${server}`} ${operationType} ${operationName}`);
          scope?.span?.setAttributes({ 'graphql.operation.name': operationName, 'graphql.operation.type': operationType });
        },
        async didEncounterErrors(ctx) {
          for (const error of ctx.errors) {
            const raw = error.extensions?.code;
            const code = typeof raw === 'string' && /^[A-Z_]{1,40}$/.test(raw) ? raw : 'INTERNAL_SERVER_ERROR';
            errors.inc({ server, operation_name: operationName, code });
          }
        },
        async willSendResponse(ctx) {
          const seconds = (performance.now() - started) / 1000;
          const body = ctx.response.body;
          const errorCount = body.kind === 'single' ? body.singleResult.errors?.length ?? 0 : 0;
          const outcome = errorCount > 0 ? 'error' : 'ok';
          operations.inc({ server, operation_name: operationName, operation_type: operationType, outcome });
          operationSeconds.observe({ server, operation_name: operationName, operation_type: operationType }, seconds);
          const scope = currentScope();
          if (options.countSql && scope) sqlPerRequest.observe({ server }, scope.sqlStatements);
          if (scope?.span && errorCount > 0) {
            scope.span.setStatus({ code: SpanStatusCode.ERROR, message: `${errorCount} GraphQL errors` });
            const codes = body.kind === 'single' ? [...new Set(body.singleResult.errors!.map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR')))] : [];
            scope.span.setAttribute('graphql.error.codes', codes);
          }
          if (logger.isLevelEnabled(options.logLevel)) {
            const line = { server, operationType, durationMs: Math.round(seconds * 10_000) / 10, errors: errorCount, ...(options.countSql && scope ? { sqlStatements: scope.sqlStatements } : {}) };
            logger[options.logLevel](line, `${operationType} ${operationName} ${outcome}`);
          }
        },
      };
    },
  };
}
