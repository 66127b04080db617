import { randomUUID } from 'node:crypto';
import { PoolClient } from 'pg';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { CarrierTrackingEvent } from '@hub/carrier-contract';
import { financeSubgraph } from '../index';
import {
  ingestCarrierCodCollections, ingestCarrierTrackingEvents, openShipmentsForDeliveryNotes, parcelsToRegister, recordParcelRegistrations,
} from './shipment-carrier.ingest';

describe('shipment carrier ingest (real PostgreSQL)', () => {
  let db: SpecDatabase;
  const companyId = randomUUID();
  const shipTo = { code: 'D1', name: 'Acme OÜ', street: 'Pärnu mnt 1', postalCode: '10111', city: 'Tallinn', country: 'EE' };

  beforeAll(async () => {
    db = await createSpecDatabase([financeSubgraph]);
  });
  afterAll(() => db?.drop());

  const inTransaction = async <T>(work: (client: PoolClient) => Promise<T>): Promise<T> => {
    const client = await db.pool.connect();
    try {
      await client.query('begin');
      const result = await work(client);
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback');
      throw error;
    } finally {
      client.release();
    }
  };

  async function addNote(number: string, parcel: { shipTo: object | null; deliveredAt?: string | null; cod?: string | null }): Promise<string> {
    const id = randomUUID();
    await db.pool.query(
      `insert into finance.delivery_note (id, number, company_id, order_id, order_number, customer_number, shipped_at, delivered_at, carrier, tracking_number, lines, ship_to, weight_grams, cod_amount, packaging_fee, currency)
       values ($1, $2, $3, $4, 'SO-1', 'C1', now(), $5, 'DHL', 'T1', '[]'::jsonb, $6::jsonb, 2400, $7, '4.90', 'EUR')`,
      [id, number, companyId, randomUUID(), parcel.deliveredAt ?? null, parcel.shipTo ? JSON.stringify(parcel.shipTo) : null, parcel.cod ?? null],
    );
    return id;
  }

  const event = (sequence: number, parcelNumber: string, status: CarrierTrackingEvent['status'], extra: Partial<CarrierTrackingEvent> = {}): CarrierTrackingEvent => ({
    sequence, parcelNumber, status, occurredAt: new Date(Date.UTC(2026, 0, 1, 0, sequence)).toISOString(), location: 'Hub', description: status, ...extra,
  });
  const shipment = async (id: string) => (await db.pool.query('select * from finance.shipment where id = $1', [id])).rows[0];
  const shipmentIdOf = async (noteId: string): Promise<string> => (await db.pool.query('select id from finance.shipment where delivery_note_id = $1', [noteId])).rows[0].id;

  it('opens one shipment per note the carrier takes, registers it with its COD in minor units, and follows its events once, forward only', async () => {
    const carried = await addNote('DN-S1', { shipTo, cod: '119.50' });
    const shippedByTheErp = await addNote('DN-S2', { shipTo: null });
    const alreadyDelivered = await addNote('DN-S3', { shipTo, deliveredAt: new Date().toISOString() });
    const opened = await inTransaction((c) => openShipmentsForDeliveryNotes(c, [carried, shippedByTheErp, alreadyDelivered]));
    expect(opened).toEqual([await shipmentIdOf(carried)]);
    expect(await inTransaction((c) => openShipmentsForDeliveryNotes(c, [carried]))).toEqual([]);
    const id = opened[0];
    expect(await shipment(id)).toMatchObject({ delivery_note_number: 'DN-S1', status: 'PACKED', consignee: { name: 'Acme OÜ', street: 'Pärnu mnt 1', postalCode: '10111', city: 'Tallinn', country: 'EE' } });

    const waiting = await inTransaction((c) => parcelsToRegister(c, 10));
    expect(waiting.filter((r) => r.reference === id)).toEqual([{ reference: id, consignee: expect.objectContaining({ city: 'Tallinn' }), weightGrams: 2400, codAmountMinor: 11950, currency: 'EUR' }]);
    await inTransaction((c) => recordParcelRegistrations(c, [{ reference: id, carrierName: 'Demo Parcel', parcel: { reference: id, parcelNumber: 'DP000000001', trackingUrl: 'http://carrier/track/DP000000001' } }]));
    expect(await shipment(id)).toMatchObject({ status: 'REGISTERED', parcel_number: 'DP000000001', carrier: 'Demo Parcel' });
    expect((await inTransaction((c) => parcelsToRegister(c, 10))).map((r) => r.reference)).not.toContain(id);

    // Out of order and read twice: the timeline keeps each once, the status only moves forward.
    const first = await inTransaction((c) => ingestCarrierTrackingEvents(c, [event(3, 'DP000000001', 'IN_TRANSIT'), event(2, 'DP000000001', 'PICKED_UP'), event(9, 'DP999', 'PICKED_UP')]));
    expect(first).toMatchObject({ inserted: 2, updated: 1, changedKeys: [id] });
    expect(await inTransaction((c) => ingestCarrierTrackingEvents(c, [event(2, 'DP000000001', 'PICKED_UP')]))).toMatchObject({ inserted: 0, changedKeys: [] });
    expect((await shipment(id)).status).toBe('IN_TRANSIT');
    await inTransaction((c) => ingestCarrierTrackingEvents(c, [event(4, 'DP000000001', 'DELIVERED', { signedBy: 'K. Tamm' })]));
    expect(await shipment(id)).toMatchObject({ status: 'DELIVERED', signed_by: 'K. Tamm', delivered_at: new Date(Date.UTC(2026, 0, 1, 0, 4)) });

    await inTransaction((c) => ingestCarrierCodCollections(c, [{ sequence: 5, parcelNumber: 'DP000000001', amountMinor: 11950, currency: 'EUR', collectedAt: '2026-01-01T00:05:00.000Z' }]));
    expect((await shipment(id)).cod_collected_amount).toBe('119.50');
  });

  it("opens a supplier's drop-shipment already in transit with the supplier's parcel, which the hub's carrier does not register", async () => {
    const note = await addNote('DN-DS1', { shipTo });
    await db.pool.query(`update finance.delivery_note set drop_shipped_by = 'S20002', carrier = 'DHL Express', tracking_number = 'JD0146000099' where id = $1`, [note]);
    const [id] = await inTransaction((c) => openShipmentsForDeliveryNotes(c, [note]));
    expect(await shipment(id)).toMatchObject({ status: 'IN_TRANSIT', carrier: 'DHL Express', parcel_number: 'JD0146000099', consignee: { name: 'Acme OÜ', city: 'Tallinn' } });
    expect(await inTransaction((c) => openShipmentsForDeliveryNotes(c, [note]))).toEqual([]);
    expect((await inTransaction((c) => parcelsToRegister(c, 1000))).map((p) => p.reference)).not.toContain(id);
  });

  it('a parcel the carrier refuses or loses is an exception with its words', async () => {
    const refusedNote = await addNote('DN-S4', { shipTo });
    const lostNote = await addNote('DN-S5', { shipTo });
    await inTransaction((c) => openShipmentsForDeliveryNotes(c, [refusedNote, lostNote]));
    const [refused, lost] = [await shipmentIdOf(refusedNote), await shipmentIdOf(lostNote)];
    await inTransaction((c) => recordParcelRegistrations(c, [
      { reference: refused, carrierName: 'Demo Parcel', refused: 'consignee.street is required' },
      { reference: lost, carrierName: 'Demo Parcel', parcel: { reference: lost, parcelNumber: 'DP000000002', trackingUrl: 'http://carrier/track/DP000000002' } },
    ]));
    expect(await shipment(refused)).toMatchObject({ status: 'EXCEPTION', parcel_number: null, problem: 'The carrier refused the parcel: consignee.street is required' });
    await inTransaction((c) => ingestCarrierTrackingEvents(c, [event(20, 'DP000000002', 'EXCEPTION', { description: 'Parcel missing', location: 'Central hub' })]));
    expect(await shipment(lost)).toMatchObject({ status: 'EXCEPTION', problem: 'Parcel missing (Central hub)' });
  });
});
