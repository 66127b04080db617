import { conflict } from '@hub/errors';
import { DropShipOrderStatus } from './drop-ship-status';

const S = DropShipOrderStatus;

/**
 * Every move a drop-ship order may make: the ERP routes it to the supplier (OPEN); the supplier
 * confirms it and reports the parcel (SHIPPED); the ERP may cancel it before it ships.
 */
const TRANSITIONS: Readonly<Record<DropShipOrderStatus, readonly DropShipOrderStatus[]>> = {
  [S.OPEN]: [S.CONFIRMED, S.CANCELLED],
  [S.CONFIRMED]: [S.SHIPPED, S.CANCELLED],
  [S.SHIPPED]: [],
  [S.CANCELLED]: [],
};

export function canTransition(from: DropShipOrderStatus, to: DropShipOrderStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function assertTransition(from: DropShipOrderStatus, to: DropShipOrderStatus): void {
  if (!canTransition(from, to)) throw conflict(`A drop-ship order that is ${from} cannot become ${to}.`);
}

/** Statuses the ERP's record may move the hub's order to from `from` (it knows OPEN, SHIPPED and CANCELLED; the hub's CONFIRMED is its own). */
export function erpStatusApplies(from: DropShipOrderStatus, erp: DropShipOrderStatus): boolean {
  if (from === erp) return false;
  if (erp === S.SHIPPED) return from === S.OPEN || from === S.CONFIRMED;
  return canTransition(from, erp);
}
