import { conflict } from '@hub/errors';
import { ReturnStatus } from './return-status';

const S = ReturnStatus;

/**
 * Every move a return may make, in one place. Staff accept or reject a filed return; acceptance
 * issues the label at once; the customer's waybill puts it in transit (goods handed in at a store
 * or arriving without one go straight to RECEIVED); staff assess the goods, decide the disposition,
 * and the ERP's receipt makes it CREDITED or EXCHANGED; staff close it.
 */
const TRANSITIONS: Readonly<Record<ReturnStatus, readonly ReturnStatus[]>> = {
  [S.FILED]: [S.ACCEPTED, S.REJECTED],
  [S.ACCEPTED]: [S.LABEL_ISSUED],
  [S.REJECTED]: [S.CLOSED],
  [S.LABEL_ISSUED]: [S.IN_TRANSIT, S.RECEIVED],
  [S.IN_TRANSIT]: [S.RECEIVED],
  [S.RECEIVED]: [S.ASSESSED],
  [S.ASSESSED]: [S.CREDITED, S.EXCHANGED],
  [S.CREDITED]: [S.CLOSED],
  [S.EXCHANGED]: [S.CLOSED],
  [S.CLOSED]: [],
};

export function canTransition(from: ReturnStatus, to: ReturnStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** CONFLICT when the return may not move from `from` to `to` (e.g. accepting a return someone rejected). */
export function assertTransition(from: ReturnStatus, to: ReturnStatus): void {
  if (!canTransition(from, to)) throw conflict(`A return that is ${from} cannot become ${to}.`);
}

/** The statuses a return may be in to move to `to` (for updates that check the status in SQL). */
export function statusesBefore(to: ReturnStatus): ReturnStatus[] {
  return (Object.keys(TRANSITIONS) as ReturnStatus[]).filter((from) => canTransition(from, to));
}

/** Returns that no longer claim their goods: what they named may be returned again. */
export const RELEASED_STATUSES: readonly ReturnStatus[] = [S.REJECTED];
