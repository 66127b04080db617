import { UserAccessState } from '@hub/auth';

/** Anything that runs a parameterised query: a `pg` Pool or Client. */
export interface Queryable {
  query<R extends Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
}

/**
 * The customers subgraph's read API for the gateway's revocation list: the only way code outside
 * this subgraph learns which users' tokens are no longer good (its tables stay its own).
 */
export async function loadRevokableUsers(db: Queryable): Promise<Array<[string, UserAccessState]>> {
  const { rows } = await db.query<{ id: string; active: boolean; token_version: number }>(
    'select id, active, token_version from customers.user_account where not active or token_version > 0',
  );
  return rows.map((r) => [r.id, { active: r.active, tokenVersion: r.token_version }]);
}

/** One user's access state; a user that no longer exists has no good tokens. */
export async function loadUserAccessState(db: Queryable, userId: string): Promise<UserAccessState> {
  const { rows } = await db.query<{ active: boolean; token_version: number }>('select active, token_version from customers.user_account where id = $1', [userId]);
  return rows[0] ? { active: rows[0].active, tokenVersion: rows[0].token_version } : { active: false, tokenVersion: Number.MAX_SAFE_INTEGER };
}
