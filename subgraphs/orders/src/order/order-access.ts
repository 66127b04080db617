import { hasPermission, requireViewer, Viewer } from '@hub/auth';
import { forbidden } from '@hub/errors';

/** A customer user who may fill a basket, keep quotes and order: with orders.place, or orders.submit (for a coworker's approval). */
export type Orderer = Viewer & { companyId: string };

export function canOrder(viewer: Viewer | null): boolean {
  return hasPermission(viewer, 'orders.place') || hasPermission(viewer, 'orders.submit');
}

export function requireOrderer(viewer: Viewer | null): Orderer {
  const v = requireViewer(viewer);
  if (!canOrder(v)) throw forbidden('You need the "orders.place" permission (or "orders.submit" to submit orders for approval).');
  if (v.kind !== 'CUSTOMER' || !v.companyId) throw forbidden('Only users of a customer company can place orders.');
  return v as Orderer;
}
