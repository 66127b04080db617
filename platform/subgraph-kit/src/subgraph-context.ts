import { EntityManager } from '@mikro-orm/postgresql';
import { Viewer } from '@hub/auth';

/** What every subgraph request starts with; each subgraph adds its own DataLoaders. */
export interface BaseContext {
  /** Null for anonymous callers (the public shop, login). */
  viewer: Viewer | null;
  /** A fork of the ORM's EntityManager for this request only. */
  em: EntityManager;
}
