import { startDemoErpProcess as startProcess } from '@hub/launcher/dist/demo-erp-process';

/** The admin key of every demo ERP a test run starts (the shared hub's and the tests' own). */
export const TEST_ERP_ADMIN_KEY = 'test-erp-admin-key';

export interface DemoErpProcess {
  url: string;
  apiKey: string;
  adminKey: string;
  admin(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<any>;
  stop(): Promise<void>;
}

/** Starts the demo ERP's CLI as its own process (as `npm start` does), with a helper for its admin endpoints. */
export async function startDemoErpProcess(scale: 'small' | 'large' = 'small', apiKey = 'test-erp-key'): Promise<DemoErpProcess> {
  const erp = await startProcess({ scale, port: 0, apiKey, adminKey: TEST_ERP_ADMIN_KEY });
  return { ...erp, admin: (method, path, body) => erpAdminRequest(erp.url, method, path, body) };
}

/** Calls one of the demo ERP's /admin endpoints; fails on any non-2xx answer. */
export async function erpAdminRequest(baseUrl: string, method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<any> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${TEST_ERP_ADMIN_KEY}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}
