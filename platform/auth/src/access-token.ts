import { jwtVerify, SignJWT } from 'jose';
import { HubError, unauthenticated } from '@hub/errors';
import { AuthSecrets } from './secrets';
import { cachePerSecrets } from './verification-cache';
import { Viewer, VIEWER_KINDS, ViewerKind } from './viewer';

const ISSUER = 'erp-hub';
const AUDIENCE = 'erp-hub';

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

/** Impersonation tokens live at most this long, whatever the normal lifetime. */
export const IMPERSONATION_TTL_SECONDS = 3600;

export async function signAccessToken(viewer: Viewer, secrets: AuthSecrets, now = new Date()): Promise<IssuedToken> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const ttl = viewer.actorId ? Math.min(secrets.tokenTtlSeconds, IMPERSONATION_TTL_SECONDS) : secrets.tokenTtlSeconds;
  const expiresAt = issuedAt + ttl;
  const token = await new SignJWT({
    kind: viewer.kind,
    cid: viewer.companyId,
    sid: viewer.supplierId,
    perm: viewer.permissions,
    ver: viewer.tokenVersion ?? 0,
    ...(viewer.actorId ? { act: viewer.actorId, aver: viewer.actorTokenVersion ?? 0 } : {}),
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(viewer.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(secrets.tokenSecret);
  return { token, expiresAt: new Date(expiresAt * 1000) };
}

const verifiedTokens = cachePerSecrets<AuthSecrets, Viewer>();
/** How long a verified token is trusted without verifying it again (never past its expiry). */
const REVERIFY_AFTER_MS = 60_000;

/** Verifies a bearer token and returns the viewer, or throws UNAUTHENTICATED. */
export async function verifyAccessToken(token: string, secrets: AuthSecrets): Promise<Viewer> {
  const cache = verifiedTokens(secrets);
  const known = cache.get(token);
  if (known) return known;
  try {
    const { payload } = await jwtVerify(token, secrets.tokenSecret, {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
    });
    const kind = payload.kind as ViewerKind;
    if (typeof payload.sub !== 'string' || !VIEWER_KINDS.includes(kind)) throw unauthenticated('Malformed access token.');
    const perm = Array.isArray(payload.perm) ? payload.perm.filter((p): p is string => typeof p === 'string') : [];
    const viewer: Viewer = {
      userId: payload.sub,
      kind,
      companyId: typeof payload.cid === 'string' ? payload.cid : null,
      supplierId: typeof payload.sid === 'string' ? payload.sid : null,
      permissions: perm,
      tokenVersion: typeof payload.ver === 'number' ? payload.ver : 0,
      actorId: typeof payload.act === 'string' ? payload.act : null,
      actorTokenVersion: typeof payload.aver === 'number' ? payload.aver : 0,
    };
    // Shared between requests from now on, so nobody may change it.
    Object.freeze(viewer.permissions);
    Object.freeze(viewer);
    cache.set(token, viewer, Math.min((payload.exp ?? 0) * 1000, Date.now() + REVERIFY_AFTER_MS));
    return viewer;
  } catch (err) {
    if (err instanceof HubError) throw err;
    // Any failure to verify means the token is not good; only expiry deserves its own message.
    if ((err as { code?: string }).code === 'ERR_JWT_EXPIRED') throw unauthenticated('Your session has expired; sign in again.');
    throw unauthenticated('Invalid access token.');
  }
}

/** Extracts the token from an `Authorization: Bearer ...` header; undefined when absent. */
export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>".');
  return match[1];
}
