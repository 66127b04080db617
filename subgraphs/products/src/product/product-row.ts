import { ProductEntity } from './product.entity';

/**
 * Catalogue reads skip the ORM's entity hydration (identity map, change tracking): a page only
 * reads, and plain rows cost a fraction of managed entities on the hot path. These helpers turn
 * a `select p.*` row into the same shape as ProductEntity.
 */
export function productFromRow(row: Record<string, any>): ProductEntity {
  return {
    id: row.id,
    sku: row.sku,
    name: row.name,
    description: row.description,
    unit: row.unit,
    listPrice: row.list_price,
    currency: row.currency,
    searchText: row.search_text,
    specifications: row.specifications ?? [],
    translations: row.translations ?? {},
    images: row.images ?? [],
    relatedSkus: row.related_skus ?? [],
    substituteSkus: row.substitute_skus ?? [],
    webAssortment: row.web_assortment ?? null,
    minStock: row.min_stock,
    minOrderQuantity: row.min_order_quantity,
    warrantyMonths: row.warranty_months ?? null,
    active: row.active,
    updatedAt: row.updated_at,
  } as ProductEntity;
}

/** The columns a catalogue page needs (not the search text). */
export const PRODUCT_COLUMNS =
  'p.id, p.sku, p.name, p.description, p.translations, p.unit, p.list_price, p.currency, p.specifications, p.images, p.related_skus, p.substitute_skus, p.web_assortment, p.min_stock, p.min_order_quantity, p.warranty_months, p.active, p.updated_at';
