import { PoolClient } from 'pg';
import { publishEvents } from '@hub/events';

/**
 * The event finance publishes when an order's documents (invoices, delivery notes) arrive or change;
 * its key is the order id. It feeds `orderStatusChanged` beside the orders subgraph's own topic, so
 * a subscriber watching an order's invoices hears when the invoice comes, not only when the status does.
 */
export const ORDER_DOCUMENTS_CHANGED_TOPIC = 'orderDocumentsChanged';

/** Announces, in the ingest's transaction, the orders of the documents that changed (ids of `table`'s rows). */
export async function publishOrderDocumentsChanged(client: PoolClient, table: 'invoice' | 'delivery_note', documentIds: readonly string[]): Promise<void> {
  if (documentIds.length === 0) return;
  const { rows } = await client.query<{ order_id: string }>(
    `select distinct order_id from finance.${table} where id = any($1::uuid[]) and order_id is not null`,
    [documentIds],
  );
  await publishEvents(client, ORDER_DOCUMENTS_CHANGED_TOPIC, rows.map((r) => r.order_id));
}
