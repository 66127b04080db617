import { Pool } from 'pg';
import { EdgeAnswerRuntime, EdgeAnswerStore, ViewerTexts } from '@hub/subgraph-kit';
import { counter } from '@hub/observability';
import { CustomerProfileService } from '../customer/customer-profile.service';
import { companySettingsOn } from '../customer/customer-profile.repository';
import { languageOfCountry } from '../product/product-language';
import { CatalogueCache } from './catalogue-cache';
import { catalogueChangesOn } from './catalogue-change.repository';
import { catalogueCacheSettings } from './catalogue-cache-settings';
import { CATALOGUE_TRACE_HEADER, CatalogueTraceExtension } from './catalogue-cache.plugin';
import { catalogueAnswerKey, catalogueDecision, isCatalogueOperation } from './catalogue-decision';
import { textSignatures } from './catalogue-text-signatures';

/**
 * The catalogue's whole answers kept at the gateway, so a page asked again costs no subgraph call:
 * the same rules as the products subgraph's own cache (catalogue-cache.plugin.ts), computed with
 * the same code on the gateway's side of the wire:
 *  - kept by what decides an answer (catalogueDecision: the company's settings read as products
 *    reads them, the viewer's languages as ViewerTexts gives them), never by user;
 *  - exact: before each answer the change sets not yet applied are read (one statement), and an
 *    answer goes when a change set touches what products reported it was made of;
 *  - staff's hub texts the answer showed are compared before it is given again;
 *  - kept only when products made it under the very same decision (its report names it), so the
 *    two sides can never disagree on whose answer it is.
 * Off with the products cache (HUB_CATALOGUE_CACHE=false); bounded by HUB_CATALOGUE_CACHE_MB.
 */
export function catalogueEdgeAnswers(runtime: EdgeAnswerRuntime): EdgeAnswerStore | null {
  const settings = catalogueCacheSettings();
  if (!settings.enabled) return null;
  const cache = new CatalogueCache(settings.maxBytes);
  // Small reads outside any request's own data: a few connections are plenty.
  const pool = new Pool({ connectionString: runtime.databaseUrl, max: 4, application_name: 'hub-gateway-catalogue', allowExitOnIdle: true });
  pool.on('error', () => undefined);
  const outcomes = counter('hub_catalogue_edge_answers_total', "Catalogue operations at the gateway by what its kept answers did: hit (answered without a subgraph call), miss (asked products), stored, not-kept (products' answer came without its report, from another subgraph too, or under another decision), texts-changed.", ['result']);
  return {
    subgraph: 'products',
    traceHeader: CATALOGUE_TRACE_HEADER,
    stop: async () => {
      if (!pool.ended) await pool.end();
    },
    async lookup(request) {
      if (!isCatalogueOperation(request.operation)) return null;
      const profiles = new CustomerProfileService({ settingsOf: (companyId) => companySettingsOn(pool, companyId) }, request.viewer);
      const texts = new ViewerTexts(runtime, request.viewer, request.acceptLanguage, async () => languageOfCountry((await profiles.current())?.country));
      const [company, languages] = await Promise.all([profiles.company(), texts.languages()]);
      const decision = catalogueDecision(request.viewer, company, languages);
      if (decision === null) return null;
      const generation = await cache.catchUp((horizon) => catalogueChangesOn(pool, horizon));
      const key = catalogueAnswerKey(decision, request.operationName, request.source, request.variables);
      const { answer, textsChanged } = await cache.lookup(key, (kinds) => textSignatures(texts, kinds));
      if (answer) {
        outcomes.inc({ result: 'hit' });
        return { kept: answer.result };
      }
      outcomes.inc({ result: textsChanged ? 'texts-changed' : 'miss' });
      return {
        keep: async (result, extensions) => {
          const report = extensions?.catalogueTrace as CatalogueTraceExtension | undefined;
          if (!report || report.decision !== decision) {
            outcomes.inc({ result: 'not-kept' });
            return false;
          }
          const stored = cache.store(key, structuredClone(result), report, generation, await textSignatures(texts, report.textKinds));
          if (stored) outcomes.inc({ result: 'stored' });
          return stored;
        },
      };
    },
  };
}
