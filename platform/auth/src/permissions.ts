/**
 * The permission catalogue. Customer users hold some of the CUSTOMER permissions; staff hold
 * STAFF ones. Every subgraph checks these on every path, so the names are a contract.
 */
export const CUSTOMER_PERMISSIONS = [
  'catalog.view',
  'prices.view',
  'orders.view',
  'orders.place',
  'orders.approve',
  'invoices.view',
  'payments.make',
  'returns.file',
  'users.manage',
] as const;

export const STAFF_PERMISSIONS = ['staff.admin', 'staff.users', 'staff.orders', 'staff.sync'] as const;

export type CustomerPermission = (typeof CUSTOMER_PERMISSIONS)[number];
export type StaffPermission = (typeof STAFF_PERMISSIONS)[number];
export type Permission = CustomerPermission | StaffPermission;

/** A read-only customer user: sees, never changes. */
export const READ_ONLY_PERMISSIONS: CustomerPermission[] = ['catalog.view', 'prices.view', 'orders.view', 'invoices.view'];
