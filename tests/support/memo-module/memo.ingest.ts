import { PoolClient } from 'pg';
import { ErpExtensionRecord } from '@hub/erp-contract';
import { erpEntityId } from '@hub/erp-ids';
import { publishEvents } from '@hub/events';
import { IngestPage, MergeResult } from '@hub/ingest';

export const MEMO_PUBLISHED_TOPIC = 'memoPublished';

/** The `memos` kind: { key, customerNumber, text, publishedAt } records, merged set-based; new and changed memos are announced. */
export async function ingestMemos(client: PoolClient, page: IngestPage<ErpExtensionRecord>): Promise<MergeResult> {
  const rows = page.rows.map((r) => ({
    id: erpEntityId('memo', String(r.key)), key: String(r.key), company: erpEntityId('customer', String(r.customerNumber)), text: String(r.text), at: String(r.publishedAt),
  }));
  const merged = await client.query<{ id: string; inserted: boolean }>(
    `insert into memos.memo as m (id, erp_key, company_id, text, published_at)
       select * from unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::timestamptz[])
     on conflict (id) do update set company_id = excluded.company_id, text = excluded.text, published_at = excluded.published_at
       where (m.company_id, m.text, m.published_at) is distinct from (excluded.company_id, excluded.text, excluded.published_at)
     returning m.id, (xmax = 0) as inserted`,
    [rows.map((r) => r.id), rows.map((r) => r.key), rows.map((r) => r.company), rows.map((r) => r.text), rows.map((r) => r.at)],
  );
  const deleted = await client.query<{ id: string }>('delete from memos.memo where erp_key = any($1::text[]) returning id', [page.deletions]);
  const changedKeys = merged.rows.map((r) => r.id);
  await publishEvents(client, MEMO_PUBLISHED_TOPIC, changedKeys);
  return {
    read: page.rows.length + page.deletions.length,
    inserted: merged.rows.filter((r) => r.inserted).length,
    updated: merged.rows.filter((r) => !r.inserted).length,
    deleted: deleted.rowCount ?? 0,
    changedKeys: [...changedKeys, ...deleted.rows.map((r) => r.id)],
  };
}
