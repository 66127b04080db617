import { PoolClient } from 'pg';
import { CarrierCodCollection, CarrierParcelRegistration, CarrierParcelStatus, CarrierTrackingEvent } from '@hub/carrier-contract';
import { MergeResult } from '@hub/ingest';
import { Decimal, minorUnits } from '@hub/money';
import { CarrierFeedDeclaration, ParcelRegistrationOutcome } from '@hub/subgraph-kit';
import { publishShipmentsChanged } from './shipment-events';
import { ShipmentStatus } from './shipment-status';
import { statusAfterEvent } from './shipment.state-machine';

/**
 * The finance subgraph's side of the parcel carrier, run by the integrator's carrier poll on its
 * transaction (and, for new delivery notes, by their ingest): set-based statements over a page.
 */

const merged = (read: number, inserted: number, updated: number, changedKeys: string[]): MergeResult => ({ read, inserted, updated, deleted: 0, changedKeys });

/**
 * A shipment for each delivery note that the hub's carrier takes (the ERP gave it a ship-to
 * address) and that is not delivered yet; once per note. A note a supplier drop-shipped gets a
 * shipment already IN_TRANSIT with the supplier's parcel. Called by the delivery notes' ingest.
 */
export async function openShipmentsForDeliveryNotes(client: PoolClient, deliveryNoteIds: readonly string[]): Promise<string[]> {
  if (deliveryNoteIds.length === 0) return [];
  const { rows } = await client.query<{ id: string }>(
    `insert into finance.shipment (id, delivery_note_id, delivery_note_number, company_id, order_id, status, consignee, weight_grams, currency, cod_amount, packaging_fee, created_at, updated_at)
     select gen_random_uuid(), d.id, d.number, d.company_id, d.order_id, $2, d.ship_to - 'code', coalesce(d.weight_grams, 1000), d.currency, d.cod_amount, d.packaging_fee, now(), now()
       from finance.delivery_note d
      where d.id = any($1::uuid[]) and d.ship_to is not null and d.delivered_at is null and d.drop_shipped_by is null
     on conflict (delivery_note_id) do nothing
     returning id`,
    [deliveryNoteIds, ShipmentStatus.PACKED],
  );
  // A supplier's drop-shipment is on its way already, with the supplier's carrier and parcel number: the hub's carrier does not take it.
  const { rows: dropShipped } = await client.query<{ id: string }>(
    `insert into finance.shipment (id, delivery_note_id, delivery_note_number, company_id, order_id, status, carrier, parcel_number, consignee, weight_grams, currency, created_at, updated_at)
     select gen_random_uuid(), d.id, d.number, d.company_id, d.order_id, $2, d.carrier, d.tracking_number, d.ship_to - 'code', coalesce(d.weight_grams, 1000), d.currency, now(), now()
       from finance.delivery_note d
      where d.id = any($1::uuid[]) and d.ship_to is not null and d.delivered_at is null and d.drop_shipped_by is not null
     on conflict do nothing
     returning id`,
    [deliveryNoteIds, ShipmentStatus.IN_TRANSIT],
  );
  const ids = [...rows.map((r) => r.id), ...dropShipped.map((r) => r.id)];
  await publishShipmentsChanged(client, ids);
  return ids;
}

/** Packed shipments, oldest first, as the carrier registers them (the shipment id is the reference). */
export async function parcelsToRegister(client: PoolClient, limit: number): Promise<CarrierParcelRegistration[]> {
  const { rows } = await client.query<{ id: string; consignee: CarrierParcelRegistration['consignee']; weight_grams: number; cod_amount: string | null; currency: string | null }>(
    `select id, consignee, weight_grams, cod_amount::text, currency from finance.shipment where status = $1 order by created_at, id limit $2`,
    [ShipmentStatus.PACKED, limit],
  );
  return rows.map((r) => {
    const currency = r.currency ?? 'EUR';
    const cod = r.cod_amount ? new Decimal(r.cod_amount).mul(10 ** minorUnits(currency)).toNumber() : 0;
    return { reference: r.id, consignee: r.consignee, weightGrams: r.weight_grams, ...(cod > 0 ? { codAmountMinor: cod, currency } : {}) };
  });
}

/** The carrier's parcel (number, tracking link) on each registered shipment; a refused one becomes an EXCEPTION with the carrier's reason. */
export async function recordParcelRegistrations(client: PoolClient, outcomes: readonly ParcelRegistrationOutcome[]): Promise<MergeResult> {
  if (outcomes.length === 0) return merged(0, 0, 0, []);
  const { rows } = await client.query<{ id: string }>(
    `update finance.shipment s
        set status = case when o.parcel_number is null then $5 else $6 end,
            carrier = o.carrier, parcel_number = o.parcel_number, tracking_url = o.tracking_url, problem = o.problem, updated_at = now()
       from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $7::text[]) as o(id, carrier, parcel_number, tracking_url, problem)
      where s.id = o.id and s.status = $8
      returning s.id`,
    [
      outcomes.map((o) => o.reference),
      outcomes.map((o) => o.carrierName),
      outcomes.map((o) => ('parcel' in o ? o.parcel.parcelNumber : null)),
      outcomes.map((o) => ('parcel' in o ? o.parcel.trackingUrl : null)),
      ShipmentStatus.EXCEPTION,
      ShipmentStatus.REGISTERED,
      outcomes.map((o) => ('refused' in o ? `The carrier refused the parcel: ${o.refused}`.slice(0, 500) : null)),
      ShipmentStatus.PACKED,
    ],
  );
  const ids = rows.map((r) => r.id);
  await publishShipmentsChanged(client, ids);
  return merged(outcomes.length, 0, ids.length, ids);
}

