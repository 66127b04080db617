import { Pool, PoolClient } from 'pg';
import { Viewer } from '@hub/auth';
import { instrumentPool } from '@hub/database';
import { acceptedLanguages, deploymentLanguage } from './accept-language';
import { HubTextOverride } from './hub-text-wiring';
import { SubgraphRuntime } from './subgraph-module';

const pools = new Map<string, Pool>();
/** One small pool per process for reading what other modules declare (texts, languages), never a request's own data. */
export function declarationsPool(databaseUrl: string): Pool {
  let pool = pools.get(databaseUrl);
  if (!pool) {
    // Counted and traced like the ORM's statements (hub_db_* metrics, pool module-declarations); idle
    // connections do not keep a process alive that is otherwise done (tests run subgraphs in-process).
    pool = instrumentPool(new Pool({ connectionString: databaseUrl, max: 4, application_name: 'hub-module-declarations', allowExitOnIdle: true }), 'module-declarations');
    pool.on('error', () => undefined);
    pools.set(databaseUrl, pool);
  }
  return pool;
}

/** A text in the first of `languages` it exists in: staff's text, else the owner's own; else `fallback`. */
export function pickText(
  languages: readonly string[],
  overrides: ReadonlyMap<string, string> | undefined,
  own: Readonly<Record<string, string>> | undefined,
  fallback: string,
): { text: string; language: string | null } {
  for (const language of languages) {
    const text = overrides?.get(language) ?? own?.[language];
    if (text) return { text, language };
  }
  return { text: fallback, language: null };
}

/**
 * Per request: the languages the viewer reads in and the hub texts shown in them. The order is
 * the user's own language (as chosen in the hub), the company's default (from its country), the
 * client's Accept-Language (the only one for anonymous callers), the deployment's default. Each is
 * read once per request and each kind's staff texts once, so labels on a page of rows cost no
 * more statements than one label.
 */
export class ViewerTexts {
  private languagesOnce: Promise<string[]> | null = null;
  private readonly overridesOnce = new Map<string, Promise<Map<string, Map<string, string>>>>();

  constructor(
    private readonly runtime: Pick<SubgraphRuntime, 'databaseUrl' | 'modules'>,
    private readonly viewer: Viewer | null,
    private readonly acceptLanguage: string | null | undefined,
    /** The company's default where the module knows it itself (products keeps the ERP's country); else the users' module says. */
    private readonly companyLanguage?: () => Promise<string | null>,
  ) {}

  languages(): Promise<string[]> {
    this.languagesOnce ??= (async () => {
      const store = this.store();
      const user = this.viewer && store ? await this.withClient((c) => store.userLanguage(c, this.viewer!.userId)) : null;
      const company = this.viewer ? await (this.companyLanguage ? this.companyLanguage() : this.directoryCompanyLanguage()) : null;
      return [...new Set([user, company, ...acceptedLanguages(this.acceptLanguage), deploymentLanguage()].filter((l): l is string => !!l))];
    })();
    return this.languagesOnce;
  }

  /** The label of `key` of `kind` in the viewer's language, from staff's texts or the owner's `own` texts; `fallback` when neither has one. */
  async text(kind: string, key: string, own: Readonly<Record<string, string>> | undefined, fallback: string): Promise<string> {
    const [languages, overrides] = await Promise.all([this.languages(), this.overrides(kind)]);
    return pickText(languages, overrides.get(key), own, fallback).text;
  }

  /** Staff's texts of a kind, key → language → text. */
  overrides(kind: string): Promise<Map<string, Map<string, string>>> {
    let once = this.overridesOnce.get(kind);
    if (!once) {
      const store = this.store();
      once = store ? this.withClient(async (c) => groupOverrides(await store.overrides(c, kind))) : Promise.resolve(new Map());
      this.overridesOnce.set(kind, once);
    }
    return once;
  }

  private store() {
    return this.runtime.modules.find((m) => m.hubTextStore)?.hubTextStore ?? null;
  }

  private directoryCompanyLanguage(): Promise<string | null> {
    const directory = this.runtime.modules.find((m) => m.companyLanguage)?.companyLanguage;
    return directory && this.viewer?.companyId ? this.withClient((c) => directory(c, this.viewer!.userId)) : Promise.resolve(null);
  }

  private async withClient<T>(read: (client: PoolClient) => Promise<T> | T): Promise<T> {
    const client = await declarationsPool(this.runtime.databaseUrl).connect();
    try {
      return await read(client);
    } finally {
      client.release();
    }
  }
}

export function groupOverrides(rows: readonly HubTextOverride[]): Map<string, Map<string, string>> {
  const byKey = new Map<string, Map<string, string>>();
  for (const r of rows) {
    const languages = byKey.get(r.key) ?? new Map<string, string>();
    languages.set(r.language, r.text);
    byKey.set(r.key, languages);
  }
  return byKey;
}
