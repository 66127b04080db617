import { PoolClient } from 'pg';
import { NewsletterProduct } from '@hub/subgraph-kit';

/** Catalogue items by id for a newsletter (declared as the module's `newsletterProducts`); unknown ids are absent. */
export async function readNewsletterProducts(client: PoolClient, productIds: readonly string[]): Promise<NewsletterProduct[]> {
  if (productIds.length === 0) return [];
  const { rows } = await client.query(
    `select id, sku, name, list_price, currency, active from products.product where id = any($1::uuid[])`,
    [productIds],
  );
  return rows.map((r) => ({ id: r.id, sku: r.sku, name: r.name, listPrice: String(r.list_price), currency: String(r.currency).trim(), active: r.active }));
}
