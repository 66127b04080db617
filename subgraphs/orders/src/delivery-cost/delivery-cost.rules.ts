import { Decimal } from '@hub/money';

/** Weight, volume and packing of one sales unit (a ProductLogisticsEntity fits); null fields: unknown. */
export interface UnitLogistics {
  weightKg: string | null;
  volumeM3: string | null;
  unitsPerParcel: number | null;
  unitsPerPallet: number | null;
}

export interface PackingLine {
  sku: string;
  quantity: Decimal;
  logistics: UnitLogistics | null;
}

export interface PackingEstimate {
  parcels: number;
  pallets: number;
  weightKg: Decimal;
  volumeM3: Decimal;
  /** SKUs the ERP gave no weight or packing for: estimated as one parcel per line. */
  unknown: string[];
}

/** A parcel carrier's weight limit, for lines packed by weight (no packing structure from the ERP). */
export const PARCEL_LIMIT_KG = 30;

/**
 * The packing estimate (O12): per line, as many full pallets as its units per pallet allow, the
 * rest in parcels of its units per parcel, or on one more pallet when it does not go by parcel;
 * a line without a packing structure goes in parcels of up to 30 kg (one when its weight is unknown).
 */
export function estimatePacking(lines: readonly PackingLine[]): PackingEstimate {
  let parcels = 0;
  let pallets = 0;
  let weight = new Decimal(0);
  let volume = new Decimal(0);
  const unknown: string[] = [];
  for (const line of lines) {
    const l = line.logistics;
    const q = line.quantity;
    if (!l || (l.weightKg === null && l.unitsPerParcel === null && l.unitsPerPallet === null)) unknown.push(line.sku);
    if (l?.weightKg) weight = weight.plus(q.mul(l.weightKg));
    if (l?.volumeM3) volume = volume.plus(q.mul(l.volumeM3));
    let rest = q;
    if (l?.unitsPerPallet) {
      const full = q.divToInt(l.unitsPerPallet);
      pallets += full.toNumber();
      rest = q.minus(full.mul(l.unitsPerPallet));
    }
    if (rest.lte(0)) continue;
    if (l?.unitsPerParcel) parcels += rest.div(l.unitsPerParcel).ceil().toNumber();
    else if (l?.unitsPerPallet) pallets += 1;
    else if (l?.weightKg) parcels += Decimal.max(1, rest.mul(l.weightKg).div(PARCEL_LIMIT_KG).ceil()).toNumber();
    else parcels += 1;
  }
  return { parcels, pallets, weightKg: weight, volumeM3: volume, unknown };
}

/** A transport rule as the matching needs it (a DeliveryRateEntity fits). */
export interface RateData {
  id: string;
  method: string;
  country: string | null;
  maxWeightKg: string | null;
  maxVolumeM3: string | null;
  baseCost: string;
  costPerParcel: string;
  costPerPallet: string;
  currency: string;
  freeFrom: string | null;
}

const byBand = (a: RateData, b: RateData): number => {
  const cmp = (x: string | null, y: string | null) => (x === y ? 0 : x === null ? 1 : y === null ? -1 : new Decimal(x).comparedTo(y));
  return cmp(a.maxWeightKg, b.maxWeightKg) || cmp(a.maxVolumeM3, b.maxVolumeM3);
};

/**
 * The transport rule of each delivery method for a shipment to a country: the country's own rules
 * of the method where it has any, else the method's rules for any country; of those the smallest
 * band (weight, then volume) the shipment fits in. Only rules in the order's currency count.
 */
export function matchingRates(rates: readonly RateData[], country: string, currency: string, packing: Pick<PackingEstimate, 'weightKg' | 'volumeM3'>): RateData[] {
  const methods = [...new Set(rates.map((r) => r.method))].sort();
  const out: RateData[] = [];
  for (const method of methods) {
    const own = rates.filter((r) => r.method === method && r.currency === currency && r.country === country);
    const candidates = own.length > 0 ? own : rates.filter((r) => r.method === method && r.currency === currency && r.country === null);
    const fit = candidates
      .filter((r) => (r.maxWeightKg === null || packing.weightKg.lte(r.maxWeightKg)) && (r.maxVolumeM3 === null || packing.volumeM3.lte(r.maxVolumeM3)))
      .sort(byBand)[0];
    if (fit) out.push(fit);
  }
  return out;
}

/** What delivery by a rule costs for this packing and order value: base + per parcel + per pallet, nothing from its free-delivery threshold on. */
export function rateCost(rate: RateData, packing: Pick<PackingEstimate, 'parcels' | 'pallets'>, orderValue: Decimal): { cost: Decimal; free: boolean; missingForFree: Decimal | null } {
  const free = rate.freeFrom !== null && orderValue.gte(rate.freeFrom);
  const cost = new Decimal(rate.baseCost).plus(new Decimal(rate.costPerParcel).mul(packing.parcels)).plus(new Decimal(rate.costPerPallet).mul(packing.pallets));
  return { cost: free ? new Decimal(0) : cost, free, missingForFree: rate.freeFrom !== null && !free ? new Decimal(rate.freeFrom).minus(orderValue) : null };
}

/** A logistic minimum as the rules need it (a LogisticMinimumEntity fits). */
export interface MinimumData {
  companyId: string | null;
  productId: string | null;
  minOrderValue: string | null;
  minQuantity: string | null;
  surcharge: string;
  currency: string;
}

export interface Surcharge {
  kind: 'ORDER_VALUE' | 'PRODUCT_QUANTITY';
  sku: string | null;
  amount: Decimal;
  text: string;
}

/**
 * Logistic minimums (O12): the company's own order-value minimum (else the default for every
 * customer; the public shop: the default) and each product's line-quantity minimum. Below one, its
 * surcharge is added (a decision: small orders ship and pay for their handling rather than being refused).
 */
export function surchargesOf(
  minimums: readonly MinimumData[],
  companyId: string | null,
  currency: string,
  orderValue: Decimal,
  lines: ReadonlyArray<{ productId: string; sku: string; quantity: Decimal }>,
): Surcharge[] {
  const usable = minimums.filter((m) => m.currency === currency);
  const orderMinimum = usable.find((m) => companyId !== null && m.companyId === companyId && m.productId === null) ?? usable.find((m) => m.companyId === null && m.productId === null);
  const out: Surcharge[] = [];
  if (orderMinimum?.minOrderValue && orderValue.lt(orderMinimum.minOrderValue)) {
    out.push({ kind: 'ORDER_VALUE', sku: null, amount: new Decimal(orderMinimum.surcharge), text: `Orders below ${new Decimal(orderMinimum.minOrderValue).toFixed(2)} ${currency} carry a handling surcharge.` });
  }
  for (const line of lines) {
    const m = usable.find((x) => x.productId === line.productId);
    if (m?.minQuantity && line.quantity.lt(m.minQuantity)) {
      out.push({ kind: 'PRODUCT_QUANTITY', sku: line.sku, amount: new Decimal(m.surcharge), text: `${line.sku} below ${new Decimal(m.minQuantity).toFixed()} units carries a handling surcharge.` });
    }
  }
  return out;
}
