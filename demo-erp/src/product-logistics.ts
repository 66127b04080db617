import { ErpProductRecord } from '@hub/erp-contract';

/**
 * Weight, volume and expected packing of one sales unit per product family, as the ERP's item
 * master has them (for delivery costs, O12): kg, m³, sales units per parcel and per pallet (null:
 * not shipped that way, e.g. steel bars and windows travel on pallets only).
 */
const FAMILY_LOGISTICS: Record<string, [weightKg: string, volumeM3: string, unitsPerParcel: number | null, unitsPerPallet: number | null]> = {
  HB: ['1.800', '0.0015', 12, 480], WS: ['1.100', '0.0012', 20, 800], AN: ['1.400', '0.0010', 16, 640],
  CD: ['2.600', '0.0090', 4, 120], AG: ['3.100', '0.0080', 4, 120], BT: ['0.700', '0.0010', 10, 400],
  ST: ['19.500', '0.0100', null, 60], TB: ['16.000', '0.0200', null, 50],
  SL: ['0.400', '0.0004', 24, 1200], PF: ['0.900', '0.0015', 12, 720], TA: ['25.000', '0.0160', 1, 48],
  GL: ['0.100', '0.0003', 60, 3000], SB: ['1.500', '0.0120', 6, 180], HV: ['0.150', '0.0005', 40, 2000],
  CB: ['9.000', '0.0250', 2, 40], SW: ['0.100', '0.0002', 50, 2500], LD: ['2.800', '0.0200', 4, 100],
  DB: ['0.900', '0.0010', 20, 800], SA: ['0.600', '0.0012', 20, 800], CT: ['0.500', '0.0005', 25, 1000],
  WI: ['38.000', '0.2500', null, 8], DO: ['65.000', '0.5000', null, 4],
};

/** The logistics fields of an item by its SKU's family (absent: the ERP does not know them). */
export function logisticsOf(sku: string): Pick<ErpProductRecord, 'weightKg' | 'volumeM3' | 'unitsPerParcel' | 'unitsPerPallet'> {
  const l = FAMILY_LOGISTICS[sku.slice(0, 2)];
  return l ? { weightKg: l[0], volumeM3: l[1], unitsPerParcel: l[2], unitsPerPallet: l[3] } : {};
}
