import { ErpAdapter } from '@hub/erp-contract';
import { HttpErpAdapter } from './http-erp-adapter';
import { TrytonErpAdapter } from './tryton-erp-adapter';

/** Which ERP the hub talks to and how (HUB_ERP and its settings, see README); plain data, so it can be sent to subgraph processes. */
export type ErpAdapterSettings =
  | { kind: 'http'; url: string; apiKey: string }
  | { kind: 'tryton'; url: string; database: string; user: string; password: string };

/** An ERP adapter with a health check and connections to close. */
export type ConnectedErpAdapter = ErpAdapter & { health(): Promise<void>; close(): void };

export function createErpAdapter(settings: ErpAdapterSettings): ConnectedErpAdapter {
  if (settings.kind === 'tryton') return new TrytonErpAdapter(settings);
  return new HttpErpAdapter({ baseUrl: settings.url, apiKey: settings.apiKey });
}

/** The Tryton settings from the environment (HUB_ERP=tryton): a clear message naming what is missing or wrong. */
export function trytonSettingsFromEnv(env: NodeJS.ProcessEnv): ErpAdapterSettings {
  const missing = ['HUB_TRYTON_URL', 'HUB_TRYTON_DATABASE', 'HUB_TRYTON_USER', 'HUB_TRYTON_PASSWORD'].filter((name) => !env[name]);
  if (missing.length) throw new Error(`HUB_ERP=tryton needs ${missing.join(', ')} (see README, "Running the hub on Tryton").`);
  const url = env.HUB_TRYTON_URL as string;
  if (!/^https?:\/\/[^/]+/.test(url)) throw new Error(`HUB_TRYTON_URL must be an http(s) URL, got "${url}".`);
  return { kind: 'tryton', url, database: env.HUB_TRYTON_DATABASE as string, user: env.HUB_TRYTON_USER as string, password: env.HUB_TRYTON_PASSWORD as string };
}
