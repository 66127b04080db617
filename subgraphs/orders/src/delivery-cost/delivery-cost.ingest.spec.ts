import { PoolClient } from 'pg';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { erpEntityId } from '@hub/erp-ids';
import { mergeTargetMismatches } from '@hub/subgraph-kit';
import { ordersSubgraph } from '../index';
import { DELIVERY_DESTINATION_TARGET, ingestDeliveryDestinations, ingestProductLogistics, PRODUCT_LOGISTICS_TARGET } from './delivery-cost.ingest';
import { DeliveryCostRepository } from './delivery-cost.repository';

describe('delivery cost ingest and repository (real PostgreSQL)', () => {
  let db: SpecDatabase;
  beforeAll(async () => {
    db = await createSpecDatabase([ordersSubgraph]);
  });
  afterAll(() => db?.drop());

  const inTransaction = async (work: (client: PoolClient) => Promise<unknown>) => {
    const client = await db.pool.connect();
    try {
      await client.query('begin');
      await work(client);
      await client.query('commit');
    } catch (error) {
      await client.query('rollback');
      throw error;
    } finally {
      client.release();
    }
  };

  it('agree with the entities', async () => {
    expect(await mergeTargetMismatches(ordersSubgraph, [PRODUCT_LOGISTICS_TARGET, DELIVERY_DESTINATION_TARGET])).toEqual([]);
  });

  it("keeps the items' packing data (values it cannot count with as unknown) and the companies' destinations, and reads them with the rules in one statement", async () => {
    await inTransaction(async (c) => {
      await ingestProductLogistics(c, {
        rows: [
          { sku: 'HB-1', weightKg: '1.800', volumeM3: '0.0015', unitsPerParcel: 12, unitsPerPallet: 480 },
          { sku: 'XX-1', weightKg: 'heavy', volumeM3: null, unitsPerParcel: 0, unitsPerPallet: 2.5 },
        ],
        deletions: [],
      });
      await ingestDeliveryDestinations(c, {
        rows: [{ customerNumber: 'C1', country: 'ee', deliveryAddresses: [{ code: 'D1', name: 'x', street: 's', postalCode: 'p', city: 'c', country: 'EE' }, { code: 'RIX', name: 'y', street: 's', postalCode: 'p', city: 'c', country: 'lv' }] }],
        deletions: [],
      });
    });
    const company = erpEntityId('customer', 'C1');
    const hb = erpEntityId('product', 'HB-1');
    const xx = erpEntityId('product', 'XX-1');
    await db.pool.query(
      `insert into orders.delivery_rate (id, method, country, max_weight_kg, base_cost, cost_per_parcel, cost_per_pallet, currency, band_key, updated_by)
       values (gen_random_uuid(), 'PARCEL', 'LV', 30, 6.90, 1.50, 0, 'EUR', 'PARCEL|LV|30|*', gen_random_uuid())`,
    );
    await db.pool.query(
      `insert into orders.logistic_minimum (id, scope, company_id, product_id, min_order_value, min_quantity, surcharge, currency, updated_by) values
       (gen_random_uuid(), 'DEFAULT', null, null, 100, null, 9.90, 'EUR', gen_random_uuid()),
       (gen_random_uuid(), 'COMPANY:' || $1, $1::uuid, null, 300, null, 15, 'EUR', gen_random_uuid()),
       (gen_random_uuid(), 'COMPANY:' || $2, $2::uuid, null, 300, null, 15, 'EUR', gen_random_uuid()),
       (gen_random_uuid(), 'PRODUCT:' || $3, null, $3::uuid, null, 10, 4, 'EUR', gen_random_uuid())`,
      [company, erpEntityId('customer', 'C2'), hb],
    );
    const facts = await new DeliveryCostRepository(db.em()).facts([hb, xx], company);
    expect(facts.logistics.get(hb)).toEqual({ weightKg: '1.800', volumeM3: '0.0015', unitsPerParcel: 12, unitsPerPallet: 480 });
    expect(facts.logistics.get(xx)).toEqual({ weightKg: null, volumeM3: null, unitsPerParcel: null, unitsPerPallet: null });
    expect(facts.destination).toEqual({ country: 'EE', addressCountries: { D1: 'EE', RIX: 'LV' } });
    expect(facts.rates).toEqual([expect.objectContaining({ method: 'PARCEL', country: 'LV', maxWeightKg: '30.000', baseCost: '6.90', costPerParcel: '1.50', costPerPallet: '0.00', freeFrom: null })]);
    // The default, this company's and the products' minimums; not another company's.
    expect(facts.minimums.map((m) => [m.companyId, m.productId, m.surcharge]).sort()).toEqual([[company, null, '15.00'], [null, hb, '4.00'], [null, null, '9.90']].sort());
    // The public shop (no company): no destination, the default minimum.
    const guest = await new DeliveryCostRepository(db.em()).facts([xx], null);
    expect(guest.destination).toBeNull();
    expect(guest.minimums.map((m) => m.surcharge)).toEqual(['9.90']);
  });
});
