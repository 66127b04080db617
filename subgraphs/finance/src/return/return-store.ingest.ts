import { PoolClient } from 'pg';
import { ErpWarehouseRecord } from '@hub/erp-contract';
import { defineMergeTarget, IngestPage, MergeResult, mergeRows, RowOf } from '@hub/ingest';

export const RETURN_STORE_TARGET = defineMergeTarget({
  schema: 'finance',
  table: 'return_store',
  columns: { code: 'text', name: 'text', is_store: 'boolean' },
  key: ['code'],
  notFromErp: [],
  onDelete: 'delete',
});

/** The finance subgraph's share of the ERP's warehouses (declared with alsoIngests): which are stores that take returns in. */
export function ingestReturnStores(client: PoolClient, page: IngestPage<Pick<ErpWarehouseRecord, 'code' | 'name' | 'isStore'>>): Promise<MergeResult> {
  return mergeRows(
    client,
    RETURN_STORE_TARGET,
    page.rows.map((w): RowOf<typeof RETURN_STORE_TARGET> => ({ code: w.code, name: w.name, is_store: w.isStore })),
    page.deletions.map((code) => ({ code })),
  );
}
