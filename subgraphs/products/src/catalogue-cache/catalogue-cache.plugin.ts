import type { ApolloServerPlugin } from '@apollo/server';
import type { ProductsContext } from '../context';
import { counter, gauge } from '@hub/observability';
import { CatalogueCache, TextSignatures } from './catalogue-cache';
import { catalogueDecision, isCatalogueOperation } from './catalogue-decision';

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
      return {
        async responseForOperation(request) {
          const ctx = request.contextValue;
          if (!isCatalogueOperation(request.operation)) return null;
          const [company, languages] = await Promise.all([ctx.services.profiles.company(), ctx.services.texts.languages()]);
          const decision = catalogueDecision(ctx.viewer, company, languages);
          if (decision === null) return null;
          generation = await cache.catchUp((horizon) => ctx.services.catalogueChanges.since(horizon));
          ctx.catalogue.pricesAsOf = cache.pricesAsOf;
          key = `${decision}\n${request.request.operationName ?? ''}\n${request.source}\n${JSON.stringify(request.request.variables ?? {})}`;
          const cached = cache.get(key);
          if (cached && !sameTexts(cached.texts, await textSignatures(ctx, Object.keys(cached.texts)))) {
            // Staff edited texts the answer shows: made afresh, and kept with the new ones.
            cache.forget(key);
            answers.inc({ result: 'texts-changed' });
          } else if (cached) {
            answers.inc({ result: 'hit' });
            key = null;
            return { http: request.response.http, body: { kind: 'single', singleResult: cached.result as never } };
          }
          answers.inc({ result: 'miss' });
          return null;
        },
        async willSendResponse(request) {
          if (key === null || request.response.body.kind !== 'single') return;
          const result = request.response.body.singleResult;
          if (result.errors?.length) return;
          const trace = request.contextValue.catalogue.trace;
          const texts = await textSignatures(request.contextValue, [...trace.textKinds]);
          const before = cache.counters.skippedStale;
          if (cache.store(key, result, trace, generation, texts)) answers.inc({ result: 'stored' });
          else if (cache.counters.skippedStale > before) answers.inc({ result: 'stale' });
        },
      };
    },
  };
}

/** The signature of staff's texts of each kind now (read once per request and kind, as the answer itself reads them). */
async function textSignatures(ctx: ProductsContext, kinds: readonly string[]): Promise<TextSignatures> {
  const signatures: Record<string, string> = {};
  for (const kind of kinds) {
    const overrides = await ctx.services.texts.overrides(kind);
    const rows = [...overrides].flatMap(([key, languages]) => [...languages].map(([language, text]) => `${key}\u0000${language}\u0000${text}`));
    signatures[kind] = rows.sort().join('\u0001');
  }
  return signatures;
}

function sameTexts(stored: TextSignatures, now: TextSignatures): boolean {
  return Object.keys(stored).every((kind) => stored[kind] === now[kind]);
}
