import { Viewer } from './viewer';

/** The state of a user that decides whether their tokens still count. */
export interface UserAccessState {
  active: boolean;
  tokenVersion: number;
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

  set(userId: string, state: UserAccessState | null): void {
    if (!state || (state.active && state.tokenVersion === 0)) this.users.delete(userId);
    else this.users.set(userId, state);
  }

  replaceAll(states: Iterable<[string, UserAccessState]>): void {
    this.users.clear();
    for (const [id, state] of states) this.set(id, state);
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
