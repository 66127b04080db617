import { loadAuthSecrets, verifyFileLink } from '@hub/auth';
import { fileLinkOrigin, FileLinks, fileLinkTtlSeconds } from './file-routes';

const secrets = loadAuthSecrets({ HUB_TOKEN_SECRET: 'a-token-secret-for-the-file-routes-spec-00001', HUB_GATEWAY_SECRET: 'a-gateway-secret-for-the-file-routes-spec-001' });
const viewer = { userId: 'u-1', kind: 'CUSTOMER' as const, companyId: 'c-1', supplierId: null, permissions: [] };

describe('FileLinks', () => {
  it("makes gateway URLs whose token names the subgraph, route, reference and user, for the configured lifetime", async () => {
    const links = new FileLinks('finance', secrets, () => 'https://hub.example', 60);
    const url = await links.url(viewer, 'documents', { k: 'invoice', id: 'x' });
    const [, origin, subgraph, token] = /^(https:\/\/hub\.example)\/files\/([^/]+)\/([^/]+)$/.exec(url)!;
    expect([origin, subgraph]).toEqual(['https://hub.example', 'finance']);
    const claims = await verifyFileLink(token, secrets, { userId: 'u-1', subgraph: 'finance' });
    expect(claims).toMatchObject({ route: 'documents', ref: { k: 'invoice', id: 'x' } });
    const lifetime = claims.expiresAt.getTime() - Date.now();
    expect(lifetime).toBeGreaterThan(55_000);
    expect(lifetime).toBeLessThanOrEqual(60_000);
  });

  it('point at HUB_PUBLIC_URL when set, else at the gateway itself', () => {
    expect(fileLinkOrigin(() => 'http://127.0.0.1:4000/graphql', {})()).toBe('http://127.0.0.1:4000');
    expect(fileLinkOrigin(() => 'http://127.0.0.1:4000/graphql', { HUB_PUBLIC_URL: 'https://shop.example/' })()).toBe('https://shop.example');
  });

  it('take their lifetime from HUB_FILE_LINK_TTL_SECONDS, 1 to 86400', () => {
    expect(fileLinkTtlSeconds({})).toBeUndefined();
    expect(fileLinkTtlSeconds({ HUB_FILE_LINK_TTL_SECONDS: '120' })).toBe(120);
    for (const bad of ['0', '-5', '1.5', 'soon', '86401']) expect(() => fileLinkTtlSeconds({ HUB_FILE_LINK_TTL_SECONDS: bad })).toThrow(/HUB_FILE_LINK_TTL_SECONDS/);
  });
});
