import { EntityManager } from '@mikro-orm/postgresql';
import { PoolClient } from 'pg';
import { executePrepared, executePreparedOn, PreparedQueryable } from '@hub/database';
import { IngestPage, MergeResult } from '@hub/ingest';
import { CatalogueChangeScope } from './catalogue-change.entity';

export interface CatalogueChange {
  version: number;
  scope: CatalogueChangeScope;
  productIds: string[];
  changedAt: Date;
  /** The writing transaction's id (xid8 as text). */
  writtenBy: string;
}

export interface CatalogueChangesRead {
  /** Every transaction with a lower id had finished when this was read: its change sets, if any, were among those read. */
  horizon: string;
  changes: CatalogueChange[];
}

/** More products changed in one page than this: the change set says EVERYTHING. */
export const MAX_LISTED_PRODUCTS = 5000;

/** Change sets older than this are pruned when a new one is written (the newest always stays, for "prices as of"). */
const KEEP_CHANGES_HOURS = 24;

/**
 * Records a sync's change set on the sync's transaction (nothing when nothing changed), so the
 * change and its notice commit together.
 */
export async function recordCatalogueChange(client: PoolClient, scope: CatalogueChangeScope, productIds: readonly string[] = []): Promise<void> {
  if (scope !== 'EVERYTHING' && productIds.length === 0) return;
  // A page of a full sync changes so much that listing it would cost more than starting over.
  const everything = scope === 'EVERYTHING' || productIds.length > MAX_LISTED_PRODUCTS;
  await client.query('insert into products.catalogue_change (scope, product_ids) values ($1, $2::text[])', everything ? ['EVERYTHING', []] : [scope, [...new Set(productIds)]]);
  await client.query(
    `delete from products.catalogue_change where changed_at < now() - interval '${KEEP_CHANGES_HOURS} hours'
        and version < (select max(version) from products.catalogue_change)`,
  );
}

/**
 * The change set of an ingested page: the keys the merge returned, or EVERYTHING for a page of a
 * full pull that changed anything (its merge returns no keys: see IngestPage.full).
 */
export async function recordCatalogueChangeOf(client: PoolClient, page: IngestPage<unknown>, scope: CatalogueChangeScope, result: MergeResult): Promise<void> {
  if (!page.full) return recordCatalogueChange(client, scope, result.changedKeys);
  await recordEverythingChangedIf(client, result);
}

/** EVERYTHING as the change set of a merge that wrote anything (categories, warehouses, rates: the cache starts over). */
export async function recordEverythingChangedIf(client: PoolClient, result: MergeResult): Promise<void> {
  if (result.inserted + result.updated + result.deleted > 0) await recordCatalogueChange(client, 'EVERYTHING');
}

export class CatalogueChangeRepository {
  constructor(private readonly em: EntityManager) {}

  /** When the newest change set was committed; null before the first. */
  async latestChangeAt(): Promise<Date | null> {
    const rows = await executePrepared<{ changedAt: Date | string }>(this.em, 'select changed_at as "changedAt" from products.catalogue_change order by version desc limit 1', []);
    return rows[0] ? new Date(rows[0].changedAt) : null;
  }

  /**
   * The change sets written by transactions from `horizon` on (all of them for "0"), and the new
   * horizon: see CATALOGUE_CHANGES_SQL.
   */
  async since(horizon: string): Promise<CatalogueChangesRead> {
    return catalogueChangesFrom(await executePrepared<CatalogueChangeRow>(this.em, CATALOGUE_CHANGES_SQL, [horizon]));
  }
}

/**
 * The change sets written by transactions from a horizon on, and the new horizon: the snapshot's
 * xmin, below which every transaction has finished. A change set written by a transaction still
 * running now is not visible yet, but its transaction id is at or above the new horizon, so the
 * next read finds it. One statement, an index range on written_by.
 */
const CATALOGUE_CHANGES_SQL = `select pg_snapshot_xmin(pg_current_snapshot())::text as horizon, c.version::text as version, c.scope, c.product_ids as "productIds", c.changed_at as "changedAt",
              c.written_by::text as "writtenBy"
         from (select 1) one
         left join products.catalogue_change c on c.written_by >= ?::xid8
        order by c.version`;

type CatalogueChangeRow = { horizon: string; version: string | null; scope: CatalogueChangeScope | null; productIds: string[] | null; changedAt: Date | string | null; writtenBy: string | null };

function catalogueChangesFrom(rows: CatalogueChangeRow[]): CatalogueChangesRead {
  return {
    horizon: rows[0].horizon,
    changes: rows.filter((r) => r.version !== null).map((r) => ({ version: Number(r.version), scope: r.scope!, productIds: r.productIds!, changedAt: new Date(r.changedAt!), writtenBy: r.writtenBy! })),
  };
}

/** The same read on a plain pg pool (the gateway's catalogue answers, which have no ORM). */
export async function catalogueChangesOn(db: PreparedQueryable, horizon: string): Promise<CatalogueChangesRead> {
  return catalogueChangesFrom(await executePreparedOn<CatalogueChangeRow>(db, CATALOGUE_CHANGES_SQL, [horizon]));
}
