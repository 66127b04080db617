import type { ApolloServerPlugin } from '@apollo/server';
import type { ProductsContext } from '../context';
import { counter, gauge } from '@hub/observability';
import { CatalogueCache, ReportedTrace, reportedTrace } from './catalogue-cache';
import { catalogueAnswerKey, catalogueDecision, isCatalogueOperation } from './catalogue-decision';
import { textSignatures } from './catalogue-text-signatures';

/**
 * Asked for by the gateway's catalogue answers (catalogue-edge-answers.ts): the answer then carries
 * `extensions.catalogueTrace`, what it was made of and under which decision.
 */
export const CATALOGUE_TRACE_HEADER = 'x-hub-catalogue-trace';

/** What a products answer reports to the gateway when asked (CATALOGUE_TRACE_HEADER). */
export interface CatalogueTraceExtension extends ReportedTrace {
  decision: string;
}

/**
 * Answers catalogue operations from the catalogue cache (catalogue-cache.ts): before execution,
 * applies the change sets not applied yet and answers a known question from the cache; after
 * execution, keeps the answer under what the services saw while making it (the context's trace).
 * Answers with errors are never kept.
 */
export function catalogueCachePlugin(cache: CatalogueCache): ApolloServerPlugin<ProductsContext> {
  const answers = counter('hub_catalogue_cache_answers_total', 'Catalogue operations by what the catalogue cache did: hit (answered from it), miss (computed), stored, stale (computed while a change set was applied, not kept), texts-changed (staff edited hub texts it showed).', ['result']);
  gauge('hub_catalogue_cache_bytes', 'Approximate size of the answers in the catalogue cache.', [], (g) => g.set({}, cache.storedBytes));
  gauge('hub_catalogue_cache_entries', 'Answers in the catalogue cache.', [], (g) => g.set({}, cache.size));
  return {
    async requestDidStart() {
      let key: string | null = null;
      let generation = 0;
      let decision: string | null = null;
      let reported: ReportedTrace | null = null;
      return {
        async responseForOperation(request) {
          const ctx = request.contextValue;
          if (!isCatalogueOperation(request.operation)) return null;
          const [company, languages] = await Promise.all([ctx.services.profiles.company(), ctx.services.texts.languages()]);
          decision = catalogueDecision(ctx.viewer, company, languages);
          if (decision === null) return null;
          generation = await cache.catchUp((horizon) => ctx.services.catalogueChanges.since(horizon));
          ctx.catalogue.pricesAsOf = cache.pricesAsOf;
          key = catalogueAnswerKey(decision, request.request.operationName, request.source, request.request.variables);
          const { answer, textsChanged } = await cache.lookup(key, (kinds) => textSignatures(ctx.services.texts, kinds));
          if (answer) {
            answers.inc({ result: 'hit' });
            key = null;
            reported = answer.made;
            return { http: request.response.http, body: { kind: 'single', singleResult: answer.result as never } };
          }
          // Staff edited texts a kept answer showed: made afresh, and kept with the new ones.
          answers.inc({ result: textsChanged ? 'texts-changed' : 'miss' });
          return null;
        },
        async willSendResponse(request) {
          if (decision === null || request.response.body.kind !== 'single') return;
          const result = request.response.body.singleResult;
          if (result.errors?.length) return;
          const asked = Boolean(request.request.http?.headers.get(CATALOGUE_TRACE_HEADER));
          if (key !== null) {
            const trace = request.contextValue.catalogue.trace;
            const texts = await textSignatures(request.contextValue.services.texts, [...trace.textKinds]);
            const before = cache.counters.skippedStale;
            if (cache.store(key, result, trace, generation, texts)) answers.inc({ result: 'stored' });
            else if (cache.counters.skippedStale > before) answers.inc({ result: 'stale' });
            if (asked) reported = reportedTrace(trace);
          }
          // The gateway keeps whole answers only with this report; a new object, never the kept one changed.
          if (reported && asked) {
            const catalogueTrace: CatalogueTraceExtension = { ...reported, decision };
            request.response.body.singleResult = { ...result, extensions: { ...result.extensions, catalogueTrace } };
          }
        },
      };
    },
  };
}
