import { EntityManager } from '@mikro-orm/postgresql';
import { executePrepared } from '@hub/database';
import { MinimumData, RateData, UnitLogistics } from './delivery-cost.rules';

/** A PostgreSQL array literal of plain values (ids). */
function pgArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

/** What a delivery quote needs, read in one statement. */
export interface DeliveryFacts {
  logistics: Map<string, UnitLogistics>;
  rates: RateData[];
  minimums: MinimumData[];
  destination: { country: string; addressCountries: Record<string, string> } | null;
}

export type DeliveryFactsRow = { logistics: any[] | null; rates: any[] | null; minimums: any[] | null; destination: any | null };

/**
 * What a delivery quote needs as four columns (logistics, rates, minimums, destination), for
 * statements that read it with more: `productIds` is the SQL of the products' uuid[]; the
 * parameters are, in order, its own, the company's id, its own again, the company's id again.
 */
export function deliveryFactsColumns(productIds: string): string {
  return `
     (select json_agg(json_build_object('productId', product_id, 'weightKg', weight_kg::text, 'volumeM3', volume_m3::text, 'unitsPerParcel', units_per_parcel, 'unitsPerPallet', units_per_pallet))
        from orders.product_logistics where product_id = any(${productIds})) as logistics,
     (select json_agg(json_build_object('id', id, 'method', method, 'country', country, 'maxWeightKg', max_weight_kg::text, 'maxVolumeM3', max_volume_m3::text,
             'baseCost', base_cost::text, 'costPerParcel', cost_per_parcel::text, 'costPerPallet', cost_per_pallet::text, 'currency', currency, 'freeFrom', free_from::text))
        from orders.delivery_rate) as rates,
     (select json_agg(json_build_object('companyId', company_id, 'productId', product_id, 'minOrderValue', min_order_value::text, 'minQuantity', min_quantity::text, 'surcharge', surcharge::text, 'currency', currency))
        from orders.logistic_minimum where scope = 'DEFAULT' or company_id = ?::uuid or product_id = any(${productIds})) as minimums,
     (select json_build_object('country', country, 'addressCountries', address_countries) from orders.delivery_destination where company_id = ?::uuid) as destination`;
}

export function deliveryFactsFromRow(row: DeliveryFactsRow): DeliveryFacts {
  return {
    logistics: new Map((row.logistics ?? []).map((l) => [l.productId, { weightKg: l.weightKg, volumeM3: l.volumeM3, unitsPerParcel: l.unitsPerParcel, unitsPerPallet: l.unitsPerPallet }])),
    rates: row.rates ?? [],
    minimums: row.minimums ?? [],
    destination: row.destination ? { country: String(row.destination.country).trim(), addressCountries: row.destination.addressCountries ?? {} } : null,
  };
}

/**
 * Reads for delivery costs (O12): the packing data of the products, the transport rules for a
 * (staff keep a handful: all of them), the logistic minimums that may apply (the default,
 * the company's, the products') and the company's destinations, in one statement.
 */
export class DeliveryCostRepository {
  constructor(private readonly em: EntityManager) {}

  async facts(productIds: readonly string[], companyId: string | null): Promise<DeliveryFacts> {
    const [row] = await executePrepared<DeliveryFactsRow>(this.em, `select ${deliveryFactsColumns('?::uuid[]')}`, [pgArray(productIds), companyId, pgArray(productIds), companyId]);
    return deliveryFactsFromRow(row);
  }
}
