import { decodeJwt, decodeProtectedHeader, SignJWT } from 'jose';
import { bearerToken, IMPERSONATION_TTL_SECONDS, signAccessToken, verifyAccessToken } from './access-token';
import { loadAuthSecrets, AuthSecrets } from './secrets';
import { Viewer } from './viewer';

/** Fresh secrets per test: verified tokens are cached per secrets object. */
const secrets = (ttl = 8 * 3600): AuthSecrets => loadAuthSecrets({ HUB_TOKEN_SECRET: 'a-token-secret-for-the-access-token-spec-0001', HUB_GATEWAY_SECRET: 'a-gateway-secret-for-the-access-token-spec-01', HUB_TOKEN_TTL_SECONDS: String(ttl) });
const otherSecrets = (): AuthSecrets => loadAuthSecrets({ HUB_TOKEN_SECRET: 'another-token-secret-for-the-access-token-spec', HUB_GATEWAY_SECRET: 'a-gateway-secret-for-the-access-token-spec-01' });

const buyer: Viewer = {
  userId: 'u-1', kind: 'CUSTOMER', companyId: 'c-1', supplierId: null, permissions: ['catalog.view', 'orders.place'], tokenVersion: 3, actorId: null, actorTokenVersion: 0,
};
const NOW = new Date('2026-11-22T10:00:00Z');

async function refusal(promise: Promise<unknown>): Promise<{ code: unknown; message: string }> {
  try {
    await promise;
  } catch (error) {
    return { code: (error as { extensions?: { code?: unknown } }).extensions?.code, message: (error as Error).message };
  }
  throw new Error('expected the token to be refused');
}

/** A token signed like the hub's, with claims of the test's choosing. */
function forge(claims: Record<string, unknown>, s: AuthSecrets, options: { issuer?: string; audience?: string; alg?: string; subject?: string | null; expiresIn?: number } = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  let jwt = new SignJWT(claims).setProtectedHeader({ alg: options.alg ?? 'HS256', typ: 'JWT' }).setIssuer(options.issuer ?? 'erp-hub').setAudience(options.audience ?? 'erp-hub').setIssuedAt(now).setExpirationTime(now + (options.expiresIn ?? 600));
  if (options.subject !== null) jwt = jwt.setSubject(options.subject ?? 'u-forged');
  return jwt.sign(s.tokenSecret);
}

afterEach(() => jest.useRealTimers());

describe('signAccessToken', () => {
  it("puts the viewer's kind, company, supplier, permissions and token version in the token, for the token lifetime", async () => {
    const s = secrets(7200);
    const { token, expiresAt } = await signAccessToken(buyer, s, NOW);
    expect(expiresAt).toEqual(new Date(NOW.getTime() + 7200_000));
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'JWT' });
    const claims = decodeJwt(token);
    expect(claims).toEqual({ kind: 'CUSTOMER', cid: 'c-1', sid: null, perm: ['catalog.view', 'orders.place'], ver: 3, sub: 'u-1', iss: 'erp-hub', aud: 'erp-hub', iat: NOW.getTime() / 1000, exp: NOW.getTime() / 1000 + 7200 });
  });

  it('writes token version 0 when the viewer has none, and no actor claims unless signed in as another user', async () => {
    const claims = decodeJwt((await signAccessToken({ ...buyer, tokenVersion: undefined, actorId: undefined }, secrets(), NOW)).token);
    expect(claims.ver).toBe(0);
    expect(claims).not.toHaveProperty('act');
    expect(claims).not.toHaveProperty('aver');
  });

  it('names the acting staff user and its token version in a "sign in as" token, which lives at most an hour', async () => {
    const s = secrets(8 * 3600);
    const acting = await signAccessToken({ ...buyer, actorId: 'staff-1', actorTokenVersion: 5 }, s, NOW);
    expect(decodeJwt(acting.token)).toMatchObject({ act: 'staff-1', aver: 5 });
    expect(acting.expiresAt).toEqual(new Date(NOW.getTime() + IMPERSONATION_TTL_SECONDS * 1000));
    expect(IMPERSONATION_TTL_SECONDS).toBe(3600);
    expect(decodeJwt((await signAccessToken({ ...buyer, actorId: 'staff-1', actorTokenVersion: undefined }, s, NOW)).token).aver).toBe(0);
    // A shorter normal lifetime is kept.
    const short = await signAccessToken({ ...buyer, actorId: 'staff-1' }, secrets(600), NOW);
    expect(short.expiresAt).toEqual(new Date(NOW.getTime() + 600_000));
  });
});

