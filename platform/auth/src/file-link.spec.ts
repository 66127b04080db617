import { signAccessToken, verifyAccessToken } from './access-token';
import { signFileLink, verifyFileLink } from './file-link';
import { AuthSecrets, loadAuthSecrets } from './secrets';

const secrets = (): AuthSecrets => loadAuthSecrets({ HUB_TOKEN_SECRET: 'a-token-secret-for-the-file-link-spec-000001', HUB_GATEWAY_SECRET: 'a-gateway-secret-for-the-file-link-spec-0001' });
const target = { subgraph: 'finance', route: 'documents', ref: { kind: 'invoice', id: 'b8f2f0a4-0000-4000-8000-000000000001' } };

async function codeOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return (error as { extensions?: { code?: unknown } }).extensions?.code;
  }
  throw new Error('expected the link to be refused');
}

describe('file links', () => {
  it('give back what they name, to the user they were issued to, until they expire', async () => {
    const s = secrets();
    const now = new Date();
    const token = await signFileLink('u-1', target, s, { ttlSeconds: 120, now });
    const claims = await verifyFileLink(token, s, { userId: 'u-1', subgraph: 'finance' });
    expect(claims).toEqual({ ...target, userId: 'u-1', expiresAt: new Date(Math.floor(now.getTime() / 1000) * 1000 + 120_000) });
  });

  it('are FORBIDDEN to another user', async () => {
    const s = secrets();
    const token = await signFileLink('u-1', target, s);
    expect(await codeOf(verifyFileLink(token, s, { userId: 'u-2' }))).toBe('FORBIDDEN');
  });

  it('are LINK_EXPIRED after their lifetime', async () => {
    const s = secrets();
    const token = await signFileLink('u-1', target, s, { ttlSeconds: 60, now: new Date(Date.now() - 61_000) });
    expect(await codeOf(verifyFileLink(token, s, { userId: 'u-1' }))).toBe('LINK_EXPIRED');
  });

  it('are NOT_FOUND when forged, altered, of another hub or for another subgraph', async () => {
    const s = secrets();
    const token = await signFileLink('u-1', target, s);
    const [head, body, signature] = token.split('.');
    const altered = `${head}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), sub: 'u-2' })).toString('base64url')}.${signature}`;
    expect(await codeOf(verifyFileLink(altered, s, { userId: 'u-2' }))).toBe('NOT_FOUND');
    expect(await codeOf(verifyFileLink('not-a-link', s, { userId: 'u-1' }))).toBe('NOT_FOUND');
    const other = loadAuthSecrets({ HUB_TOKEN_SECRET: 'another-token-secret-for-the-file-link-spec-01', HUB_GATEWAY_SECRET: 'a-gateway-secret-for-the-file-link-spec-0001' });
    expect(await codeOf(verifyFileLink(token, other, { userId: 'u-1' }))).toBe('NOT_FOUND');
    expect(await codeOf(verifyFileLink(token, s, { userId: 'u-1', subgraph: 'orders' }))).toBe('NOT_FOUND');
    // Expired and forged at once: the signature decides first, so a forged link never learns it was "expired".
    const expired = await signFileLink('u-1', target, other, { ttlSeconds: 1, now: new Date(Date.now() - 10_000) });
    expect(await codeOf(verifyFileLink(expired, s, { userId: 'u-1' }))).toBe('NOT_FOUND');
  });

  it('are no access tokens, and access tokens are no links', async () => {
    const s = secrets();
    const link = await signFileLink('u-1', target, s);
    expect(await codeOf(verifyAccessToken(link, s))).toBe('UNAUTHENTICATED');
    const { token } = await signAccessToken({ userId: 'u-1', kind: 'CUSTOMER', companyId: 'c', supplierId: null, permissions: [] }, s);
    expect(await codeOf(verifyFileLink(token, s, { userId: 'u-1' }))).toBe('NOT_FOUND');
  });
});