/**
 * A page of the carrier's tracking events: each event of one of our parcels joins its shipment's
 * timeline once (by the carrier's sequence), and moves its status as the state machine says, with
 * the delivery confirmation (when, signed by) or the carrier's words on an exception.
 */
export async function ingestCarrierTrackingEvents(client: PoolClient, events: readonly CarrierTrackingEvent[]): Promise<MergeResult> {
  if (events.length === 0) return merged(0, 0, 0, []);
  const { rows: inserted } = await client.query<{ shipment_id: string; carrier_sequence: string }>(
    `insert into finance.shipment_tracking_event (id, shipment_id, carrier_sequence, status, occurred_at, location, description)
     select gen_random_uuid(), s.id, e.seq, e.status, e.occurred_at, e.location, e.description
       from unnest($1::bigint[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::text[]) as e(seq, parcel_number, status, occurred_at, location, description)
       join finance.shipment s on s.parcel_number = e.parcel_number
     on conflict (carrier_sequence) do nothing
     returning shipment_id, carrier_sequence`,
    [events.map((e) => e.sequence), events.map((e) => e.parcelNumber), events.map((e) => e.status), events.map((e) => e.occurredAt), events.map((e) => e.location), events.map((e) => e.description)],
  );
  if (inserted.length === 0) return merged(events.length, 0, 0, []);
  const fresh = new Set(inserted.map((r) => Number(r.carrier_sequence)));
  const shipmentOf = new Map(inserted.map((r) => [Number(r.carrier_sequence), r.shipment_id]));
  const { rows: shipments } = await client.query<{ id: string; status: ShipmentStatus; delivered_at: Date | null; signed_by: string | null; problem: string | null }>(
    'select id, status, delivered_at, signed_by, problem from finance.shipment where id = any($1::uuid[]) for update',
    [[...new Set(shipmentOf.values())]],
  );
  const byId = new Map(shipments.map((s) => [s.id, { ...s }]));
  for (const event of [...events].filter((e) => fresh.has(e.sequence)).sort((a, b) => a.sequence - b.sequence)) {
    const shipment = byId.get(shipmentOf.get(event.sequence)!)!;
    const next = statusAfterEvent(shipment.status, event.status as CarrierParcelStatus);
    if (next === shipment.status) continue;
    shipment.status = next;
    if (next === ShipmentStatus.DELIVERED) Object.assign(shipment, { delivered_at: new Date(event.occurredAt), signed_by: event.signedBy ?? null, problem: null });
    else if (next === ShipmentStatus.EXCEPTION) shipment.problem = `${event.description} (${event.location})`.slice(0, 500);
    else shipment.problem = null;
  }
  const all = [...byId.values()];
  await client.query(
    `update finance.shipment s set status = u.status, delivered_at = u.delivered_at, signed_by = u.signed_by, problem = u.problem, updated_at = now()
       from unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::text[], $5::text[]) as u(id, status, delivered_at, signed_by, problem)
      where s.id = u.id`,
    [all.map((s) => s.id), all.map((s) => s.status), all.map((s) => s.delivered_at), all.map((s) => s.signed_by), all.map((s) => s.problem)],
  );
  const ids = all.map((s) => s.id);
  await publishShipmentsChanged(client, ids);
  return merged(events.length, inserted.length, ids.length, ids);
}

/** Cash the carrier collected on delivery, on the parcel's shipment. */
export async function ingestCarrierCodCollections(client: PoolClient, collections: readonly CarrierCodCollection[]): Promise<MergeResult> {
  if (collections.length === 0) return merged(0, 0, 0, []);
  const { rows } = await client.query<{ id: string }>(
    `update finance.shipment s set cod_collected_amount = c.amount_minor / (10 ^ c.places)::numeric, cod_collected_at = c.collected_at, updated_at = now()
       from unnest($1::text[], $2::bigint[], $3::int[], $4::timestamptz[]) as c(parcel_number, amount_minor, places, collected_at)
      where s.parcel_number = c.parcel_number and s.cod_collected_at is distinct from c.collected_at
      returning s.id`,
    [collections.map((c) => c.parcelNumber), collections.map((c) => c.amountMinor), collections.map((c) => minorUnits(c.currency)), collections.map((c) => c.collectedAt)],
  );
  const ids = rows.map((r) => r.id);
  await publishShipmentsChanged(client, ids);
  return merged(collections.length, 0, ids.length, ids);
}

/** Finance's parcels at the carrier: registered, followed and their cash collected by the integrator's `carrierTracking` poll. */
export const SHIPMENT_CARRIER_FEED: CarrierFeedDeclaration = {
  operation: 'carrierTracking',
  description: 'Parcels: register new shipments with the carrier, read tracking events and cash on delivery (finance subgraph)',
  defaultIntervalSeconds: 300,
  runsAfter: ['deliveryNotes'],
  parcelsToRegister,
  recordRegistrations: recordParcelRegistrations,
  ingestTrackingEvents: ingestCarrierTrackingEvents,
  ingestCodCollections: ingestCarrierCodCollections,
};