describe('verifyAccessToken', () => {
  it('gives back the viewer the token was signed for, frozen', async () => {
    const s = secrets();
    const viewer = await verifyAccessToken((await signAccessToken({ ...buyer, actorId: 'staff-1', actorTokenVersion: 2 }, s)).token, s);
    expect(viewer).toEqual({ ...buyer, actorId: 'staff-1', actorTokenVersion: 2 });
    expect(Object.isFrozen(viewer)).toBe(true);
    expect(Object.isFrozen(viewer.permissions)).toBe(true);
    const staffViewer = await verifyAccessToken((await signAccessToken({ userId: 's-1', kind: 'SUPPLIER', companyId: null, supplierId: 'sup-1', permissions: [] }, s)).token, s);
    expect(staffViewer).toEqual({ userId: 's-1', kind: 'SUPPLIER', companyId: null, supplierId: 'sup-1', permissions: [], tokenVersion: 0, actorId: null, actorTokenVersion: 0 });
  });

  it('refuses a token signed with another secret, for another issuer or audience, or with another algorithm', async () => {
    const s = secrets();
    const invalid = { code: 'UNAUTHENTICATED', message: 'Invalid access token.' };
    expect(await refusal(verifyAccessToken((await signAccessToken(buyer, otherSecrets())).token, s))).toEqual(invalid);
    expect(await refusal(verifyAccessToken(await forge({ kind: 'CUSTOMER' }, s, { issuer: 'someone-else' }), s))).toEqual(invalid);
    expect(await refusal(verifyAccessToken(await forge({ kind: 'CUSTOMER' }, s, { audience: 'someone-else' }), s))).toEqual(invalid);
    expect(await refusal(verifyAccessToken(await forge({ kind: 'CUSTOMER' }, s, { alg: 'HS512' }), s))).toEqual(invalid);
    expect(await refusal(verifyAccessToken('not.a.token', s))).toEqual(invalid);
  });

  it('says an expired token has expired', async () => {
    const s = secrets();
    const { token } = await signAccessToken(buyer, s, new Date(Date.now() - 9 * 3600_000));
    expect(await refusal(verifyAccessToken(token, s))).toEqual({ code: 'UNAUTHENTICATED', message: 'Your session has expired; sign in again.' });
  });

  it('refuses a correctly signed token without a subject or with an unknown kind as malformed', async () => {
    const s = secrets();
    const malformed = { code: 'UNAUTHENTICATED', message: 'Malformed access token.' };
    expect(await refusal(verifyAccessToken(await forge({ kind: 'CUSTOMER' }, s, { subject: null }), s))).toEqual(malformed);
    expect(await refusal(verifyAccessToken(await forge({ kind: 'ROOT' }, s), s))).toEqual(malformed);
    expect(await refusal(verifyAccessToken(await forge({}, s), s))).toEqual(malformed);
  });

  it('reads claims of the wrong type as absent: no company, supplier, actor, permissions; versions 0', async () => {
    const s = secrets();
    const token = await forge({ kind: 'STAFF', cid: 42, sid: ['x'], perm: ['staff.sync', 7, null, 'staff.users'], ver: '9', act: 1, aver: 'x' }, s);
    expect(await verifyAccessToken(token, s)).toEqual({
      userId: 'u-forged', kind: 'STAFF', companyId: null, supplierId: null, permissions: ['staff.sync', 'staff.users'], tokenVersion: 0, actorId: null, actorTokenVersion: 0,
    });
    expect((await verifyAccessToken(await forge({ kind: 'STAFF', perm: 'staff.admin' }, s), s)).permissions).toEqual([]);
  });

  it('trusts a verified token for a minute at most, and never past its expiry', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate'] });
    jest.setSystemTime(NOW);
    const s = secrets();
    const { token } = await signAccessToken(buyer, s);
    const first = await verifyAccessToken(token, s);
    jest.setSystemTime(NOW.getTime() + 59_000);
    expect(await verifyAccessToken(token, s)).toBe(first);
    jest.setSystemTime(NOW.getTime() + 61_000);
    const again = await verifyAccessToken(token, s);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);

    // A token that expires in 30 s is verified again after those 30 s, and refused then.
    const soon = await forge({ kind: 'CUSTOMER' }, s, { expiresIn: 30 });
    await verifyAccessToken(soon, s);
    jest.setSystemTime(NOW.getTime() + 61_000 + 31_000);
    expect((await refusal(verifyAccessToken(soon, s))).message).toBe('Your session has expired; sign in again.');
  });

  it("judges a token by its own secrets' cache: a token verified under one key is not trusted under another", async () => {
    const s = secrets();
    const { token } = await signAccessToken(buyer, s);
    await verifyAccessToken(token, s);
    expect((await refusal(verifyAccessToken(token, otherSecrets()))).message).toBe('Invalid access token.');
  });
});

describe('bearerToken', () => {
  it('takes the token out of "Bearer <token>", any case, surrounding blanks and several spaces allowed', () => {
    expect(bearerToken('Bearer abc.def')).toBe('abc.def');
    expect(bearerToken('bearer abc')).toBe('abc');
    expect(bearerToken('BEARER   abc')).toBe('abc');
    expect(bearerToken('  Bearer abc  ')).toBe('abc');
  });

  it('gives undefined without a header', () => {
    expect(bearerToken(undefined)).toBeUndefined();
    expect(bearerToken('')).toBeUndefined();
  });

  it.each(['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer a b', 'xBearer abc', 'Bearerabc', 'Token Bearer abc'])('refuses %p as UNAUTHENTICATED', (header) => {
    expect(() => bearerToken(header)).toThrow(
      expect.objectContaining({ message: 'The Authorization header must be "Bearer <token>".', extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) }),
    );
  });
});
