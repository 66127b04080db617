import { conflict } from '@hub/errors';
import { registerEnumType } from 'type-graphql';

export enum OfferStatus {
  /** Being written by the rep; the customer does not see it. */
  DRAFT = 'DRAFT',
  /** Published in the customer's panel (and mailed). */
  SENT = 'SENT',
  /** A user of the customer opened it. */
  VIEWED = 'VIEWED',
  ACCEPTED = 'ACCEPTED',
  /** Some of its lines were accepted into an order. */
  PARTLY_ACCEPTED = 'PARTLY_ACCEPTED',
  REJECTED = 'REJECTED',
  /** Its validity ended before the customer decided. */
  EXPIRED = 'EXPIRED',
}

registerEnumType(OfferStatus, { name: 'OfferStatus', description: 'DRAFT, SENT, VIEWED, ACCEPTED, PARTLY_ACCEPTED, REJECTED or EXPIRED.' });

const S = OfferStatus;

/**
 * Every move an offer may make, in one place. A draft is sent; the customer views it, accepts it
 * (wholly or per line) or rejects it while valid, after which it expires. A change after sending
 * makes a new version that is published at once (SENT again, to be viewed anew); a decided or
 * expired offer never changes (copy it for a new one).
 */
const TRANSITIONS: Readonly<Record<OfferStatus, readonly OfferStatus[]>> = {
  [S.DRAFT]: [S.SENT],
  [S.SENT]: [S.SENT, S.VIEWED, S.ACCEPTED, S.PARTLY_ACCEPTED, S.REJECTED, S.EXPIRED],
  [S.VIEWED]: [S.SENT, S.ACCEPTED, S.PARTLY_ACCEPTED, S.REJECTED, S.EXPIRED],
  [S.ACCEPTED]: [],
  [S.PARTLY_ACCEPTED]: [],
  [S.REJECTED]: [],
  [S.EXPIRED]: [],
};

/** Sent and waiting for the customer's decision. */
export const OPEN_STATUSES: readonly OfferStatus[] = [S.SENT, S.VIEWED];

export function canTransition(from: OfferStatus, to: OfferStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** CONFLICT when the offer may not move from `from` to `to` (e.g. accepting an offer rejected meanwhile). */
export function assertTransition(from: OfferStatus, to: OfferStatus, number: string): void {
  if (!canTransition(from, to)) throw conflict(`Offer ${number} is ${from} and cannot become ${to}.`);
}

/** The statuses an offer may be in to move to `to` (for updates that check the status in SQL). */
export function statusesBefore(to: OfferStatus): OfferStatus[] {
  return (Object.keys(TRANSITIONS) as OfferStatus[]).filter((from) => canTransition(from, to));
}

/** A changed offer: the same version while a draft, a new one once it was sent. */
export function changeMakesNewVersion(status: OfferStatus): boolean {
  if (status === S.DRAFT) return false;
  if (OPEN_STATUSES.includes(status)) return true;
  throw conflict(`An offer that is ${status} cannot be changed; copy it to make a new one.`);
}

/** What the viewer sees: an open offer past its last valid day is EXPIRED, whether or not that was written yet. */
export function effectiveStatus(status: OfferStatus, validUntil: string, today: string): OfferStatus {
  return OPEN_STATUSES.includes(status) && validUntil < today ? S.EXPIRED : status;
}
