import { jwtVerify, SignJWT } from 'jose';
import { badUserInput } from '@hub/errors';
import { AuthSecrets } from './secrets';

const ISSUER = 'erp-hub';
const AUDIENCE = 'erp-hub-unsubscribe';

export type ConsentChannel = 'EMAIL' | 'SMS' | 'NEWSLETTER';
export const CONSENT_CHANNELS: readonly ConsentChannel[] = ['EMAIL', 'SMS', 'NEWSLETTER'];

/**
 * The token in an "unsubscribe" link: signed with the token secret (its own audience, so it is
 * never an access token), naming one user and one channel. Valid for a year, so links in older
 * mail still work; unsubscribing twice is harmless.
 */
export async function signUnsubscribeToken(userId: string, channel: ConsentChannel, secrets: AuthSecrets): Promise<string> {
  return new SignJWT({ ch: channel })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('365d')
    .sign(secrets.tokenSecret);
}

/** The user and channel of a valid unsubscribe token; BAD_USER_INPUT otherwise. */
export async function verifyUnsubscribeToken(token: string, secrets: AuthSecrets): Promise<{ userId: string; channel: ConsentChannel }> {
  try {
    const { payload } = await jwtVerify(token, secrets.tokenSecret, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
    const channel = payload.ch as ConsentChannel;
    if (typeof payload.sub !== 'string' || !CONSENT_CHANNELS.includes(channel)) throw new Error('malformed');
    return { userId: payload.sub, channel };
  } catch {
    throw badUserInput('This unsubscribe link is not valid.', 'token');
  }
}
