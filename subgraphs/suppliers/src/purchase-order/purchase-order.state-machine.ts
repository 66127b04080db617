import { conflict } from '@hub/errors';
import { PurchaseOrderLineStatus, PurchaseOrderStatus } from './purchase-order-status';

const S = PurchaseOrderStatus;

/**
 * Every move a purchase order may make, in one place. The buyer sends it; the supplier confirms
 * lines or proposes changes, the buyer accepts or rejects each proposal, and once every line is
 * agreed it is CONFIRMED. From then on the ERP is its master: its goods receipts make it
 * PARTLY_RECEIVED and RECEIVED, and the ERP may cancel it. The buyer may cancel it until confirmed.
 */
const TRANSITIONS: Readonly<Record<PurchaseOrderStatus, readonly PurchaseOrderStatus[]>> = {
  [S.SENT]: [S.CHANGE_PROPOSED, S.CONFIRMED, S.CANCELLED],
  [S.CHANGE_PROPOSED]: [S.SENT, S.CONFIRMED, S.CANCELLED],
  [S.CONFIRMED]: [S.PARTLY_RECEIVED, S.RECEIVED, S.CANCELLED],
  [S.PARTLY_RECEIVED]: [S.RECEIVED, S.CANCELLED],
  [S.RECEIVED]: [],
  [S.CANCELLED]: [],
};

/** Statuses in which supplier and buyer still negotiate the lines. */
export const NEGOTIABLE_STATUSES: readonly PurchaseOrderStatus[] = [S.SENT, S.CHANGE_PROPOSED];

/** Statuses of a purchase order whose goods are still to come (they feed the availability promise through the ERP). */
export const OPEN_STATUSES: readonly PurchaseOrderStatus[] = [S.SENT, S.CHANGE_PROPOSED, S.CONFIRMED, S.PARTLY_RECEIVED];

export function canTransition(from: PurchaseOrderStatus, to: PurchaseOrderStatus): boolean {
  return from === to || TRANSITIONS[from].includes(to);
}

/** CONFLICT when the order may not move from `from` to `to` (e.g. cancelling one the ERP received). */
export function assertTransition(from: PurchaseOrderStatus, to: PurchaseOrderStatus): void {
  if (!canTransition(from, to)) throw conflict(`A purchase order that is ${from} cannot become ${to}.`);
}

/** What the order's lines make of a negotiable order: a proposal open → CHANGE_PROPOSED; all agreed → CONFIRMED; else SENT. */
export function statusFromLines(lines: ReadonlyArray<{ status: PurchaseOrderLineStatus }>): PurchaseOrderStatus {
  if (lines.some((l) => l.status === PurchaseOrderLineStatus.CHANGE_PROPOSED)) return S.CHANGE_PROPOSED;
  if (lines.length > 0 && lines.every((l) => l.status === PurchaseOrderLineStatus.CONFIRMED)) return S.CONFIRMED;
  return S.SENT;
}

/** Every (from, to) where `to` follows `from` through one or more moves: the ERP is synced now and then and may have gone several steps. */
export function reachablePairs(): Array<[PurchaseOrderStatus, PurchaseOrderStatus]> {
  const pairs: Array<[PurchaseOrderStatus, PurchaseOrderStatus]> = [];
  for (const from of Object.keys(TRANSITIONS) as PurchaseOrderStatus[]) {
    const seen = new Set<PurchaseOrderStatus>();
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
