import { Entity, Index, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

export interface ProductSpecification {
  name: string;
  value: string;
  unit?: string | null;
}

/** The ERP's name and description in another language. */
export interface ProductTranslation {
  name: string;
  description?: string | null;
}

export interface ProductImage {
  url: string;
  /** PHOTO or DIAGRAM. */
  kind: string;
  caption?: string | null;
}

/** A sellable item. Everything here is ERP-owned and synchronised in. */
@Entity({ tableName: 'product' })
@Index({ name: 'product_search_text_trgm', expression: 'create index "product_search_text_trgm" on "products"."product" using gin ("search_text" public.gin_trgm_ops)' })
@Index({ name: 'product_web_assortment_gin', expression: 'create index "product_web_assortment_gin" on "products"."product" using gin ("web_assortment")' })
@Index({ properties: ['active', 'sku'] })
export class ProductEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text', unique: true })
  sku: string;

  @Index()
  @Property({ type: 'text' })
  name: string;

  @Property({ type: 'text' })
  description: string;

  /** The sales unit ("box of 100", "piece"). */
  @Property({ type: 'text' })
  unit: string;

  @Property({ type: 'decimal', precision: 14, scale: 4 })
  listPrice: string;

  @Property({ type: 'character', length: 3 })
  currency: string;

  /**
   * Accent-folded, lower-case text of SKU (also without separators), name, description and
   * specifications, written by the ingest (see `productSearchText`); searched with a trigram index.
   */
  @Property({ type: 'text', default: '', lazy: false })
  searchText: string & Opt = '';

  /**
   * The ERP's texts in other languages, by ISO 639-1 code ({"sv": {name, description}}). One column
   * on the product row, so the catalogue page reads them without a join; searched through search_text.
   */
  @Property({ type: 'jsonb', default: '{}' })
  translations: Record<string, ProductTranslation> & Opt = {};

  @Property({ type: 'jsonb', default: '[]' })
  specifications: ProductSpecification[] & Opt = [];

  @Property({ type: 'jsonb', default: '[]' })
  images: ProductImage[] & Opt = [];

  @Property({ type: 'text[]', default: '{}' })
  relatedSkus: string[] & Opt = [];

  @Property({ type: 'text[]', default: '{}' })
  substituteSkus: string[] & Opt = [];

  /**
   * Who sees the item on the web: null = everyone (the public shop and every customer group);
   * otherwise the audiences listed: 'PUBLIC' (anonymous visitors), 'CUSTOMERS' (every signed-in
   * company) or a customer group code. An empty list keeps the item off the web.
   */
  @Property({ type: 'text[]', nullable: true })
  webAssortment: string[] | null = null;

  /** Below this the traffic-light stock display turns amber. */
  @Property({ type: 'decimal', precision: 14, scale: 3, default: '0' })
  minStock: string & Opt = '0';

  /** The smallest quantity one order line may have (the ERP's order minimum). */
  @Property({ type: 'decimal', precision: 14, scale: 3, default: '1' })
  minOrderQuantity: string & Opt = '1';

  /** The manufacturer's warranty in months (the ERP's); null: none, or an ERP that keeps none. */
  @Property({ type: 'integer', nullable: true })
  warrantyMonths: number | null = null;

  /** False once the ERP deleted the item: kept for order history, hidden from the catalogue. */
  @Property({ type: 'boolean' })
  active: boolean & Opt = true;

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}
