import { conflict } from '@hub/errors';
import { ServiceRequestStatus } from './service-request-status';

const S = ServiceRequestStatus;

/**
 * Every move a service request may make, in one place. The customer opens it; the ERP's workshop
 * receives the goods, repairs and ships them back (or rejects or cancels the order), and closes it;
 * the customer may also close it once the goods are back.
 */
const TRANSITIONS: Readonly<Record<ServiceRequestStatus, readonly ServiceRequestStatus[]>> = {
  [S.OPENED]: [S.RECEIVED, S.REJECTED, S.CANCELLED],
  [S.RECEIVED]: [S.IN_REPAIR, S.REJECTED],
  [S.IN_REPAIR]: [S.REPAIRED, S.REJECTED],
  [S.REPAIRED]: [S.SHIPPED_BACK],
  [S.REJECTED]: [S.SHIPPED_BACK, S.CLOSED],
  [S.SHIPPED_BACK]: [S.CLOSED],
  [S.CLOSED]: [],
  [S.CANCELLED]: [],
};

/** Statuses in which the request is over: a new one may be opened for the product. */
export const FINISHED_STATUSES: readonly ServiceRequestStatus[] = [S.CLOSED, S.CANCELLED];

export function canTransition(from: ServiceRequestStatus, to: ServiceRequestStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** CONFLICT when the request may not move from `from` to `to` (e.g. closing one still in repair). */
export function assertTransition(from: ServiceRequestStatus, to: ServiceRequestStatus): void {
  if (!canTransition(from, to)) throw conflict(`A service request that is ${from} cannot become ${to}.`);
}

/**
 * Every (from, to) where `to` follows `from` through one or more moves. The ERP is synced now and
 * then, so between two syncs a repair may have gone several steps; a status that does not follow
 * (an older one, or one after an end) is not taken.
 */
export function reachablePairs(): Array<[ServiceRequestStatus, ServiceRequestStatus]> {
  const pairs: Array<[ServiceRequestStatus, ServiceRequestStatus]> = [];
  for (const from of Object.keys(TRANSITIONS) as ServiceRequestStatus[]) {
    const seen = new Set<ServiceRequestStatus>();
    const queue = [...TRANSITIONS[from]];
    while (queue.length) {
      const next = queue.shift()!;
      if (seen.has(next)) continue;
      seen.add(next);
      pairs.push([from, next]);
      queue.push(...TRANSITIONS[next]);
    }
  }
  return pairs;
}
