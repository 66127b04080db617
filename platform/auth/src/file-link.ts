import { createHmac } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { forbidden, HubError, notFound } from '@hub/errors';
import { AuthSecrets } from './secrets';

const ISSUER = 'erp-hub';
const AUDIENCE = 'erp-hub-file-link';
/** Five minutes: long enough to click, short enough that a link in a log or a browser history is soon worthless. */
export const DEFAULT_FILE_LINK_TTL_SECONDS = 300;

/** What a file link names: which subgraph serves it, through which of its file routes, and what (the route's own reference). */
export interface FileLinkTarget {
  /** The subgraph's name in the supergraph (finance, orders, ...). */
  subgraph: string;
  /** One of the subgraph's declared file routes (e.g. "documents", "exports"). */
  route: string;
  /** The route's reference to the file: a document id, or a whole export request. Kept small: it travels in the URL. */
  ref: FileLinkRef;
}

export type FileLinkRef = string | number | boolean | null | FileLinkRef[] | { [key: string]: FileLinkRef };

export interface FileLinkClaims extends FileLinkTarget {
  /** The user the link was issued to; it is useless to anyone else. */
  userId: string;
  expiresAt: Date;
}

/**
 * The key file links are signed with: derived from the token secret, so a deployment has no
 * further secret to manage, yet a file link can never pass for an access token or the reverse.
 */
const keys = new WeakMap<AuthSecrets, Uint8Array>();
function fileLinkKey(secrets: AuthSecrets): Uint8Array {
  let key = keys.get(secrets);
  if (!key) keys.set(secrets, (key = createHmac('sha256', secrets.tokenSecret).update('erp-hub file links v1').digest()));
  return key;
}

/** Signs a short-lived link token (HMAC-SHA256) for one user and one file. */
export async function signFileLink(
  userId: string,
  target: FileLinkTarget,
  secrets: AuthSecrets,
  options: { ttlSeconds?: number; now?: Date } = {},
): Promise<string> {
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const ttl = options.ttlSeconds ?? DEFAULT_FILE_LINK_TTL_SECONDS;
  return new SignJWT({ sg: target.subgraph, rt: target.route, ref: target.ref })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + ttl)
    .sign(fileLinkKey(secrets));
}

/** The link names another user: signed in as someone else, the link is not theirs. */
export function notYourLink(): HubError {
  return forbidden('This link was issued to another user.');
}

/**
 * Checks a link token for the signed-in user: NOT_FOUND when it is not a link of this hub (or not
 * of this subgraph), LINK_EXPIRED after its expiry, FORBIDDEN when it was issued to another user.
 */
export async function verifyFileLink(token: string, secrets: AuthSecrets, expected: { userId: string; subgraph?: string }): Promise<FileLinkClaims> {
  const invalid = () => notFound('This file link');
  if (token.length > 4096) throw invalid();
  let payload: Awaited<ReturnType<typeof jwtVerify>>['payload'];
  try {
    ({ payload } = await jwtVerify(token, fileLinkKey(secrets), { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] }));
  } catch (error) {
    // jose checks the signature before the expiry, so only a link this hub signed is "expired".
    if (error instanceof joseErrors.JWTExpired) throw new HubError('LINK_EXPIRED', 'This file link has expired; ask for a new one.');
    throw invalid();
  }
  const { sub, sg, rt, ref, exp } = payload as { sub?: unknown; sg?: unknown; rt?: unknown; ref?: FileLinkRef; exp?: number };
  if (typeof sub !== 'string' || typeof sg !== 'string' || typeof rt !== 'string' || ref === undefined || typeof exp !== 'number') throw invalid();
  if (expected.subgraph !== undefined && sg !== expected.subgraph) throw invalid();
  if (sub !== expected.userId) throw notYourLink();
  return { userId: sub, subgraph: sg, route: rt, ref, expiresAt: new Date(exp * 1000) };
}

/**
 * What the gateway's assertion for a download is signed over, in place of a GraphQL body: the
 * subgraph's request line, so an assertion for one file is good for no other file and no operation.
 */
export function fileRequestLine(token: string): string {
  return `GET /files/${token}`;
}
