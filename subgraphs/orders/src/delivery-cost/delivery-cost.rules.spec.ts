import { Decimal } from '@hub/money';
import { estimatePacking, matchingRates, RateData, rateCost, surchargesOf } from './delivery-cost.rules';

const bolts = { weightKg: '1.800', volumeM3: '0.0015', unitsPerParcel: 12, unitsPerPallet: 480 };
const steel = { weightKg: '19.500', volumeM3: '0.0100', unitsPerParcel: null, unitsPerPallet: 60 };
const line = (sku: string, quantity: number, logistics: typeof bolts | typeof steel | null) => ({ sku, quantity: new Decimal(quantity), logistics });

const rate = (over: Partial<RateData>): RateData => ({
  id: over.method ?? 'r', method: 'PARCEL', country: null, maxWeightKg: null, maxVolumeM3: null, baseCost: '5', costPerParcel: '0', costPerPallet: '0', currency: 'EUR', freeFrom: null, ...over,
});

describe('estimatePacking', () => {
  it('fills full pallets first, the rest in parcels of the units per parcel', () => {
    expect(estimatePacking([line('HB', 1, bolts)])).toMatchObject({ parcels: 1, pallets: 0 });
    expect(estimatePacking([line('HB', 12, bolts)])).toMatchObject({ parcels: 1, pallets: 0 });
    expect(estimatePacking([line('HB', 13, bolts)])).toMatchObject({ parcels: 2, pallets: 0 });
    expect(estimatePacking([line('HB', 480, bolts)])).toMatchObject({ parcels: 0, pallets: 1 });
    const mixed = estimatePacking([line('HB', 500, bolts)]);
    expect(mixed).toMatchObject({ parcels: 2, pallets: 1, unknown: [] });
    expect(mixed.weightKg.toFixed()).toBe('900');
    expect(mixed.volumeM3.toFixed()).toBe('0.75');
  });

  it('puts a rest that does not go by parcel on a pallet of its own', () => {
    expect(estimatePacking([line('ST', 61, steel)])).toMatchObject({ parcels: 0, pallets: 2 });
    expect(estimatePacking([line('ST', 3, steel), line('HB', 2, bolts)])).toMatchObject({ parcels: 1, pallets: 1 });
  });

  it('packs a line without packing data by weight (30 kg parcels), one parcel when even that is unknown, and names it', () => {
    expect(estimatePacking([line('X', 4, { weightKg: '10', volumeM3: null, unitsPerParcel: null, unitsPerPallet: null } as any)])).toMatchObject({ parcels: 2, pallets: 0, unknown: [] });
    expect(estimatePacking([line('Y', 7, null)])).toMatchObject({ parcels: 1, unknown: ['Y'] });
  });
});

describe('matchingRates and rateCost', () => {
  const packing = (kg: string, m3 = '0') => ({ weightKg: new Decimal(kg), volumeM3: new Decimal(m3) });
  const rates = [
    rate({ id: 'p30', maxWeightKg: '30', baseCost: '6.90', costPerParcel: '1.50', freeFrom: '500' }),
    rate({ id: 'p100', maxWeightKg: '100', baseCost: '14.90' }),
    rate({ id: 'lv30', country: 'LV', maxWeightKg: '30', baseCost: '9.90' }),
    rate({ id: 'pal', method: 'PALLET', costPerPallet: '65', baseCost: '45' }),
    rate({ id: 'vol', method: 'VAN', maxWeightKg: '500', maxVolumeM3: '2' }),
    rate({ id: 'sek', method: 'PARCEL', currency: 'SEK', country: 'SE', baseCost: '1' }),
  ];

  it("picks per method the smallest band the shipment fits in, the country's own rules before the rules for any country", () => {
    expect(matchingRates(rates, 'EE', 'EUR', packing('3.6')).map((r) => r.id)).toEqual(['pal', 'p30', 'vol']);
    expect(matchingRates(rates, 'EE', 'EUR', packing('30')).map((r) => r.id)).toEqual(['pal', 'p30', 'vol']);
    expect(matchingRates(rates, 'EE', 'EUR', packing('30.001')).map((r) => r.id)).toEqual(['pal', 'p100', 'vol']);
    expect(matchingRates(rates, 'EE', 'EUR', packing('200', '2.5')).map((r) => r.id)).toEqual(['pal']);
    // Latvia has its own PARCEL rules: only they count there (above 30 kg no PARCEL to Latvia).
    expect(matchingRates(rates, 'LV', 'EUR', packing('3.6')).map((r) => r.id)).toEqual(['pal', 'lv30', 'vol']);
    expect(matchingRates(rates, 'LV', 'EUR', packing('40')).map((r) => r.id)).toEqual(['pal', 'vol']);
    // Rules in another currency do not count.
    expect(matchingRates(rates, 'SE', 'EUR', packing('3.6')).map((r) => r.id)).toEqual(['pal', 'p30', 'vol']);
  });

  it('costs base + per parcel + per pallet, nothing from the free-delivery threshold on, and says what is missing', () => {
    expect(rateCost(rates[0], { parcels: 3, pallets: 0 }, new Decimal('120'))).toEqual({ cost: new Decimal('11.4'), free: false, missingForFree: new Decimal('380') });
    expect(rateCost(rates[0], { parcels: 3, pallets: 0 }, new Decimal('500'))).toEqual({ cost: new Decimal(0), free: true, missingForFree: null });
    expect(rateCost(rates[3], { parcels: 1, pallets: 2 }, new Decimal('9999')).cost.toFixed()).toBe('175');
  });
});

describe('surchargesOf', () => {
  const minimums = [
    { companyId: null, productId: null, minOrderValue: '100', minQuantity: null, surcharge: '9.90', currency: 'EUR' },
    { companyId: 'c1', productId: null, minOrderValue: '300', minQuantity: null, surcharge: '15', currency: 'EUR' },
    { companyId: null, productId: 'p1', minOrderValue: null, minQuantity: '10', surcharge: '4', currency: 'EUR' },
    { companyId: null, productId: 'p2', minOrderValue: null, minQuantity: '10', surcharge: '4', currency: 'SEK' },
  ];
  const lines = [{ productId: 'p1', sku: 'A', quantity: new Decimal(9) }, { productId: 'p2', sku: 'B', quantity: new Decimal(1) }];

  it("applies the company's own order minimum before the default, and each product's quantity minimum", () => {
    expect(surchargesOf(minimums, 'c1', 'EUR', new Decimal('250'), lines).map((s) => [s.kind, s.sku, s.amount.toFixed()])).toEqual([['ORDER_VALUE', null, '15'], ['PRODUCT_QUANTITY', 'A', '4']]);
    expect(surchargesOf(minimums, 'c2', 'EUR', new Decimal('250'), lines).map((s) => s.kind)).toEqual(['PRODUCT_QUANTITY']);
    expect(surchargesOf(minimums, null, 'EUR', new Decimal('99.99'), []).map((s) => s.amount.toFixed())).toEqual(['9.9']);
    expect(surchargesOf(minimums, null, 'EUR', new Decimal('100'), [{ productId: 'p1', sku: 'A', quantity: new Decimal(10) }])).toEqual([]);
  });
});
