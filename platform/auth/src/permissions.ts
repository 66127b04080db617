/**
 * The permission catalogue. Customer users hold some of the CUSTOMER permissions; staff hold
 * STAFF ones. Every subgraph checks these on every path, so the names are a contract.
 */
export const CUSTOMER_PERMISSIONS = [
  'catalog.view',
  'prices.view',
  'orders.view',
  /** Fill a basket and submit orders for a coworker's approval (where the company takes such orders); orders.place places them. */
  'orders.submit',
  'orders.place',
  'orders.approve',
  'invoices.view',
  'payments.make',
  'returns.file',
  'users.manage',
] as const;

/**
 * staff.stores: store counter staff, who hand over orders collected in their store and take in returns.
 * staff.sales: sales reps, who make commercial offers for the customers assigned to them (all customers with staff.admin).
 * staff.purchasing: buyers, who run requests for quotation, place purchase orders with suppliers and assign drop-shipping.
 * staff.marketing: publish marketing materials (brochures, price sheets) to customers.
 */
export const STAFF_PERMISSIONS = ['staff.admin', 'staff.users', 'staff.orders', 'staff.sync', 'staff.stores', 'staff.sales', 'staff.purchasing', 'staff.marketing'] as const;

export type CustomerPermission = (typeof CUSTOMER_PERMISSIONS)[number];
export type StaffPermission = (typeof STAFF_PERMISSIONS)[number];
export type Permission = CustomerPermission | StaffPermission;

/** A read-only customer user: sees, never changes. */
export const READ_ONLY_PERMISSIONS: CustomerPermission[] = ['catalog.view', 'prices.view', 'orders.view', 'invoices.view'];

/** Every permission name the hub knows. */
export const ALL_PERMISSIONS: readonly Permission[] = [...CUSTOMER_PERMISSIONS, ...STAFF_PERMISSIONS];

export function isCustomerPermission(name: string): name is CustomerPermission {
  return (CUSTOMER_PERMISSIONS as readonly string[]).includes(name);
}

export function isStaffPermission(name: string): name is StaffPermission {
  return (STAFF_PERMISSIONS as readonly string[]).includes(name);
}

/**
 * Named groups of customer permissions. A user holds permissions, not roles: a role is a shorthand
 * when granting, and any other set of permissions is a custom role.
 */
export const CUSTOMER_ROLES: Readonly<Record<'ADMIN' | 'BUYER' | 'READ_ONLY', readonly CustomerPermission[]>> = {
  ADMIN: CUSTOMER_PERMISSIONS,
  BUYER: ['catalog.view', 'prices.view', 'orders.view', 'orders.place', 'returns.file'],
  READ_ONLY: READ_ONLY_PERMISSIONS,
};

export type CustomerRole = keyof typeof CUSTOMER_ROLES;

export function isCustomerRole(name: string): name is CustomerRole {
  return Object.prototype.hasOwnProperty.call(CUSTOMER_ROLES, name);
}
