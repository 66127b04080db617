import { PoolClient } from 'pg';
import { erpEntityId } from '@hub/erp-ids';
import { ErpCategoryRecord, ErpCustomerRecord, ErpExchangeRateRecord, ErpPriceRecord, ErpProductRecord, ErpStockRecord, ErpWarehouseRecord } from '@hub/erp-contract';
import { defineMergeTarget, IngestPage, MergeResult, mergeRows, RowOf, sumResults } from '@hub/ingest';
import { productSearchText } from '../product/product-search';
import { recordCatalogueChange, recordCatalogueChangeOf, recordEverythingChangedIf } from '../catalogue-cache/catalogue-change.repository';

/**
 * The products subgraph's ingest functions: the only way ERP data enters its tables. Each takes
 * one page of ERP records (and deleted ERP keys) and merges it set-based on the caller's
 * transaction.
 */

const SCHEMA = 'products';

export const PRODUCT_TARGET = defineMergeTarget({
  schema: SCHEMA,
  table: 'product',
  columns: {
    id: 'uuid',
    sku: 'text',
    name: 'text',
    description: 'text',
    unit: 'text',
    list_price: 'numeric',
    currency: 'char(3)',
    min_stock: 'numeric',
    min_order_quantity: 'numeric',
    warranty_months: 'integer',
    active: 'boolean',
    search_text: 'text',
    specifications: 'jsonb',
    translations: 'jsonb',
    images: 'jsonb',
    related_skus: 'text[]',
    substitute_skus: 'text[]',
    web_assortment: 'text[]',
  },
  key: ['id'],
  // Set by the merge itself (default now(), onChange, onDelete).
  notFromErp: ['updated_at'],
  // A product deleted in the ERP is retired, not removed: past orders still point at it.
  onDelete: { set: { active: 'false', updated_at: 'now()' } },
  onChange: { updated_at: 'now()' },
});

/** Languages are ISO 639-1 codes in lower case; an entry without a name is not a translation. */
function productTranslationsOf(p: ErpProductRecord): Record<string, { name: string; description: string | null }> {
  const out: Record<string, { name: string; description: string | null }> = {};
  for (const [language, t] of Object.entries(p.translations ?? {})) {
    const code = language.toLowerCase();
    if (/^[a-z]{2}$/.test(code) && t && typeof t.name === 'string' && t.name.trim()) out[code] = { name: t.name, description: t.description ?? null };
  }
  return out;
}

export const PRODUCT_CATEGORY_TARGET = defineMergeTarget({
  schema: SCHEMA,
  table: 'product_category',
  columns: { product_id: 'uuid', category_code: 'text', sku: 'text' },
  key: ['product_id', 'category_code'],
  notFromErp: [],
  onDelete: 'delete',
});

export async function ingestProducts(client: PoolClient, page: IngestPage<ErpProductRecord>): Promise<MergeResult> {
  const products = await mergeRows(
    client,
    PRODUCT_TARGET,
    page.rows.map(
      (p): RowOf<typeof PRODUCT_TARGET> => ({
        id: erpEntityId('product', p.sku),
        sku: p.sku,
        name: p.name,
        description: p.description,
        unit: p.unit,
        list_price: p.listPrice,
        currency: p.currency,
        min_stock: p.minStock,
        min_order_quantity: p.minOrderQuantity ?? '1',
        // Whole months or none: anything else the ERP sends is no warranty the hub can count.
        warranty_months: Number.isInteger(p.warrantyMonths) && p.warrantyMonths! > 0 ? p.warrantyMonths! : null,
        active: p.active,
        search_text: productSearchText({ ...p, translations: productTranslationsOf(p) }),
        specifications: p.specifications ?? [],
        translations: productTranslationsOf(p),
        images: p.images ?? [],
        related_skus: p.relatedSkus ?? [],
        substitute_skus: p.substituteSkus ?? [],
        web_assortment: p.webAssortment ?? null,
      }),
    ),
    page.deletions.map((sku) => ({ id: erpEntityId('product', sku) })),
    { returnChangedKeys: true },
  );
  const changed = [...products.changedKeys];
  // Category membership is replaced as a whole for the products in this page.
  const ids = page.rows.map((p) => erpEntityId('product', p.sku));
  if (ids.length > 0) {
    const left = await client.query<{ product_id: string }>(
      `delete from products.product_category pc
        using unnest($1::uuid[], $2::text[]) as current(product_id, codes)
        where pc.product_id = current.product_id and not (pc.category_code = any(string_to_array(current.codes, E'\\x1f')))
        returning pc.product_id::text`,
      [ids, page.rows.map((p) => p.categoryCodes.join('\x1f'))],
    );
    const joined = await mergeRows(
      client,
      PRODUCT_CATEGORY_TARGET,
      page.rows.flatMap((p) => p.categoryCodes.map((code): RowOf<typeof PRODUCT_CATEGORY_TARGET> => ({ product_id: erpEntityId('product', p.sku), category_code: code, sku: p.sku }))),
      [],
      { returnChangedKeys: true },
    );
    changed.push(...left.rows.map((r) => r.product_id), ...joined.changedKeys);
  }
  // The catalogue cache drops what showed these items, and every page (items may enter, leave or move).
  await recordCatalogueChange(client, 'PRODUCT', changed);
  return products;
}

