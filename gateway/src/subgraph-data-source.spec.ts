import { Headers } from 'node-fetch';
import { CLIENT_ADDRESS_HEADER, GATEWAY_ASSERTION_HEADER, GatewayAssertionSigner, loadAuthSecrets, RevocationList, Viewer } from '@hub/auth';
import { HubSubgraphDataSource } from './subgraph-data-source';

const viewer: Viewer = { userId: 'u1', kind: 'CUSTOMER', companyId: 'c1', supplierId: null, permissions: [], tokenVersion: 0 };

function send(source: HubSubgraphDataSource, context: Record<string, unknown>) {
  const request = { http: { headers: new Headers(), method: 'POST', url: 'http://subgraph' } };
  return source.willSendRequest!({ request, context } as any).then(() => request.http.headers);
}

describe('HubSubgraphDataSource', () => {
  it('forwards the token, the assertion and the client address', async () => {
    const source = new HubSubgraphDataSource('http://subgraph', new GatewayAssertionSigner(loadAuthSecrets()), new RevocationList());
    const headers = await send(source, { bearer: 'tok', viewer, clientAddress: '192.0.2.1' });
    expect(headers.get('authorization')).toBe('Bearer tok');
    expect(headers.get(GATEWAY_ASSERTION_HEADER)).toBeTruthy();
    expect(headers.get(CLIENT_ADDRESS_HEADER)).toBe('192.0.2.1');
  });

  it('refuses to call a subgraph for a revoked token (e.g. a subscription of a user deactivated since)', async () => {
    const revoked = new RevocationList();
    const source = new HubSubgraphDataSource('http://subgraph', new GatewayAssertionSigner(loadAuthSecrets()), revoked);
    revoked.set('u1', { active: false, tokenVersion: 1 });
    await expect(send(source, { bearer: 'tok', viewer })).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });
});
