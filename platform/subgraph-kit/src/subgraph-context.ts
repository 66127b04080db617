import { EntityManager } from '@mikro-orm/postgresql';
import { Viewer } from '@hub/auth';

/** What every subgraph request starts with; each subgraph adds its own DataLoaders. */
export interface BaseContext {
  /** Null for anonymous callers (the public shop, login). */
  viewer: Viewer | null;
  /** The caller's verified bearer token, for calls made on the caller's behalf. */
  bearer: string | undefined;
  /** The client's address as the gateway forwarded it (trusted: the gateway's assertion was verified); null if absent. */
  clientAddress?: string | null;
  /** The caller's Accept-Language header (at most 200 characters); null if absent. Not security relevant, so not part of the gateway's assertion. */
  acceptLanguage?: string | null;
  /** A fork of the ORM's EntityManager for this request only. */
  em: EntityManager;
}