export const CATEGORY_TARGET = defineMergeTarget({
  schema: SCHEMA,
  table: 'category',
  columns: { id: 'uuid', code: 'text', parent_code: 'text', name: 'text', position: 'integer' },
  key: ['id'],
  notFromErp: [],
  onDelete: 'delete',
});

export async function ingestCategories(client: PoolClient, page: IngestPage<ErpCategoryRecord>): Promise<MergeResult> {
  const result = await mergeRows(
    client,
    CATEGORY_TARGET,
    page.rows.map((c): RowOf<typeof CATEGORY_TARGET> => ({ id: erpEntityId('category', c.code), code: c.code, parent_code: c.parentCode, name: c.name, position: c.position })),
    page.deletions.map((code) => ({ id: erpEntityId('category', code) })),
  );
  if (page.deletions.length > 0) {
    await client.query('delete from products.product_category where category_code = any($1::text[])', [page.deletions]);
  }
  // Category trees and names are in many answers: the catalogue cache starts over.
  await recordEverythingChangedIf(client, result);
  return result;
}

export const PRICE_RULE_TARGET = defineMergeTarget({
  schema: SCHEMA,
  table: 'price_rule',
  columns: {
    key: 'text',
    product_id: 'uuid',
    sku: 'text',
    company_id: 'uuid',
    customer_group: 'text',
    min_quantity: 'numeric',
    price: 'numeric',
    currency: 'char(3)',
    valid_from: 'date',
    valid_to: 'date',
    promotion: 'boolean',
  },
  key: ['key'],
  notFromErp: [],
  onDelete: 'delete',
});

/** The price_rule row of an ERP price (also what the sync benchmark's baseline loads). */
export function priceRuleRow(p: ErpPriceRecord): RowOf<typeof PRICE_RULE_TARGET> {
  return {
    key: p.key,
    product_id: erpEntityId('product', p.sku),
    sku: p.sku,
    company_id: p.customerNumber ? erpEntityId('customer', p.customerNumber) : null,
    customer_group: p.customerGroup,
    min_quantity: p.minQuantity,
    price: p.price,
    currency: p.currency,
    valid_from: p.validFrom,
    valid_to: p.validTo,
    promotion: p.promotion,
  };
}

export async function ingestPrices(client: PoolClient, page: IngestPage<ErpPriceRecord>): Promise<MergeResult> {
  const result = await mergeRows(client, PRICE_RULE_TARGET, page.rows.map(priceRuleRow), page.deletions.map((key) => ({ key })), { returnChangedKeys: !page.full && 'product_id' });
  // The catalogue cache drops the answers showing these items' prices (all of them after a full pull).
  await recordCatalogueChangeOf(client, page, 'PRICE', result);
  return result;
}

export const STOCK_LEVEL_TARGET = defineMergeTarget({
  schema: SCHEMA,
  table: 'stock_level',
  columns: {
    key: 'text',
    warehouse_code: 'text',
    warehouse_name: 'text',
    product_id: 'uuid',
    on_hand: 'numeric',
    reserved: 'numeric',
    next_receipt_date: 'date',
    next_receipt_quantity: 'numeric',
  },
  key: ['key'],
  notFromErp: [],
  onDelete: 'delete',
});

