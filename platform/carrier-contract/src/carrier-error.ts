/**
 * How a carrier call failed: TRANSIENT (down, 5xx, network) is tried again on the next poll;
 * AUTH and VALIDATION (e.g. an address the carrier cannot deliver to) need a person.
 */
export type CarrierErrorKind = 'TRANSIENT' | 'AUTH' | 'VALIDATION';

export class CarrierError extends Error {
  constructor(readonly kind: CarrierErrorKind, message: string) {
    super(message);
    this.name = 'CarrierError';
  }

  get retryable(): boolean {
    return this.kind === 'TRANSIENT';
  }
}
