/**
 * How an ERP call failed, which decides what the hub does next:
 * - TRANSIENT: try again later (network error before sending, 5xx, timeout on a read);
 * - RATE_LIMITED: try again after `retryAfterMs`;
 * - AUTH: credentials are wrong; retrying will not help, staff must act;
 * - VALIDATION: the ERP rejected the content; dead-letter it, staff must act;
 * - CONFLICT: the key was used for different content; dead-letter it;
 * - UNKNOWN_OUTCOME: a push may or may not have been applied; look the key up before retrying.
 */
export type ErpErrorKind = 'TRANSIENT' | 'RATE_LIMITED' | 'AUTH' | 'VALIDATION' | 'CONFLICT' | 'UNKNOWN_OUTCOME';

export class ErpError extends Error {
  constructor(
    readonly kind: ErpErrorKind,
    message: string,
    readonly retryAfterMs: number | null = null,
    /** What the ERP itself said, when it gave a reason (e.g. "customer C10003 is blocked"), for the people it concerns. */
    readonly erpReason: string | null = null,
  ) {
    super(message);
    this.name = 'ErpError';
  }

  get retryable(): boolean {
    return this.kind === 'TRANSIENT' || this.kind === 'RATE_LIMITED' || this.kind === 'UNKNOWN_OUTCOME';
  }
}
