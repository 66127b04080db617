import { Entity, Opt, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * What kind of catalogue data a sync changed, for the catalogue cache (catalogue-cache.ts):
 * PRODUCT: items themselves (names, list prices, categories, assortment, active), so any page may
 * gain, lose or reorder items; PRICE: customer prices of the listed items only; STOCK: stock of the
 * listed items, which also decides pages filtered by stock; EVERYTHING: categories or exchange rates.
 */
export const CATALOGUE_CHANGE_SCOPES = ['PRODUCT', 'PRICE', 'STOCK', 'EVERYTHING'] as const;
export type CatalogueChangeScope = (typeof CATALOGUE_CHANGE_SCOPES)[number];

/**
 * One change set of a sync, written by the ingest in the sync's own transaction: every products
 * instance reads the change sets it has not applied yet before it answers from its cache, so an
 * answer is never older than the last committed sync. Rows are found by the writing transaction's
 * id, not by version: versions are handed out at insert and committed in another order, transaction
 * ids below the snapshot's xmin are all finished (see catalogue-change.repository.ts).
 */
@Entity({ tableName: 'catalogue_change' })
export class CatalogueChangeEntity {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  version!: string;

  @Property({ type: 'text' })
  scope!: CatalogueChangeScope;

  /** The products changed (PRODUCT, PRICE, STOCK); empty for EVERYTHING. */
  @Property({ type: 'uuid[]', defaultRaw: "'{}'" })
  productIds: string[] & Opt = [];

  /** The writing transaction (pg_current_xact_id()). */
  @Property({ type: 'xid8', defaultRaw: 'pg_current_xact_id()', index: true })
  writtenBy: string & Opt;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  changedAt: Date & Opt = new Date();
}
