import { requireStaffPermission, requireViewer, Viewer } from '@hub/auth';
import { forbidden } from '@hub/errors';

/** Buyers: staff with staff.purchasing (or staff.admin), acting as themselves. */
export function requireBuyer(viewer: Viewer | null): Viewer {
  return requireStaffPermission(viewer, 'staff.purchasing');
}

/** A supplier's own user (their supplier id comes from the verified token, never from the client). */
export function requireSupplierUser(viewer: Viewer | null): Viewer & { supplierId: string } {
  const v = requireViewer(viewer);
  if (v.kind !== 'SUPPLIER' || !v.supplierId) throw forbidden("Only the supplier's own users can do this.");
  return v as Viewer & { supplierId: string };
}

/** Who is looking at purchasing data: a buyer sees all of it, a supplier user its supplier's part, anyone else nothing. */
export type PurchasingScope = { kind: 'BUYER'; viewer: Viewer } | { kind: 'SUPPLIER'; viewer: Viewer; supplierId: string } | { kind: 'NONE' };

/**
 * Staff without staff.purchasing get FORBIDDEN (they are told which right they lack); supplier
 * users their own supplier's scope; customers and anonymous callers see nothing (NONE: their
 * questions answer NOT_FOUND, or UNAUTHENTICATED without a token).
 */
export function purchasingScope(viewer: Viewer | null): PurchasingScope {
  const v = requireViewer(viewer);
  if (v.kind === 'STAFF') return { kind: 'BUYER', viewer: requireBuyer(v) };
  if (v.kind === 'SUPPLIER' && v.supplierId) return { kind: 'SUPPLIER', viewer: v, supplierId: v.supplierId };
  return { kind: 'NONE' };
}
