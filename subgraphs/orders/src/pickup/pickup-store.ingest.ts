import { PoolClient } from 'pg';
import { ErpWarehouseRecord } from '@hub/erp-contract';
import { defineMergeTarget, IngestPage, MergeResult, mergeRows, RowOf } from '@hub/ingest';

export const PICKUP_STORE_TARGET = defineMergeTarget({
  schema: 'orders',
  table: 'pickup_store',
  columns: { code: 'text', name: 'text', is_store: 'boolean' },
  key: ['code'],
  notFromErp: [],
  onDelete: 'delete',
});

/** The orders subgraph's share of the ERP's warehouses (declared with alsoIngests): code, name and the store flag, to check a pick-up store. */
export function ingestPickupStores(client: PoolClient, page: IngestPage<Pick<ErpWarehouseRecord, 'code' | 'name' | 'isStore'>>): Promise<MergeResult> {
  return mergeRows(
    client,
    PICKUP_STORE_TARGET,
    page.rows.map((w): RowOf<typeof PICKUP_STORE_TARGET> => ({ code: w.code, name: w.name, is_store: w.isStore })),
    page.deletions.map((code) => ({ code })),
  );
}
