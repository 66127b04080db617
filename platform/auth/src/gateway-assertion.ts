import { createHash } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { httpRejection } from '@hub/errors';
import { AuthSecrets } from './secrets';

/**
 * The client's network address, as the gateway saw it. Subgraphs believe it only on requests that
 * carry a valid gateway assertion (subgraph-kit refuses all others), never from anyone else.
 */
export const CLIENT_ADDRESS_HEADER = 'x-hub-client-address';

/** Header the gateway sets on every request it sends to a subgraph. */
export const GATEWAY_ASSERTION_HEADER = 'x-hub-gateway-assertion';

const ISSUER = 'erp-hub-gateway';
const AUDIENCE_PREFIX = 'erp-hub-subgraph:';
const LIFETIME_SECONDS = 60;

const digest = (value: string | Buffer): string => createHash('sha256').update(value).digest('base64url');

/** What one assertion is good for: one request body, sent to one subgraph, with one user token (or none). */
export interface AssertedRequest {
  /** The subgraph's name in the supergraph ("products"). */
  subgraph: string;
  /** The exact HTTP body the subgraph will receive. */
  body: string | Buffer;
  /** The caller's token that goes with it, if any. */
  bearer?: string;
}

/**
 * Signs the assertion the gateway adds to a subgraph request. It names the subgraph (the JWT's
 * audience), and carries digests of the request body and of the user token: a captured assertion
 * cannot be sent to another subgraph, with another operation or variables, or with another token,
 * and it ends after a minute. One signature per subgraph fetch (an HMAC: microseconds).
 */
export class GatewayAssertionSigner {
  constructor(private readonly secrets: AuthSecrets) {}

  sign(request: AssertedRequest): Promise<string> {
    return new SignJWT({ tok: digest(request.bearer ?? ''), body: digest(request.body) })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setAudience(`${AUDIENCE_PREFIX}${request.subgraph}`)
      .setIssuedAt()
      .setExpirationTime(`${LIFETIME_SECONDS}s`)
      .sign(this.secrets.gatewaySecret);
  }
}

/** Throws FORBIDDEN unless the request carries a valid assertion for exactly this subgraph, body and user token. */
export async function verifyGatewayAssertion(assertion: string | undefined, request: AssertedRequest, secrets: AuthSecrets): Promise<void> {
  const reject = () => httpRejection('FORBIDDEN', 'Subgraphs accept requests only through the gateway.');
  if (!assertion) throw reject();
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(assertion, secrets.gatewaySecret, {
      issuer: ISSUER,
      audience: `${AUDIENCE_PREFIX}${request.subgraph}`,
      algorithms: ['HS256'],
    }));
  } catch {
    throw reject();
  }
  if (payload.tok !== digest(request.bearer ?? '') || payload.body !== digest(request.body)) throw reject();
}
