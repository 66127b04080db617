import { PoolClient } from 'pg';
import { ErpCreditNoteRecord, ErpInvoiceRecord, ErpProductRecord } from '@hub/erp-contract';
import { erpEntityId } from '@hub/erp-ids';
import { defineMergeTarget, IngestPage, MergeResult, mergeRows, RowOf } from '@hub/ingest';

export const LOYALTY_PRODUCT_GROUP_TARGET = defineMergeTarget({
  schema: 'orders',
  table: 'loyalty_product_group',
  columns: { sku: 'text', category_codes: 'text[]' },
  key: ['sku'],
  notFromErp: [],
  onDelete: 'delete',
});

/** The orders subgraph's share of the ERP's products (declared with alsoIngests): the groups a SKU is in, for loyalty rules on a product group. */
export function ingestLoyaltyProductGroups(client: PoolClient, page: IngestPage<Pick<ErpProductRecord, 'sku' | 'categoryCodes'>>): Promise<MergeResult> {
  return mergeRows(
    client,
    LOYALTY_PRODUCT_GROUP_TARGET,
    page.rows.map((p): RowOf<typeof LOYALTY_PRODUCT_GROUP_TARGET> => ({ sku: p.sku, category_codes: p.categoryCodes ?? [] })),
    page.deletions.map((sku) => ({ sku })),
  );
}

const nothing = (read: number): MergeResult => ({ read, inserted: 0, updated: 0, deleted: 0, changedKeys: [] });

/**
 * Credits points for invoiced orders (declared with alsoIngests('invoices')), in one statement per
 * page: per invoice, every active PER_QUANTITY rule in force when it was issued gives its points per
 * unit of the order's lines of its SKU or group, every PER_ORDER_VALUE rule in the invoice's currency
 * its points per whole amount of the invoice's value before tax; fractions are dropped. An invoice
 * earns once (its source key), however often the sync brings it again.
 */
export async function creditLoyaltyForInvoices(client: PoolClient, page: IngestPage<Pick<ErpInvoiceRecord, 'invoiceNumber' | 'customerNumber' | 'orderNumber' | 'hubOrderId' | 'issuedAt' | 'currency' | 'netTotal'>>): Promise<MergeResult> {
  const rows = page.rows.filter((i) => i.orderNumber !== null || i.hubOrderId !== null);
  if (rows.length === 0) return nothing(page.rows.length);
  const { rowCount } = await client.query(
    `with inv as (
       select * from unnest($1::text[], $2::uuid[], $3::uuid[], $4::numeric[], $5::text[], $6::timestamptz[]) as i(number, order_id, company_id, net, currency, issued_at)
     ), by_quantity as (
       select i.number, sum(l.quantity * r.points) as points
         from inv i
         join orders.order_line l on l.order_id = i.order_id
         join orders.loyalty_rule r on r.kind = 'PER_QUANTITY' and r.active and r.active_from <= i.issued_at
          and (r.sku = l.sku or (r.product_group is not null and exists (select 1 from orders.loyalty_product_group g where g.sku = l.sku and r.product_group = any(g.category_codes))))
        group by i.number
     ), by_value as (
       select i.number, sum(floor(i.net / r.per_amount) * r.points) as points
         from inv i
         join orders.loyalty_rule r on r.kind = 'PER_ORDER_VALUE' and r.active and r.active_from <= i.issued_at and r.currency = i.currency and i.net > 0
        group by i.number
     ), earned as (
       select i.*, floor(coalesce(q.points, 0) + coalesce(v.points, 0))::int as points
         from inv i left join by_quantity q on q.number = i.number left join by_value v on v.number = i.number
     )
     insert into orders.loyalty_entry (id, company_id, kind, points, source_key, document_number, invoice_number, basis_net, order_id, redemption_id, description, at)
     select gen_random_uuid(), e.company_id, 'EARNED', e.points, 'invoice:' || e.number, e.number, e.number, e.net, e.order_id, null, 'Invoice ' || e.number, e.issued_at
       from earned e where e.points > 0
     on conflict (source_key) do nothing`,
    [
      rows.map((i) => i.invoiceNumber), rows.map((i) => i.hubOrderId ?? erpEntityId('order', i.orderNumber!)), rows.map((i) => erpEntityId('customer', i.customerNumber)),
      rows.map((i) => i.netTotal), rows.map((i) => i.currency), rows.map((i) => i.issuedAt),
    ],
  );
  return { ...nothing(page.rows.length), inserted: rowCount ?? 0 };
}

/**
 * Takes back points for credit notes (declared with alsoIngests('creditNotes')): the credit note's
 * share of the invoice's value before tax, of the points that invoice earned, rounded, and never
 * more than the invoice's points not yet taken back. Each credit note counts once.
 */
export async function reverseLoyaltyForCreditNotes(client: PoolClient, page: IngestPage<Pick<ErpCreditNoteRecord, 'creditNoteNumber' | 'invoiceNumber' | 'issuedAt' | 'netTotal'>>): Promise<MergeResult> {
  const rows = page.rows.filter((c) => c.invoiceNumber !== null);
  if (rows.length === 0) return nothing(page.rows.length);
  const { rowCount } = await client.query(
    `with cn as (
       select * from unnest($1::text[], $2::text[], $3::numeric[], $4::timestamptz[]) as c(number, invoice_number, net, issued_at)
     ), share as (
       select c.number, c.issued_at, e.company_id, e.order_id, e.invoice_number,
              least(round(e.points * least(c.net / nullif(e.basis_net, 0), 1)),
                    e.points + coalesce((select sum(r.points) from orders.loyalty_entry r where r.kind = 'REVERSED' and r.invoice_number = e.invoice_number), 0))::int as points
         from cn c join orders.loyalty_entry e on e.source_key = 'invoice:' || c.invoice_number
        where not exists (select 1 from orders.loyalty_entry x where x.source_key = 'creditNote:' || c.number)
     )
     insert into orders.loyalty_entry (id, company_id, kind, points, source_key, document_number, invoice_number, basis_net, order_id, redemption_id, description, at)
     select gen_random_uuid(), s.company_id, 'REVERSED', -s.points, 'creditNote:' || s.number, s.number, s.invoice_number, null, s.order_id, null, 'Credit note ' || s.number, s.issued_at
       from share s where s.points > 0
     on conflict (source_key) do nothing`,
    [rows.map((c) => c.creditNoteNumber), rows.map((c) => c.invoiceNumber), rows.map((c) => c.netTotal), rows.map((c) => c.issuedAt)],
  );
  return { ...nothing(page.rows.length), inserted: rowCount ?? 0 };
}
