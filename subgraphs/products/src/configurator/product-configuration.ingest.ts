import { PoolClient } from 'pg';
import { erpEntityId } from '@hub/erp-ids';
import { ErpExtensionRecord, ErpProductConfigurationRecord } from '@hub/erp-contract';
import { defineMergeTarget, IngestPage, MergeResult, mergeRows, RowOf } from '@hub/ingest';
import { recordCatalogueChange } from '../catalogue-cache/catalogue-change.repository';

export const PRODUCT_CONFIGURATION_TARGET = defineMergeTarget({
  schema: 'products',
  table: 'product_configuration',
  columns: { sku: 'text', product_id: 'uuid', currency: 'char(3)', options: 'jsonb', rules: 'jsonb', area: 'jsonb', price_per_square_metre: 'numeric' },
  key: ['sku'],
  notFromErp: ['updated_at'],
  onDelete: 'delete',
  onChange: { updated_at: 'now()' },
});

/**
 * The ERP's product configurations (the kind `productConfigurations`), one page merged set-based:
 * a configuration the ERP deletes makes its product an ordinary one again.
 */
export async function ingestProductConfigurations(client: PoolClient, page: IngestPage<ErpExtensionRecord>): Promise<MergeResult> {
  // An extension kind: records without a SKU, currency or options are not configurations the hub can judge.
  const rows = (page.rows as ErpProductConfigurationRecord[]).filter((c) => typeof c.sku === 'string' && c.sku !== '' && /^[A-Z]{3}$/.test(String(c.currency)) && Array.isArray(c.options));
  const result = await mergeRows(
    client,
    PRODUCT_CONFIGURATION_TARGET,
    rows.map((c): RowOf<typeof PRODUCT_CONFIGURATION_TARGET> => ({
      sku: c.sku,
      product_id: erpEntityId('product', c.sku),
      currency: c.currency,
      options: c.options ?? [],
      rules: c.rules ?? [],
      area: c.area ?? null,
      price_per_square_metre: c.pricePerSquareMetre ?? null,
    })),
    page.deletions.map((sku) => ({ sku })),
    { returnChangedKeys: 'product_id' },
  );
  // Product.configurator shows them: the catalogue cache drops the answers showing these items.
  await recordCatalogueChange(client, 'PRICE', result.changedKeys);
  return result;
}
