/**
 * The catalogue page a shop front asks for: the category tree and one page of products with
 * prices and stock. The catalogue benchmark measures it; tests/operation-limits.test.ts checks
 * that the gateway's default limits leave it well inside them.
 */
export const CATALOGUE_PAGE_QUERY = `query CataloguePage($category: ID, $first: Int!) {
  categories { id code name children { id code name } }
  products(categoryId: $category, first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      id sku name unit
      images { url kind }
      price { amount currency }
      stock { status availableFrom }
      categories { code name }
    } }
  }
}`;

/** The largest page a shop front asks for. */
export const CATALOGUE_PAGE_MAX_FIRST = 100;
