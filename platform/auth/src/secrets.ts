/**
 * The two secrets the hub runs on:
 * - the token secret signs users' access tokens (issued by the customers subgraph, verified everywhere);
 * - the gateway secret signs the short assertion the gateway adds to every subgraph request, so a
 *   subgraph can refuse requests that did not come through the gateway.
 */
export interface AuthSecrets {
  tokenSecret: Uint8Array;
  gatewaySecret: Uint8Array;
  /** Access token lifetime in seconds. */
  tokenTtlSeconds: number;
}

const DEV_TOKEN_SECRET = 'dev-only-token-secret-change-me-in-production-0123456789';
const DEV_GATEWAY_SECRET = 'dev-only-gateway-secret-change-me-in-production-012345';

export function loadAuthSecrets(env: NodeJS.ProcessEnv = process.env): AuthSecrets {
  const token = env.HUB_TOKEN_SECRET ?? DEV_TOKEN_SECRET;
  const gateway = env.HUB_GATEWAY_SECRET ?? DEV_GATEWAY_SECRET;
  if (env.NODE_ENV === 'production' && (token === DEV_TOKEN_SECRET || gateway === DEV_GATEWAY_SECRET)) {
    throw new Error('HUB_TOKEN_SECRET and HUB_GATEWAY_SECRET must be set in production.');
  }
  if (token.length < 32 || gateway.length < 32) {
    throw new Error('HUB_TOKEN_SECRET and HUB_GATEWAY_SECRET must be at least 32 characters long.');
  }
  const ttl = Number(env.HUB_TOKEN_TTL_SECONDS ?? 8 * 3600);
  if (!Number.isInteger(ttl) || ttl <= 0) throw new Error('HUB_TOKEN_TTL_SECONDS must be a positive integer.');
  const encoder = new TextEncoder();
  return { tokenSecret: encoder.encode(token), gatewaySecret: encoder.encode(gateway), tokenTtlSeconds: ttl };
}
