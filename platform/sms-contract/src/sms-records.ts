/**
 * The SMS gateway protocol (shaped on the common providers' REST APIs, e.g. Twilio's or
 * 46elks' `POST /messages`):
 *
 *   POST /messages            Authorization: Bearer <api key>
 *     { "to": "+46701234567", "from": "ERPhub", "body": "…", "reference": "<the hub's message id>" }
 *     201 { "id": "SM…", "status": "accepted", "to", "from", "reference", "createdAt" }
 *     400 { "error": { "code": "INVALID_REQUEST", "message" } }   a malformed request: never retried
 *     401 { "error": { "code": "UNAUTHORIZED" } }                  a wrong key
 *     422 { "error": { "code": "NUMBER_REFUSED", "message" } }    the number cannot receive texts: never retried
 *     503 { "error": { "code": "UNAVAILABLE" } }                   down for now: worth retrying later
 *   GET /messages/:id         the same record with its current status (accepted, delivered, failed)
 *   GET /health               200 { "status": "ok" } while it takes messages
 *
 * A `reference` sent twice is answered with the first message (201, the same id), so a sender
 * that lost the answer and retries does not make the phone buzz twice.
 */
export type SmsStatus = 'accepted' | 'delivered' | 'failed';

export interface SmsRequest {
  /** E.164: a plus sign and 8 to 15 digits. */
  to: string;
  /** The sender name or number shown on the phone (up to 11 letters or a number). */
  from: string;
  body: string;
  /** The sender's own id for this message (idempotency). */
  reference: string;
}

export interface SmsRecord extends SmsRequest {
  id: string;
  status: SmsStatus;
  createdAt: string;
}

export const E164 = /^\+[1-9]\d{7,14}$/;
/** Texts longer than this are split by gateways into several; the hub keeps to one page of 3. */
export const MAX_SMS_BODY = 480;
