import { forbidden, unauthenticated, notFound } from '@hub/errors';
import { Permission, StaffPermission } from './permissions';
import { Viewer } from './viewer';

/**
 * Tenant and permission rules shared by every subgraph. A query field or object field that can
 * refuse through these (FORBIDDEN/UNAUTHENTICATED for a permission or role) is declared nullable, so
 * the refusal nulls that field alone, not its parent or the whole answer. Mutations stay non-null.
 */
export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw unauthenticated();
  return viewer;
}

export function requireStaff(viewer: Viewer | null): Viewer {
  const v = requireViewer(viewer);
  if (v.kind !== 'STAFF') throw forbidden('Only staff may do this.');
  return v;
}

export function isStaff(viewer: Viewer | null): boolean {
  return viewer?.kind === 'STAFF';
}

/** Staff see every company; a customer user only its own. Never trust a company id from the client. */
export function canSeeCompany(viewer: Viewer | null, companyId: string): boolean {
  return !!viewer && (viewer.kind === 'STAFF' || viewer.companyId === companyId);
}

/**
 * The rows of company-owned data a viewer may see, as a query condition to apply inside the query:
 * staff every company's ({}), a customer user its own company's, anyone else none (null).
 */
export function companyRowsFilter(viewer: Viewer | null): { companyId?: string } | null {
  if (!viewer) return null;
  if (viewer.kind === 'STAFF') return {};
  return viewer.companyId ? { companyId: viewer.companyId } : null;
}

/** Staff see every supplier; a supplier user only its own. */
export function canSeeSupplier(viewer: Viewer | null, supplierId: string): boolean {
  return !!viewer && (viewer.kind === 'STAFF' || viewer.supplierId === supplierId);
}

/**
 * The company whose data a customer-facing query returns: the viewer's own, or for staff the one
 * they name. Returns null for staff who name none (meaning: all companies).
 */
export function companyScope(viewer: Viewer, requestedCompanyId?: string | null): string | null {
  if (viewer.kind === 'STAFF') return requestedCompanyId ?? null;
  if (!viewer.companyId) throw forbidden('Only customer users have company data.');
  // Another company's id gets what a company that does not exist gets: nothing tells the two apart.
  if (requestedCompanyId && requestedCompanyId !== viewer.companyId) throw notFound('Company', requestedCompanyId);
  return viewer.companyId;
}

/** Staff pass every customer permission check; customers need the named permission. */
export function hasPermission(viewer: Viewer | null, permission: Permission): boolean {
  if (!viewer) return false;
  if (viewer.kind === 'STAFF') return true;
  return viewer.permissions.includes(permission);
}

export function requirePermission(viewer: Viewer | null, permission: Permission): Viewer {
  const v = requireViewer(viewer);
  if (!hasPermission(v, permission)) throw forbidden(`You need the "${permission}" permission.`);
  return v;
}

/**
 * Staff rights are scoped: a staff user needs the named staff permission or staff.admin.
 * (Customer permission checks, by contrast, let every staff user through.)
 */
export function requireStaffPermission(viewer: Viewer | null, permission: StaffPermission): Viewer {
  const v = requireStaff(viewer);
  if (v.actorId) throw forbidden('Staff rights are not available while signed in as another user.');
  if (!v.permissions.includes(permission) && !v.permissions.includes('staff.admin')) throw forbidden(`You need the "${permission}" staff permission.`);
  return v;
}

/** True when a staff user acts as this viewer ("sign in as"). */
export function isImpersonating(viewer: Viewer | null): boolean {
  return !!viewer?.actorId;
}

/** Some actions belong to the account's owner alone, never to staff acting for them. */
export function requireNotImpersonating(viewer: Viewer, action: string): Viewer {
  if (viewer.actorId) throw forbidden(`You cannot ${action} while signed in as another user; only the user can.`);
  return viewer;
}
