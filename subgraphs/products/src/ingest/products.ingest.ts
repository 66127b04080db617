import { PoolClient } from 'pg';
import { erpEntityId } from '@hub/erp-ids';
import { ErpCategoryRecord, ErpCustomerRecord, ErpExchangeRateRecord, ErpPriceRecord, ErpProductRecord, ErpStockRecord } from '@hub/erp-contract';
import { IngestPage, MergeResult, mergeRows, MergeTarget, sumResults } from '@hub/ingest';
import { productSearchText } from '../product/product-search';

/**
 * The products subgraph's ingest functions: the only way ERP data enters its tables. Each takes
 * one page of ERP records (and deleted ERP keys) and merges it set-based on the caller's
 * transaction.
 */

const SCHEMA = 'products';

const PRODUCT: MergeTarget = {
  schema: SCHEMA,
  table: 'product',
  columns: [
    { name: 'id', type: 'uuid' },
    { name: 'sku', type: 'text' },
    { name: 'name', type: 'text' },
    { name: 'description', type: 'text' },
    { name: 'unit', type: 'text' },
    { name: 'list_price', type: 'numeric' },
    { name: 'currency', type: 'char(3)' },
    { name: 'min_stock', type: 'numeric' },
    { name: 'active', type: 'boolean' },
    { name: 'search_text', type: 'text' },
    { name: 'specifications', type: 'jsonb' },
    { name: 'images', type: 'jsonb' },
    { name: 'related_skus', type: 'text[]' },
    { name: 'substitute_skus', type: 'text[]' },
    { name: 'web_assortment', type: 'text[]' },
  ],
  key: ['id'],
  // A product deleted in the ERP is retired, not removed: past orders still point at it.
  onDelete: { set: { active: 'false', updated_at: 'now()' } },
  onChange: { updated_at: 'now()' },
};

const PRODUCT_CATEGORY: MergeTarget = {
  schema: SCHEMA,
  table: 'product_category',
  columns: [
    { name: 'product_id', type: 'uuid' },
    { name: 'category_code', type: 'text' },
    { name: 'sku', type: 'text' },
  ],
  key: ['product_id', 'category_code'],
  onDelete: 'delete',
};

export async function ingestProducts(client: PoolClient, page: IngestPage<ErpProductRecord>): Promise<MergeResult> {
  const products = await mergeRows(
    client,
    PRODUCT,
    page.rows.map((p) => [
      erpEntityId('product', p.sku),
      p.sku,
      p.name,
      p.description,
      p.unit,
      p.listPrice,
      p.currency,
      p.minStock,
      p.active,
      productSearchText(p),
      p.specifications ?? [],
      p.images ?? [],
      p.relatedSkus ?? [],
      p.substituteSkus ?? [],
      p.webAssortment ?? null,
    ]),
    page.deletions.map((sku) => [erpEntityId('product', sku)]),
  );
  // Category membership is replaced as a whole for the products in this page.
  const ids = page.rows.map((p) => erpEntityId('product', p.sku));
  if (ids.length > 0) {
    await client.query(
      `delete from products.product_category pc
        using unnest($1::uuid[], $2::text[]) as current(product_id, codes)
        where pc.product_id = current.product_id and not (pc.category_code = any(string_to_array(current.codes, E'\\x1f')))`,
      [ids, page.rows.map((p) => p.categoryCodes.join('\x1f'))],
    );
    await mergeRows(client, PRODUCT_CATEGORY, page.rows.flatMap((p) => p.categoryCodes.map((code) => [erpEntityId('product', p.sku), code, p.sku])));
  }
  return products;
}

const CATEGORY: MergeTarget = {
  schema: SCHEMA,
  table: 'category',
  columns: [
    { name: 'id', type: 'uuid' },
    { name: 'code', type: 'text' },
    { name: 'parent_code', type: 'text' },
    { name: 'name', type: 'text' },
    { name: 'position', type: 'integer' },
  ],
  key: ['id'],
  onDelete: 'delete',
};

export async function ingestCategories(client: PoolClient, page: IngestPage<ErpCategoryRecord>): Promise<MergeResult> {
  const result = await mergeRows(
    client,
    CATEGORY,
    page.rows.map((c) => [erpEntityId('category', c.code), c.code, c.parentCode, c.name, c.position]),
    page.deletions.map((code) => [erpEntityId('category', code)]),
  );
  if (page.deletions.length > 0) {
    await client.query('delete from products.product_category where category_code = any($1::text[])', [page.deletions]);
  }
  return result;
}

