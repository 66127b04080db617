import { MessageStatus } from './message-status';

/** Every move a message may make: queued → sending → accepted | bounced | queued (retry) | failed. */
export const MESSAGE_TRANSITIONS: Readonly<Record<MessageStatus, readonly MessageStatus[]>> = {
  [MessageStatus.QUEUED]: [MessageStatus.SENDING],
  // Back to QUEUED: a temporary failure, or a sender that died while sending (its claim expired).
  [MessageStatus.SENDING]: [MessageStatus.ACCEPTED, MessageStatus.BOUNCED, MessageStatus.QUEUED, MessageStatus.FAILED],
  [MessageStatus.ACCEPTED]: [],
  [MessageStatus.BOUNCED]: [],
  [MessageStatus.FAILED]: [],
  [MessageStatus.OPTED_OUT]: [],
};

export function canMove(from: MessageStatus, to: MessageStatus): boolean {
  return MESSAGE_TRANSITIONS[from].includes(to);
}

/** SMTP 5xx is a permanent refusal (a bounce); anything else (4xx, a lost connection) is worth retrying. */
export function isPermanentRefusal(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/** Capped exponential backoff: base, 2×base, 4×base … up to max. */
export function retryDelayMs(attempts: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
}
