/**
 * What one request's answer was made of, recorded by the services while it resolves: the products
 * it shows, whether it is a page of the catalogue (which any change to the items can reorder, fill
 * or empty), whether that page was filtered by stock, and which kinds of staff's hub texts it used
 * (no sync reports their edits: the cache compares them when it answers). The catalogue cache keeps
 * the answer under these.
 */
export class CatalogueTrace {
  readonly productIds = new Set<string>();
  list = false;
  stockSensitive = false;
  readonly textKinds = new Set<string>();

  sawProducts(ids: Iterable<string>): void {
    for (const id of ids) this.productIds.add(id);
  }

  sawPage(filteredByStock: boolean): void {
    this.list = true;
    if (filteredByStock) this.stockSensitive = true;
  }

  /** The answer used staff's hub texts of this kind (category names, say). */
  sawTexts(kind: string): void {
    this.textKinds.add(kind);
  }
}