const PRICE_RULE: MergeTarget = {
  schema: SCHEMA,
  table: 'price_rule',
  columns: [
    { name: 'key', type: 'text' },
    { name: 'product_id', type: 'uuid' },
    { name: 'sku', type: 'text' },
    { name: 'company_id', type: 'uuid' },
    { name: 'customer_group', type: 'text' },
    { name: 'min_quantity', type: 'numeric' },
    { name: 'price', type: 'numeric' },
    { name: 'currency', type: 'char(3)' },
    { name: 'valid_from', type: 'date' },
    { name: 'valid_to', type: 'date' },
    { name: 'promotion', type: 'boolean' },
  ],
  key: ['key'],
  onDelete: 'delete',
};

export function ingestPrices(client: PoolClient, page: IngestPage<ErpPriceRecord>): Promise<MergeResult> {
  return mergeRows(
    client,
    PRICE_RULE,
    page.rows.map((p) => [
      p.key,
      erpEntityId('product', p.sku),
      p.sku,
      p.customerNumber ? erpEntityId('customer', p.customerNumber) : null,
      p.customerGroup,
      p.minQuantity,
      p.price,
      p.currency,
      p.validFrom,
      p.validTo,
      p.promotion,
    ]),
    page.deletions.map((key) => [key]),
  );
}

const STOCK: MergeTarget = {
  schema: SCHEMA,
  table: 'stock_level',
  columns: [
    { name: 'key', type: 'text' },
    { name: 'warehouse_code', type: 'text' },
    { name: 'warehouse_name', type: 'text' },
    { name: 'product_id', type: 'uuid' },
    { name: 'on_hand', type: 'numeric' },
    { name: 'reserved', type: 'numeric' },
    { name: 'next_receipt_date', type: 'date' },
    { name: 'next_receipt_quantity', type: 'numeric' },
  ],
  key: ['key'],
  onDelete: 'delete',
};

export function ingestStock(client: PoolClient, page: IngestPage<ErpStockRecord>): Promise<MergeResult> {
  return mergeRows(
    client,
    STOCK,
    page.rows.map((s) => [s.key, s.warehouseCode, s.warehouseName, erpEntityId('product', s.sku), s.onHand, s.reserved, s.nextReceiptDate, s.nextReceiptQuantity]),
    page.deletions.map((key) => [key]),
  );
}

const EXCHANGE_RATE: MergeTarget = {
  schema: SCHEMA,
  table: 'exchange_rate',
  columns: [
    { name: 'key', type: 'text' },
    { name: 'from_currency', type: 'char(3)' },
    { name: 'to_currency', type: 'char(3)' },
    { name: 'rate', type: 'numeric' },
    { name: 'rate_date', type: 'date' },
  ],
  key: ['key'],
  onDelete: 'delete',
};

export function ingestExchangeRates(client: PoolClient, page: IngestPage<ErpExchangeRateRecord>): Promise<MergeResult> {
  return mergeRows(
    client,
    EXCHANGE_RATE,
    page.rows.map((r) => [r.key, r.fromCurrency, r.toCurrency, r.rate, r.date]),
    page.deletions.map((key) => [key]),
  );
}

const CUSTOMER_PRICE_PROFILE: MergeTarget = {
  schema: SCHEMA,
  table: 'customer_price_profile',
  columns: [
    { name: 'company_id', type: 'uuid' },
    { name: 'customer_number', type: 'text' },
    { name: 'customer_group', type: 'text' },
    { name: 'currency', type: 'char(3)' },
  ],
  key: ['company_id'],
  onDelete: 'delete',
};

/**
 * The price profile (customer group, currency) of each ERP customer: the second ingest of the
 * `customers` kind, beside the customers subgraph's own.
 */
export function ingestCustomerPriceProfiles(client: PoolClient, page: IngestPage<Pick<ErpCustomerRecord, 'customerNumber' | 'customerGroup' | 'currency'>>): Promise<MergeResult> {
  return mergeRows(
    client,
    CUSTOMER_PRICE_PROFILE,
    page.rows.map((c) => [erpEntityId('customer', c.customerNumber), c.customerNumber, c.customerGroup, c.currency]),
    page.deletions.map((customerNumber) => [erpEntityId('customer', customerNumber)]),
  );
}

export { sumResults };
