import { PoolClient } from 'pg';
import { erpEntityId } from '@hub/erp-ids';
import { ErpCustomerRecord, ErpProductRecord } from '@hub/erp-contract';
import { defineMergeTarget, IngestPage, MergeResult, mergeRows, RowOf } from '@hub/ingest';

export const PRODUCT_LOGISTICS_TARGET = defineMergeTarget({
  schema: 'orders',
  table: 'product_logistics',
  columns: { product_id: 'uuid', sku: 'text', weight_kg: 'numeric', volume_m3: 'numeric', units_per_parcel: 'integer', units_per_pallet: 'integer' },
  key: ['product_id'],
  notFromErp: [],
  onDelete: 'delete',
});

const DECIMAL = /^\d{1,9}(\.\d{1,6})?$/;
const decimalOrNull = (v: string | null | undefined) => (typeof v === 'string' && DECIMAL.test(v) ? v : null);
const countOrNull = (v: number | null | undefined) => (Number.isInteger(v) && v! > 0 ? v! : null);

/**
 * The orders subgraph's share of the ERP's items (declared with alsoIngests of `products`): weight,
 * volume and packing for delivery costs. Values the hub cannot count with are kept as unknown.
 */
export function ingestProductLogistics(client: PoolClient, page: IngestPage<Pick<ErpProductRecord, 'sku' | 'weightKg' | 'volumeM3' | 'unitsPerParcel' | 'unitsPerPallet'>>): Promise<MergeResult> {
  return mergeRows(
    client,
    PRODUCT_LOGISTICS_TARGET,
    page.rows.map((p): RowOf<typeof PRODUCT_LOGISTICS_TARGET> => ({
      product_id: erpEntityId('product', p.sku),
      sku: p.sku,
      weight_kg: decimalOrNull(p.weightKg),
      volume_m3: decimalOrNull(p.volumeM3),
      units_per_parcel: countOrNull(p.unitsPerParcel),
      units_per_pallet: countOrNull(p.unitsPerPallet),
    })),
    page.deletions.map((sku) => ({ product_id: erpEntityId('product', sku) })),
  );
}

export const DELIVERY_DESTINATION_TARGET = defineMergeTarget({
  schema: 'orders',
  table: 'delivery_destination',
  columns: { company_id: 'uuid', country: 'char(2)', address_countries: 'jsonb' },
  key: ['company_id'],
  notFromErp: [],
  onDelete: 'delete',
});

/** The countries each company's goods go to (declared with alsoIngests of `customers`): its own and each delivery address's. */
export function ingestDeliveryDestinations(client: PoolClient, page: IngestPage<Pick<ErpCustomerRecord, 'customerNumber' | 'country' | 'deliveryAddresses'>>): Promise<MergeResult> {
  return mergeRows(
    client,
    DELIVERY_DESTINATION_TARGET,
    page.rows.map((c): RowOf<typeof DELIVERY_DESTINATION_TARGET> => ({
      company_id: erpEntityId('customer', c.customerNumber),
      country: c.country.toUpperCase().slice(0, 2),
      address_countries: Object.fromEntries((c.deliveryAddresses ?? []).map((a) => [a.code, (a.country || c.country).toUpperCase().slice(0, 2)])),
    })),
    page.deletions.map((customerNumber) => ({ company_id: erpEntityId('customer', customerNumber) })),
  );
}
