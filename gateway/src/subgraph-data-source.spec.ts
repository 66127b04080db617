import { Headers } from 'node-fetch';
import { CLIENT_ADDRESS_HEADER, GATEWAY_ASSERTION_HEADER, GatewayAssertionSigner, loadAuthSecrets, RevocationList, Viewer } from '@hub/auth';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { verifyGatewayAssertion } from '@hub/auth';
import { assertingFetch, HubSubgraphDataSource } from './subgraph-data-source';

const viewer: Viewer = { userId: 'u1', kind: 'CUSTOMER', companyId: 'c1', supplierId: null, permissions: [], tokenVersion: 0 };

function send(source: HubSubgraphDataSource, context: Record<string, unknown>) {
  const request = { http: { headers: new Headers(), method: 'POST', url: 'http://subgraph' } };
  return source.willSendRequest!({ request, context } as any).then(() => request.http.headers);
}

describe('HubSubgraphDataSource', () => {
  it('forwards the token and the client address', async () => {
    const source = new HubSubgraphDataSource('http://subgraph', new GatewayAssertionSigner(loadAuthSecrets()), new RevocationList());
    const headers = await send(source, { bearer: 'tok', viewer, clientAddress: '192.0.2.1' });
    expect(headers.get('authorization')).toBe('Bearer tok');
    expect(headers.get(CLIENT_ADDRESS_HEADER)).toBe('192.0.2.1');
  });

  it('refuses to call a subgraph for a revoked token (e.g. a subscription of a user deactivated since)', async () => {
    const revoked = new RevocationList();
    const source = new HubSubgraphDataSource('http://subgraph', new GatewayAssertionSigner(loadAuthSecrets()), revoked);
    revoked.set('u1', { active: false, tokenVersion: 1 });
    await expect(send(source, { bearer: 'tok', viewer })).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });
});

describe('HubSubgraphDataSource.errorFromResponse', () => {
  const source = new HubSubgraphDataSource('http://10.0.0.9:4002/graphql', new GatewayAssertionSigner(loadAuthSecrets()));
  const response = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }) as unknown as Parameters<HubSubgraphDataSource['errorFromResponse']>[0];

  it.each([
    [400, 'BAD_USER_INPUT', 'A Decimal is a string of digits'],
    [401, 'UNAUTHENTICATED', 'A Decimal is a string of digits'],
    [403, 'FORBIDDEN', 'A Decimal is a string of digits'],
    [502, 'INTERNAL_SERVER_ERROR', 'A service behind the gateway failed (HTTP 502).'],
  ])('HTTP %p becomes %p without the subgraph URL', async (status, code, message) => {
    const error = await source.errorFromResponse(response(status, { errors: [{ message: 'A Decimal is a string of digits', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] }));
    expect(error.extensions.code).toBe(code);
    expect(error.message).toBe(message);
    expect(JSON.stringify({ message: error.message, extensions: error.extensions })).not.toContain('10.0.0.9');
  });

  it('a body that is not GraphQL gives a generic message', async () => {
    const error = await source.errorFromResponse(new Response('<html>bad gateway</html>', { status: 400, headers: { 'content-type': 'text/html' } }) as any);
    expect(error.extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(error.message).toBe('A service behind the gateway failed (HTTP 400).');
  });
});

describe('assertingFetch', () => {
  it('signs an assertion for exactly the subgraph, the body sent and the token, and nothing else', async () => {
    const secrets = loadAuthSecrets();
    const seen: Array<{ assertion: string; body: string }> = [];
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        seen.push({ assertion: String(req.headers[GATEWAY_ASSERTION_HEADER]), body });
        res.setHeader('content-type', 'application/json');
        res.end('{"data":{}}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
      const body = JSON.stringify({ query: '{ me { id } }', variables: { a: 1 } });
      await assertingFetch(new GatewayAssertionSigner(secrets), 'orders')(url, { method: 'POST', headers: { authorization: 'Bearer tok', 'content-type': 'application/json' }, body });
      const [{ assertion, body: received }] = seen;
      expect(received).toBe(body);
      await expect(verifyGatewayAssertion(assertion, { subgraph: 'orders', body, bearer: 'tok' }, secrets)).resolves.toBeUndefined();
      const refusals = [
        { subgraph: 'customers', body, bearer: 'tok' },
        { subgraph: 'orders', body: body.replace('"a":1', '"a":2'), bearer: 'tok' },
        { subgraph: 'orders', body, bearer: 'other' },
        { subgraph: 'orders', body, bearer: undefined },
      ];
      for (const request of refusals) await expect(verifyGatewayAssertion(assertion, request, secrets)).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
