import express from 'express';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { graphqlIde, graphqlIdeEnabled } from './graphql-ide';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('graphqlIdeEnabled', () => {
  it.each([
    [{}, true],
    [{ NODE_ENV: 'development' }, true],
    [{ NODE_ENV: 'test' }, true],
    [{ NODE_ENV: 'production' }, false],
    [{ NODE_ENV: 'production', HUB_GRAPHQL_IDE: 'true' }, true],
    [{ NODE_ENV: 'production', HUB_GRAPHQL_IDE: '' }, false],
    [{ HUB_GRAPHQL_IDE: 'false' }, false],
    [{ NODE_ENV: 'development', HUB_GRAPHQL_IDE: 'false' }, false],
    [{ HUB_GRAPHQL_IDE: 'true' }, true],
  ])('%p: %p', (env, enabled) => {
    expect(graphqlIdeEnabled(env as NodeJS.ProcessEnv)).toBe(enabled);
  });

  it.each(['1', 'yes', 'TRUE', 'off'])('refuses HUB_GRAPHQL_IDE=%p', (value) => {
    expect(() => graphqlIdeEnabled({ HUB_GRAPHQL_IDE: value } as NodeJS.ProcessEnv)).toThrow('HUB_GRAPHQL_IDE must be "true" or "false"');
  });
});

describe('graphqlIde', () => {
  let server: http.Server | undefined;

  /** The router in front of a stand-in GraphQL server that answers every request it gets. */
  async function serve(enabled: boolean): Promise<string> {
    const app = express();
    app.use(graphqlIde({ enabled, path: '/graphql' }));
    app.use('/graphql', (_req, res) => {
      res.json({ data: { servedBy: 'graphql' } });
    });
    server = http.createServer(app);
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  }

  afterEach(async () => {
    await new Promise((resolve) => server?.close(resolve));
    server = undefined;
  });

  it('when off, answers a browser with a GraphQL NOT_FOUND error as JSON, not a page', async () => {
    const url = await serve(false);
    const response = await fetch(url, { headers: { accept: BROWSER_ACCEPT } });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await response.json();
    expect(body).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'NOT_FOUND' } }] });
    expect((await fetch(`${url.replace('/graphql', '')}/graphql-ide/x/graphiql.min.js`)).status).toBe(404);
  });

  it.each([true, false])('with the IDE on=%p, leaves every other request to the GraphQL server', async (enabled) => {
    const url = await serve(enabled);
    for (const accept of [undefined, '*/*', 'application/json', 'application/graphql-response+json, application/json;q=0.9', 'text/html;q=0.5, application/json']) {
      const response = await fetch(`${url}?query=%7B__typename%7D`, { headers: accept ? { accept } : {} });
      expect(await response.json()).toEqual({ data: { servedBy: 'graphql' } });
    }
    const post = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: BROWSER_ACCEPT }, body: '{"query":"{__typename}"}' });
    expect(await post.json()).toEqual({ data: { servedBy: 'graphql' } });
  });

  it('when on, gives a browser the page', async () => {
    const url = await serve(true);
    const response = await fetch(url, { headers: { accept: BROWSER_ACCEPT } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('<div id="graphiql">');
  });
});
