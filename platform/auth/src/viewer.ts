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
  /**
   * The user's token version when the token was issued. Deactivation, a password change and a
   * change of permissions raise the version in the database, which revokes every older token.
   */
  tokenVersion?: number;
  /** When a staff user acts as this user ("sign in as"): the staff user's id. Null otherwise. */
  actorId?: string | null;
  /** The acting staff user's token version (impersonation tokens end when the actor's do). */
  actorTokenVersion?: number;
}

export const VIEWER_KINDS: readonly ViewerKind[] = ['CUSTOMER', 'STAFF', 'SUPPLIER'];
