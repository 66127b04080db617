import { createHash } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { httpRejection } from '@hub/errors';
import { AuthSecrets } from './secrets';
import { cachePerSecrets } from './verification-cache';

/**
 * The client's network address, as the gateway saw it. Subgraphs believe it only on requests that
 * carry a valid gateway assertion (subgraph-kit refuses all others), never from anyone else.
 */
export const CLIENT_ADDRESS_HEADER = 'x-hub-client-address';

/** Header the gateway sets on every request it sends to a subgraph. */
export const GATEWAY_ASSERTION_HEADER = 'x-hub-gateway-assertion';

const ISSUER = 'erp-hub-gateway';
const AUDIENCE = 'erp-hub-subgraph';
const LIFETIME_SECONDS = 60;

/** Binds the assertion to the forwarded user token, so it cannot be replayed with another one. */
function tokenDigest(bearer: string | undefined): string {
  return createHash('sha256').update(bearer ?? '').digest('base64url');
}

/**
 * Signs the assertion the gateway adds to a subgraph request. Assertions are cached per user token
 * for most of their lifetime: signing once per token and half-minute is enough and keeps the hot path cheap.
 */
export class GatewayAssertionSigner {
  private readonly cache = new Map<string, { value: string; renewAt: number }>();

  constructor(private readonly secrets: AuthSecrets) {}

  async sign(bearer: string | undefined): Promise<string> {
    const digest = tokenDigest(bearer);
    const now = Date.now();
    const cached = this.cache.get(digest);
    if (cached && cached.renewAt > now) return cached.value;
    const value = await new SignJWT({ tok: digest })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${LIFETIME_SECONDS}s`)
      .sign(this.secrets.gatewaySecret);
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(digest, { value, renewAt: now + (LIFETIME_SECONDS / 2) * 1000 });
    return value;
  }
}

/** Throws FORBIDDEN unless the request carries a valid assertion for exactly this user token. */
export async function verifyGatewayAssertion(
  assertion: string | undefined,
  bearer: string | undefined,
  secrets: AuthSecrets,
): Promise<void> {
  const reject = () => httpRejection('FORBIDDEN', 'Subgraphs accept requests only through the gateway.');
  if (!assertion) throw reject();
  const digest = tokenDigest(bearer);
  const cache = verifiedAssertions(secrets);
  // The gateway reuses an assertion for about half a minute, so most requests skip the HMAC here.
  if (cache.get(`${assertion}|${digest}`)) return;
  try {
    const { payload } = await jwtVerify(assertion, secrets.gatewaySecret, {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
    });
    if (payload.tok !== digest) throw reject();
    cache.set(`${assertion}|${digest}`, true, (payload.exp ?? 0) * 1000);
  } catch {
    throw reject();
  }
}

const verifiedAssertions = cachePerSecrets<AuthSecrets, true>();
