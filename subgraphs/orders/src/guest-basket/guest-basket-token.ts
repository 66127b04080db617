import { createHmac, timingSafeEqual } from 'node:crypto';
import { AuthSecrets } from '@hub/auth';
import { badUserInput } from '@hub/errors';

const PREFIX = 'gb1';
const keys = new WeakMap<AuthSecrets, Buffer>();

/** Derived from the token secret (no further secret to manage), so a basket token passes for nothing else. */
function key(secrets: AuthSecrets): Buffer {
  let k = keys.get(secrets);
  if (!k) keys.set(secrets, (k = createHmac('sha256', secrets.tokenSecret).update('erp-hub guest baskets v1').digest()));
  return k;
}

const mac = (basketId: string, secrets: AuthSecrets) => createHmac('sha256', key(secrets)).update(`${PREFIX}.${basketId}`).digest('base64url');

/** The token a visitor's client keeps (cookie or storage) and sends with every basket call: `gb1.<basket id>.<HMAC>`. */
export function signGuestBasketToken(basketId: string, secrets: AuthSecrets): string {
  return `${PREFIX}.${basketId}.${mac(basketId, secrets)}`;
}

/** The basket id of a token this hub signed; BAD_USER_INPUT (field basketToken) for anything else. */
export function verifyGuestBasketToken(token: string, secrets: AuthSecrets): string {
  const refused = () => badUserInput('This basket token is not one of this shop; start a new basket.', 'basketToken');
  if (typeof token !== 'string' || token.length > 200) throw refused();
  const [prefix, id, given] = token.split('.');
  if (prefix !== PREFIX || !id || !given || !/^[0-9a-f-]{36}$/.test(id)) throw refused();
  const expected = Buffer.from(mac(id, secrets));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) throw refused();
  return id;
}
