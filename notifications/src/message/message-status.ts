import { registerEnumType } from 'type-graphql';

/** Where a message stands; the allowed moves are in message.state-machine.ts. */
export enum MessageStatus {
  /** Waiting to be sent (again, after a temporary failure: see nextAttemptAt). */
  QUEUED = 'QUEUED',
  /** Handed to the SMTP server / SMS gateway right now. */
  SENDING = 'SENDING',
  /** The SMTP server (or SMS gateway) accepted it. */
  ACCEPTED = 'ACCEPTED',
  /** Refused for good (SMTP 5xx): never retried. */
  BOUNCED = 'BOUNCED',
  /** Temporary failures until the attempts ran out. */
  FAILED = 'FAILED',
  /** Not sent: the user switched the category off, withdrew consent, or has no address for the channel. */
  OPTED_OUT = 'OPTED_OUT',
}

export enum MessageChannel {
  EMAIL = 'EMAIL',
  SMS = 'SMS',
}

registerEnumType(MessageStatus, { name: 'MessageStatus', description: 'QUEUED, SENDING, ACCEPTED (by the SMTP server or SMS gateway), BOUNCED (refused for good), FAILED (retries ran out), OPTED_OUT (preference or consent).' });
registerEnumType(MessageChannel, { name: 'MessageChannel' });
