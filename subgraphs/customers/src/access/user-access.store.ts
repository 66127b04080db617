import { Queryable, UserAccessState, UserAccessStore } from '@hub/auth';

/**
 * The customers subgraph's read API for revocation state: the only way code outside this subgraph
 * learns which users' tokens are no longer good (its tables stay its own). Published as the
 * package's `@hub/customers/access-store` export, which loads nothing but this file.
 */
export const userAccessStore: UserAccessStore = {
  async loadRevokable(db: Queryable): Promise<Array<[string, UserAccessState]>> {
    const { rows } = await db.query<{ id: string; active: boolean; token_version: number }>(
      'select id, active, token_version from customers.user_account where not active or token_version > 0',
    );
    return rows.map((r) => [r.id, { active: r.active, tokenVersion: r.token_version }]);
  },

  async loadOne(db: Queryable, userId: string): Promise<UserAccessState> {
    const { rows } = await db.query<{ active: boolean; token_version: number }>('select active, token_version from customers.user_account where id = $1', [userId]);
    return rows[0] ? { active: rows[0].active, tokenVersion: rows[0].token_version } : { active: false, tokenVersion: Number.MAX_SAFE_INTEGER };
  },
};
