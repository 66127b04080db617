import { Pool } from 'pg';
import { RevocationList, USER_ACCESS_CHANGED_TOPIC, UserAccessState, UserAccessStore } from '@hub/auth';
import { instrumentPool } from '@hub/database';
import { EventListener } from '@hub/events';

/**
 * Keeps the gateway's revocation list current: loads every user whose tokens may be revoked through
 * the access store it is handed (the customers subgraph's, which owns users), re-reads one user on
 * each `userAccessChanged` event (published by the customers subgraph in the transaction that
 * deactivates the user or raises the token version, so it arrives only after the commit), and
 * reloads everything after the LISTEN connection was lost.
 *
 * Why this design rather than short-lived tokens plus a database check per request: the gateway
 * then rejects a revoked token on every path (HTTP, subgraph fetches of subscriptions) without a
 * database round trip per request, and revocation is effective milliseconds after the commit
 * instead of at the end of a token's lifetime. The list holds only revoked users, which stays small.
 */
export class RevokedUsers {
  readonly list = new RevocationList();
  private readonly pool: Pool;
  private unsubscribe: Array<() => void> = [];

  constructor(databaseUrl: string, private readonly store: UserAccessStore, private readonly events: EventListener, private readonly log: (line: string) => void) {
    this.pool = instrumentPool(new Pool({ connectionString: databaseUrl, max: 2, application_name: 'hub-gateway-revocation' }), 'gateway-revocation');
    // An idle connection lost (the database restarted) must not end the process: the pool makes a new one.
    this.pool.on('error', (error) => this.log(`database connection lost: ${error.message}`));
  }

  /** The database answers on this pool (the gateway's readiness). */
  async ping(): Promise<void> {
    await this.pool.query('select 1');
  }

  async start(): Promise<void> {
    // Subscribe first, so nothing that commits between the load and the subscription is missed.
    this.unsubscribe.push(this.events.subscribe(USER_ACCESS_CHANGED_TOPIC, null, (event) => {
      // The event carries the new state (two small facts), so no read is needed; older publishers' events are re-read.
      const data = event.data as Partial<UserAccessState> | undefined;
      if (data && typeof data.active === 'boolean' && typeof data.tokenVersion === 'number') this.list.set(event.key, { active: data.active, tokenVersion: data.tokenVersion });
      else void this.reload(event.key);
    }));
    this.unsubscribe.push(this.events.onReconnect(() => void this.loadAll().catch((e: Error) => this.log(`reloading revocations failed: ${e.message}`))));
    await this.loadAll();
  }

  async stop(): Promise<void> {
    for (const off of this.unsubscribe) off();
    await this.pool.end().catch(() => undefined);
  }

  private async loadAll(): Promise<void> {
    this.list.replaceAll(await this.store.loadRevokable(this.pool));
  }

  private async reload(userId: string): Promise<void> {
    try {
      this.list.set(userId, await this.store.loadOne(this.pool, userId));
    } catch (error) {
      this.log(`reading user ${userId}'s access failed: ${(error as Error).message}`);
    }
  }
}