export async function ingestStock(client: PoolClient, page: IngestPage<ErpStockRecord>): Promise<MergeResult> {
  const result = await mergeRows(
    client,
    STOCK_LEVEL_TARGET,
    page.rows.map(
      (s): RowOf<typeof STOCK_LEVEL_TARGET> => ({
        key: s.key,
        warehouse_code: s.warehouseCode,
        warehouse_name: s.warehouseName,
        product_id: erpEntityId('product', s.sku),
        on_hand: s.onHand,
        reserved: s.reserved,
        next_receipt_date: s.nextReceiptDate,
        next_receipt_quantity: s.nextReceiptQuantity,
      }),
    ),
    page.deletions.map((key) => ({ key })),
    { returnChangedKeys: !page.full && 'product_id' },
  );
  // The catalogue cache drops the answers showing these items' stock, and pages filtered by stock (all of them after a full pull).
  await recordCatalogueChangeOf(client, page, 'STOCK', result);
  return result;
}

export const WAREHOUSE_TARGET = defineMergeTarget({
  schema: SCHEMA,
  table: 'warehouse',
  columns: { code: 'text', name: 'text', is_store: 'boolean', street: 'text', postal_code: 'text', city: 'text', country: 'char(2)', phone: 'text', opening_hours: 'jsonb' },
  key: ['code'],
  notFromErp: [],
  onDelete: 'delete',
});

/** The ERP's warehouses; those flagged as stores are the pick-up points (`stores`). */
export async function ingestWarehouses(client: PoolClient, page: IngestPage<ErpWarehouseRecord>): Promise<MergeResult> {
  const result = await mergeRows(
    client,
    WAREHOUSE_TARGET,
    page.rows.map((w): RowOf<typeof WAREHOUSE_TARGET> => ({
      code: w.code, name: w.name, is_store: w.isStore, street: w.address?.street ?? null, postal_code: w.address?.postalCode ?? null,
      city: w.address?.city ?? null, country: w.address?.country ?? null, phone: w.phone, opening_hours: w.openingHours ?? [],
    })),
    page.deletions.map((code) => ({ code })),
  );
  // Rare, and warehouses name the stock in answers: the catalogue cache starts over.
  await recordEverythingChangedIf(client, result);
  return result;
}

export const EXCHANGE_RATE_TARGET = defineMergeTarget({
  schema: SCHEMA,
  table: 'exchange_rate',
  columns: { key: 'text', from_currency: 'char(3)', to_currency: 'char(3)', rate: 'numeric', rate_date: 'date' },
  key: ['key'],
  notFromErp: [],
  onDelete: 'delete',
});

export async function ingestExchangeRates(client: PoolClient, page: IngestPage<ErpExchangeRateRecord>): Promise<MergeResult> {
  const result = await mergeRows(
    client,
    EXCHANGE_RATE_TARGET,
    page.rows.map((r): RowOf<typeof EXCHANGE_RATE_TARGET> => ({ key: r.key, from_currency: r.fromCurrency, to_currency: r.toCurrency, rate: r.rate, rate_date: r.date })),
    page.deletions.map((key) => ({ key })),
  );
  // A rate converts every price in another currency: the catalogue cache starts over.
  await recordEverythingChangedIf(client, result);
  return result;
}

export const CUSTOMER_PRICE_PROFILE_TARGET = defineMergeTarget({
  schema: SCHEMA,
  table: 'customer_price_profile',
  columns: { company_id: 'uuid', customer_number: 'text', customer_group: 'text', currency: 'char(3)', country: 'char(2)' },
  key: ['company_id'],
  notFromErp: [],
  onDelete: 'delete',
});

/**
 * The price profile (customer group, currency) of each ERP customer: the second ingest of the
 * `customers` kind, beside the customers subgraph's own.
 */
export function ingestCustomerPriceProfiles(client: PoolClient, page: IngestPage<Pick<ErpCustomerRecord, 'customerNumber' | 'customerGroup' | 'currency'> & { country?: string | null }>): Promise<MergeResult> {
  return mergeRows(
    client,
    CUSTOMER_PRICE_PROFILE_TARGET,
    page.rows.map(
      (c): RowOf<typeof CUSTOMER_PRICE_PROFILE_TARGET> => ({
        company_id: erpEntityId('customer', c.customerNumber),
        customer_number: c.customerNumber,
        customer_group: c.customerGroup,
        currency: c.currency,
        country: c.country ? c.country.toUpperCase().slice(0, 2) : null,
      }),
    ),
    page.deletions.map((customerNumber) => ({ company_id: erpEntityId('customer', customerNumber) })),
  );
}

export { sumResults };
