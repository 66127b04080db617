import { Viewer } from './viewer';

/** The state of a user that decides whether their tokens still count. */
export interface UserAccessState {
  active: boolean;
  tokenVersion: number;
}

/** Anything that runs a parameterised query: a `pg` Pool or Client. */
export interface Queryable {
  query<R extends Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
}

/**
 * Where the users' access state is read from: the customers subgraph owns users and exports an
 * implementation; processes that check tokens (the gateway) are handed one, and never read its tables.
 */
export interface UserAccessStore {
  /** Every user whose tokens may be revoked (deactivated, or token version raised). */
  loadRevokable(db: Queryable): Promise<Array<[string, UserAccessState]>>;
  /** One user's state; a user that no longer exists has no good tokens. */
  loadOne(db: Queryable, userId: string): Promise<UserAccessState>;
}

/** Topic of the event the customers subgraph publishes (key: user id) when a user's access changes. */
export const USER_ACCESS_CHANGED_TOPIC = 'userAccessChanged';

/**
 * In-memory revocation list: only users whose tokens may be revoked are kept (deactivated ones, and
 * those whose token version went up); everyone else is active with version 0. A token is good when
 * its user (and, for "sign in as", its acting staff user) is active and its version is current.
 */
export class RevocationList {
  private readonly users = new Map<string, UserAccessState>();
  private readonly listeners = new Set<(userId: string) => void>();

  set(userId: string, state: UserAccessState | null): void {
    this.put(userId, state);
    this.changed([userId]);
  }

  replaceAll(states: Iterable<[string, UserAccessState]>): void {
    const touched = new Set(this.users.keys());
    this.users.clear();
    for (const [id, state] of states) {
      this.put(id, state);
      touched.add(id);
    }
    this.changed(touched);
  }

  /** Calls `listener` with each user whose state may have changed (to end that user's open connections); returns the unsubscribe. */
  onChange(listener: (userId: string) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  private put(userId: string, state: UserAccessState | null): void {
    if (!state || (state.active && state.tokenVersion === 0)) this.users.delete(userId);
    else this.users.set(userId, state);
  }

  private changed(userIds: Iterable<string>): void {
    if (this.listeners.size === 0) return;
    for (const id of userIds) for (const listener of this.listeners) listener(id);
  }

  get size(): number {
    return this.users.size;
  }

  private good(userId: string, version: number): boolean {
    const state = this.users.get(userId);
    if (!state) return true;
    return state.active && version >= state.tokenVersion;
  }

  isRevoked(viewer: Viewer): boolean {
    if (!this.good(viewer.userId, viewer.tokenVersion ?? 0)) return true;
    return !!viewer.actorId && !this.good(viewer.actorId, viewer.actorTokenVersion ?? 0);
  }
}
