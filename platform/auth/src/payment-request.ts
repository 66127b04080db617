import { createHmac } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { badUserInput } from '@hub/errors';
import { AuthSecrets } from './secrets';

const ISSUER = 'erp-hub';
const AUDIENCE = 'erp-hub-payment-request';
/** An hour: a checkout with a 3-D Secure step fits; a request found later in a log is worthless. */
export const DEFAULT_PAYMENT_REQUEST_TTL_SECONDS = 3600;

/**
 * What the subgraph that owns an order asks the payments owner (finance) to take for it: signed, so
 * neither the amount nor the order can be changed by the client that carries it.
 */
export interface PaymentRequestClaims {
  orderId: string;
  /** Decimal text. */
  amount: string;
  currency: string;
  /** The company whose order it is; null: a guest of the public shop. */
  companyId: string | null;
  /** The ERP customer the order goes to the ERP under. */
  customerNumber: string | null;
  /** Who pays (receipts); a guest's e-mail. */
  payerEmail: string | null;
}

const keys = new WeakMap<AuthSecrets, Uint8Array>();
function requestKey(secrets: AuthSecrets): Uint8Array {
  let key = keys.get(secrets);
  if (!key) keys.set(secrets, (key = createHmac('sha256', secrets.tokenSecret).update('erp-hub payment requests v1').digest()));
  return key;
}

export async function signPaymentRequest(claims: PaymentRequestClaims, secrets: AuthSecrets, ttlSeconds = DEFAULT_PAYMENT_REQUEST_TTL_SECONDS): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ pr: claims }).setProtectedHeader({ alg: 'HS256' }).setIssuer(ISSUER).setAudience(AUDIENCE).setIssuedAt(now).setExpirationTime(now + ttlSeconds).sign(requestKey(secrets));
}

/** BAD_USER_INPUT when the request is not one this hub signed, or has expired. */
export async function verifyPaymentRequest(token: string, secrets: AuthSecrets): Promise<PaymentRequestClaims> {
  if (token.length > 4096) throw badUserInput('This is not a payment request of this shop.', 'request');
  try {
    const { payload } = await jwtVerify(token, requestKey(secrets), { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
    const pr = (payload as { pr?: PaymentRequestClaims }).pr;
    if (!pr || typeof pr.orderId !== 'string' || typeof pr.amount !== 'string' || typeof pr.currency !== 'string') throw new Error('incomplete');
    return pr;
  } catch {
    throw badUserInput('This is not a payment request of this shop, or it has expired.', 'request');
  }
}
