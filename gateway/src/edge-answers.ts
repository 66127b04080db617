import type { ApolloServerPlugin } from '@apollo/server';
import { EdgeAnswerKeeper, EdgeAnswerStore } from '@hub/subgraph-kit';
import { GatewayContext } from './gateway-context';

/**
 * Whole answers kept at the gateway under their owners' rules (EdgeAnswerStore, declared by the
 * owning subgraph's module): a kept answer is given without any subgraph call; otherwise the answer
 * is computed as always and offered to the owner to keep, but only when that owner alone made it,
 * in one fetch, without errors (a field of another subgraph in the operation, and it is not kept).
 */
export function edgeAnswersPlugin(stores: readonly EdgeAnswerStore[]): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      let keeper: { store: EdgeAnswerStore; keep: EdgeAnswerKeeper } | null = null;
      return {
        async responseForOperation(request) {
          if (!request.operation || request.operation.operation !== 'query') return null;
          const ctx = request.contextValue;
          for (const store of stores) {
            const lookup = await store.lookup({
              viewer: ctx.viewer, acceptLanguage: ctx.acceptLanguage ?? null, operation: request.operation,
              operationName: request.request.operationName ?? null, source: request.source, variables: request.request.variables ?? {},
            });
            if (!lookup) continue;
            if ('kept' in lookup) return { http: request.response.http, body: { kind: 'single', singleResult: lookup.kept as never } };
            keeper = { store, keep: lookup.keep };
            ctx.edgeAnswer = { subgraph: store.subgraph, traceHeader: store.traceHeader, fetches: [] };
            return null;
          }
          return null;
        },
        async willSendResponse(request) {
          const fetches = request.contextValue.edgeAnswer?.fetches;
          if (!keeper || !fetches || request.response.body.kind !== 'single') return;
          const result = request.response.body.singleResult;
          if (result.errors?.length) return;
          const only = fetches.length === 1 && fetches[0].subgraph === keeper.store.subgraph ? fetches[0] : null;
          await keeper.keep(result, only ? only.extensions : undefined);
        },
      };
    },
  };
}
