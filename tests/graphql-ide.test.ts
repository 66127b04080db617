import { createClient, ClientOptions } from 'graphql-ws';
import * as graphql from 'graphql';
import vm from 'node:vm';
import WebSocket from 'ws';
import { client, demo, demoUser, gatewayUrl, tokenFor } from './support/hub-client';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/** The page's script and stylesheet URLs, as the browser resolves them. */
function assetUrls(html: string): URL[] {
  return [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)].map((m) => new URL(m[1], gatewayUrl()));
}

describe('GraphiQL at the gateway URL', () => {
  let html: string;
  let page: Response;

  beforeAll(async () => {
    page = await fetch(gatewayUrl(), { headers: { accept: BROWSER_ACCEPT } });
    html = await page.text();
  });

  it('gives a browser the page, with security headers', () => {
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html).toContain('<div id="graphiql">');
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    // No inline script: the CSP would block it.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('loads everything from the gateway itself: no URL of another host, no CDN', () => {
    const { origin } = new URL(gatewayUrl());
    const absolute = html.match(/(?:https?:)?\/\/[^\s"'<>]+/g) ?? [];
    expect(absolute.filter((url) => !url.startsWith(origin))).toEqual([]);
    const assets = assetUrls(html);
    expect(assets.map((url) => url.pathname.replace(/\/[0-9a-f]{16}\//, '/<hash>/'))).toEqual([
      '/graphql-ide/<hash>/graphiql.min.css',
      '/graphql-ide/<hash>/react.production.min.js',
      '/graphql-ide/<hash>/react-dom.production.min.js',
      '/graphql-ide/<hash>/graphiql.min.js',
      '/graphql-ide/<hash>/graphql-ws.min.js',
      '/graphql-ide/<hash>/graphql-ide-client.js',
    ]);
    for (const url of assets) expect(url.origin).toBe(origin);
  });

  it('serves every asset with its content type, for a year', async () => {
    for (const url of assetUrls(html)) {
      const response = await fetch(url);
      const body = await response.text();
      expect([url.pathname, response.status]).toEqual([url.pathname, 200]);
      expect(response.headers.get('content-type')).toMatch(url.pathname.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(body.length).toBeGreaterThan(url.pathname.endsWith('graphql-ide-client.js') ? 1000 : 5000);
      // GraphiQL's stylesheet embeds its fonts: it loads nothing from elsewhere either.
      if (url.pathname.endsWith('.css')) expect(body).not.toMatch(/@import|url\(\s*['"]?(https?:)?\/\//);
    }
    expect((await fetch(new URL('/graphql-ide/0000000000000000/graphiql.min.js', gatewayUrl()))).status).toBe(404);
  });

  it('still answers GraphQL over POST, and GETs that do not ask for HTML', async () => {
    await expect(client().request('{ __typename }')).resolves.toEqual({ __typename: 'Query' });
    const get = await fetch(`${gatewayUrl()}?query=%7B__typename%7D`, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(get.status).toBe(200);
    expect(await get.json()).toEqual({ data: { __typename: 'Query' } });
  });
});

type Fetcher = (params: { query: string; operationName?: string; variables?: Record<string, unknown> }, options: { headers?: Record<string, string>; documentAST?: graphql.DocumentNode }) => unknown;
type Observable = { subscribe(sink: { next(v: unknown): void; error(e: unknown): void; complete(): void }): { unsubscribe(): void } };

/**
 * The page's own script (graphql-ide-client.js, as the gateway serves it) in a sandbox standing in
 * for the browser: GraphiQL and React are stubs that record what the script hands them; graphql-ws
 * is the real client on Node's `ws`, talking to the hub.
 */
describe("the page's fetcher", () => {
  const anna = demoUser(0, 'customer admin');
  const otherCompanyOrder = demo.orders.find((o) => o.companyId !== demo.companies[0].id)!;
  const WATCH = `subscription Watch($orderId: ID!) { orderStatusChanged(orderId: $orderId) { status } }`;
  const wsOptions: ClientOptions[] = [];
  const httpCalls: unknown[][] = [];
  const disposers: Array<() => void> = [];
  let httpOptions: unknown;
  let fetcher: Fetcher;

  beforeAll(async () => {
    const html = await (await fetch(gatewayUrl(), { headers: { accept: BROWSER_ACCEPT } })).text();
    const script = await (await fetch(assetUrls(html).find((url) => url.pathname.endsWith('/graphql-ide-client.js'))!)).text();
    const page = new URL(gatewayUrl());
    let props: { fetcher: Fetcher; defaultQuery: string } | undefined;
    const GraphiQL = Object.assign(() => null, {
      GraphQL: graphql,
      createFetcher: (options: unknown) => {
        httpOptions = options;
        return (...args: unknown[]) => {
          httpCalls.push(args);
          return { data: 'over HTTP' };
        };
      },
    });
    vm.runInNewContext(script, {
      location: { origin: page.origin, pathname: page.pathname },
      document: { getElementById: (id: string) => ({ id }) },
      React: { createElement: (_type: unknown, p: typeof props) => p },
      ReactDOM: { createRoot: () => ({ render: (p: typeof props) => (props = p) }) },
      GraphiQL,
      graphqlWs: {
        createClient: (options: ClientOptions) => {
          wsOptions.push(options);
          const wsClient = createClient({ ...options, webSocketImpl: WebSocket, retryAttempts: 0 });
          disposers.push(() => void wsClient.dispose());
          return wsClient;
        },
      },
    });
    fetcher = props!.fetcher;
    expect(props!.defaultQuery).toContain('"Authorization": "Bearer <token>"');
  });

  afterAll(() => disposers.forEach((dispose) => dispose()));

  /** Runs a subscription through the fetcher until it errors or completes. */
  function subscribe(headers: Record<string, string>, variables: Record<string, unknown>): Promise<{ results: unknown[]; error?: unknown }> {
    const observable = fetcher({ query: WATCH, operationName: 'Watch', variables }, { headers, documentAST: graphql.parse(WATCH) }) as Observable;
    return new Promise((resolve) => {
      const results: unknown[] = [];
      observable.subscribe({ next: (r) => results.push(r), error: (error) => resolve({ results, error }), complete: () => resolve({ results }) });
    });
  }

  it('sends queries and mutations over HTTP to the page URL, with the headers typed', () => {
    expect(httpOptions).toMatchObject({ url: gatewayUrl() });
    const headers = { Authorization: 'Bearer x' };
    const documentAST = graphql.parse('{ me { id } }');
    expect(fetcher({ query: '{ me { id } }' }, { headers, documentAST })).toEqual({ data: 'over HTTP' });
    expect(httpCalls.at(-1)).toEqual([{ query: '{ me { id } }' }, { headers, documentAST }]);
    // Not parsed (a syntax error): HTTP, whose answer names the error.
    fetcher({ query: 'subscription {' }, { headers });
    expect(httpCalls).toHaveLength(2);
  });

  it('runs subscriptions over graphql-ws on the same URL, signed in with the Authorization header', async () => {
    const token = await tokenFor(anna.email);
    // Only a signed-in subscriber gets as far as NOT_FOUND for another company's order (anonymous: refused at connection_init).
    const { results, error } = await subscribe({ Authorization: `Bearer ${token}`, 'X-Other': 'not sent' }, { orderId: otherCompanyOrder.id });
    expect(results).toEqual([]);
    expect((error as Array<{ extensions: { code: string } }>).map((e) => e.extensions.code)).toEqual(['NOT_FOUND']);
    expect(wsOptions.at(-1)).toMatchObject({ url: gatewayUrl().replace(/^http/, 'ws'), connectionParams: { authorization: `Bearer ${token}` } });
    expect(Object.keys(wsOptions.at(-1)!.connectionParams as object)).toEqual(['authorization']);

    // The same header, in any spelling, reuses that client; no header connects anonymously.
    const clients = wsOptions.length;
    await subscribe({ authorization: `Bearer ${token}` }, { orderId: otherCompanyOrder.id });
    expect(wsOptions).toHaveLength(clients);
    // Without a token the gateway closes the connection at connection_init; the page shows the close reason's GraphQL error.
    const anonymous = await subscribe({}, { orderId: otherCompanyOrder.id });
    expect(anonymous.error).toEqual({ message: 'Subscriptions need a token (connectionParams.authorization).', extensions: { code: 'UNAUTHENTICATED' } });
    expect(wsOptions.at(-1)!.connectionParams).toEqual({});
  });

  it("shows a refused token as the gateway's GraphQL error, not as a bare close code", async () => {
    const { error } = await subscribe({ Authorization: 'Bearer not-a-token' }, { orderId: otherCompanyOrder.id });
    expect(error).toMatchObject({ message: expect.any(String), extensions: { code: 'UNAUTHENTICATED' } });
  });
});
