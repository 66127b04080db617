import { PoolClient } from 'pg';
import { ErpCategoryRecord, ErpProductRecord } from '@hub/erp-contract';
import { erpEntityId } from '@hub/erp-ids';
import { IngestPage, MergeResult } from '@hub/ingest';

/** Keeps each product's SKU and name (the products subgraph owns the product; this is the part purchasing names). */
export async function ingestProductSkus(client: PoolClient, page: IngestPage<ErpProductRecord>): Promise<MergeResult> {
  const rows = page.rows.map((p) => ({ product_id: erpEntityId('product', p.sku), sku: p.sku, name: p.name }));
  let changed = 0;
  if (rows.length) {
    const result = await client.query(
      `insert into suppliers.product_sku (product_id, sku, name)
       select r.product_id, r.sku, r.name from jsonb_to_recordset($1::jsonb) as r(product_id uuid, sku text, name text)
       on conflict (product_id) do update set sku = excluded.sku, name = excluded.name
        where product_sku.sku is distinct from excluded.sku or product_sku.name is distinct from excluded.name`,
      [JSON.stringify(rows)],
    );
    changed = result.rowCount ?? 0;
  }
  // A deleted item stays known by its SKU: purchase orders placed for it still name it.
  return { read: page.rows.length, inserted: 0, updated: changed, deleted: 0, changedKeys: [] };
}

/** Keeps the ERP's category codes and names: the product groups a supplier may be made to drop-ship. */
export async function ingestProductGroups(client: PoolClient, page: IngestPage<ErpCategoryRecord>): Promise<MergeResult> {
  const rows = page.rows.map((c) => ({ code: c.code, name: c.name }));
  let changed = 0;
  if (rows.length) {
    const result = await client.query(
      `insert into suppliers.product_group (code, name)
       select r.code, r.name from jsonb_to_recordset($1::jsonb) as r(code text, name text)
       on conflict (code) do update set name = excluded.name where product_group.name is distinct from excluded.name`,
      [JSON.stringify(rows)],
    );
    changed = result.rowCount ?? 0;
  }
  let deleted = 0;
  if (page.deletions.length) {
    deleted = (await client.query(`delete from suppliers.product_group where code = any($1::text[])`, [page.deletions])).rowCount ?? 0;
  }
  return { read: page.rows.length, inserted: 0, updated: changed, deleted, changedKeys: [] };
}
