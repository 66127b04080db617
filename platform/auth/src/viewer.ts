/** Who is calling, as proven by a verified access token. */
export type ViewerKind = 'CUSTOMER' | 'STAFF' | 'SUPPLIER';

export interface Viewer {
  userId: string;
  kind: ViewerKind;
  /** The customer company (ERP debtor) a CUSTOMER user belongs to. */
  companyId: string | null;
  /** The supplier a SUPPLIER user belongs to. */
  supplierId: string | null;
  /** Named permissions granted to this user (see the permission catalogue in the customers subgraph). */
  permissions: string[];
}

export const VIEWER_KINDS: readonly ViewerKind[] = ['CUSTOMER', 'STAFF', 'SUPPLIER'];
