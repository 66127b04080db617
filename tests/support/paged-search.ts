import { client } from './hub-client';

/**
 * The search catalog.test.ts pages through, checking it for gaps, repeats and order. Other test
 * files change products in the shared demo ERP meanwhile (a list price, a deletion); a product
 * this search finds would move between its pages, so those files change one it does not find.
 */
export const PAGED_SEARCH = 'steel';

/** The first of these products the paged search does not find. */
export async function outsidePagedSearch<T extends { sku: string }>(candidates: readonly T[]): Promise<T> {
  const found = new Set<string>();
  for (let after: string | null = null; ; ) {
    const { products }: { products: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: { sku: string } }> } } = await client().request(
      'query($s: String, $after: String) { products(search: $s, first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { sku } } } }', { s: PAGED_SEARCH, after });
    for (const e of products.edges) found.add(e.node.sku);
    if (!products.pageInfo.hasNextPage) break;
    after = products.pageInfo.endCursor;
  }
  const outside = candidates.find((p) => !found.has(p.sku));
  if (!outside) throw new Error(`every candidate is found by the search "${PAGED_SEARCH}"`);
  return outside;
}
