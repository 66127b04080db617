/**
 * What one request's answer was made of, recorded by the services while it resolves: the products
 * it shows, whether it is a page of the catalogue (which any change to the items can reorder, fill
 * or empty), whether that page was filtered by stock, and whether it used anything the catalogue
 * cache cannot see change (staff's hub texts). The catalogue cache keeps the answer under these.
 */
export class CatalogueTrace {
  readonly productIds = new Set<string>();
  list = false;
  stockSensitive = false;
  uncacheable = false;

  sawProducts(ids: Iterable<string>): void {
    for (const id of ids) this.productIds.add(id);
  }

  sawPage(filteredByStock: boolean): void {
    this.list = true;
    if (filteredByStock) this.stockSensitive = true;
  }

  /** The answer used something no catalogue change set reports (staff's texts): it is not kept. */
  sawUntracked(): void {
    this.uncacheable = true;
  }
}
