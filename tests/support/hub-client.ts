import { ClientError, GraphQLClient } from 'graphql-request';
import { buildDemoDataset, DEMO_PASSWORD, DemoDataset } from '@hub/demo-data';

export const gatewayUrl = (): string => {
  const url = process.env.HUB_TEST_GATEWAY_URL;
  if (!url) throw new Error('The global setup did not start a hub.');
  return url;
};

export const subgraphUrls = (): Record<string, string> => JSON.parse(process.env.HUB_TEST_SUBGRAPH_URLS ?? '{}');

export const demo: DemoDataset = buildDemoDataset();

export function client(token?: string): GraphQLClient {
  return new GraphQLClient(gatewayUrl(), { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

const tokens = new Map<string, Promise<string>>();

/** Signs in through the gateway (once per e-mail per test file). */
export function tokenFor(email: string): Promise<string> {
  let token = tokens.get(email);
  if (!token) {
    token = client()
      .request<{ login: { token: string } }>('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: email, p: DEMO_PASSWORD })
      .then((r) => r.login.token);
    tokens.set(email, token);
  }
  return token;
}

export async function as(email: string): Promise<GraphQLClient> {
  return client(await tokenFor(email));
}

/** The demo user of a company holding a role ('customer admin', 'buyer', 'read-only'). */
export function demoUser(companyIndex: number, role: string) {
  const company = demo.companies[companyIndex];
  const user = demo.users.find((u) => u.companyId === company.id && u.role === role);
  if (!user) throw new Error(`no ${role} in ${company.name}`);
  return user;
}

export interface GraphQLFailure {
  status: number;
  codes: string[];
  messages: string[];
  /** Each error's `path` (empty when it has none), in the order of `codes`. */
  paths: Array<ReadonlyArray<string | number>>;
  /** Each error's `extensions.field` (the input field it is about), undefined where it names none. */
  fields: unknown[];
  /** Each error's whole `extensions` ({} where it has none). */
  extensions: Array<Record<string, unknown>>;
  data: unknown;
}

/** Runs a request expected to fail and returns its error codes, paths, HTTP status and any partial data. */
export async function failure(promise: Promise<unknown>): Promise<GraphQLFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ClientError) {
      const errors = error.response.errors ?? [];
      return {
        status: error.response.status,
        codes: errors.map((e) => String((e.extensions as any)?.code)),
        messages: errors.map((e) => e.message),
        paths: errors.map((e) => e.path ?? []),
        fields: errors.map((e) => (e.extensions as any)?.field),
        extensions: errors.map((e) => (e.extensions ?? {}) as Record<string, unknown>),
        data: error.response.data,
      };
    }
    throw error;
  }
  throw new Error('Expected the request to fail, but it succeeded.');
}
