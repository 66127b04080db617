import { PoolClient } from 'pg';
import { CarrierAdapter, CarrierError, CarrierPage } from '@hub/carrier-contract';
import { MergeResult } from '@hub/ingest';
import { CarrierFeedDeclaration, ParcelRegistrationOutcome } from '@hub/subgraph-kit';
import { SyncRunCounts } from '../sync/sync-run.repository';

/** Where a carrier poll stopped in each of the carrier's feeds (the operation's stored cursor, as JSON). */
export interface CarrierPollCursor {
  events: number;
  collections: number;
}

/** Registrations sent per batch before they are stored. */
const REGISTRATION_BATCH = 50;
/** The carrier protocol pages at most 1000 items; smaller pages keep each statement small. */
const MAX_CARRIER_PAGE = 500;

export function parseCarrierCursor(text: string | null): CarrierPollCursor {
  if (!text) return { events: 0, collections: 0 };
  const parsed = JSON.parse(text) as Partial<CarrierPollCursor>;
  return { events: Number(parsed.events ?? 0), collections: Number(parsed.collections ?? 0) };
}

function count(counts: SyncRunCounts, read: number, result: MergeResult): void {
  counts.pages += 1;
  counts.rowsRead += read;
  counts.rowsInserted += result.inserted;
  counts.rowsUpdated += result.updated;
  counts.rowsDeleted += result.deleted;
}

/**
 * One carrier poll on the run's transaction: registers the parcels the feed has waiting (the
 * carrier answers the same parcel for a reference it knows, so registrations a failed run did not
 * store are not made twice), then reads tracking events and cash collections after the cursor.
 * An address the carrier refuses is recorded on its shipment; anything else the carrier fails with
 * (down, credentials) fails the run, which rolls back and is tried again on the next poll.
 * Returns the new cursor.
 */
export async function pollCarrier(carrier: CarrierAdapter, feed: CarrierFeedDeclaration, client: PoolClient, storedCursor: string | null, counts: SyncRunCounts, pageSize: number): Promise<string> {
  for (;;) {
    const waiting = await feed.parcelsToRegister(client, REGISTRATION_BATCH);
    if (waiting.length === 0) break;
    const outcomes: ParcelRegistrationOutcome[] = [];
    for (const registration of waiting) {
      try {
        outcomes.push({ reference: registration.reference, carrierName: carrier.carrierName, parcel: await carrier.registerParcel(registration) });
      } catch (error) {
        if (!(error instanceof CarrierError) || error.kind !== 'VALIDATION') throw error;
        outcomes.push({ reference: registration.reference, carrierName: carrier.carrierName, refused: error.message });
      }
    }
    count(counts, waiting.length, await feed.recordRegistrations(client, outcomes));
    if (waiting.length < REGISTRATION_BATCH) break;
  }
  const cursor = parseCarrierCursor(storedCursor);
  const limit = Math.min(pageSize, MAX_CARRIER_PAGE);
  cursor.events = await readFeed((after) => carrier.trackingEvents(after, limit), cursor.events, (items) => feed.ingestTrackingEvents(client, items), counts);
  cursor.collections = await readFeed((after) => carrier.codCollections(after, limit), cursor.collections, (items) => feed.ingestCodCollections(client, items), counts);
  return JSON.stringify(cursor);
}

async function readFeed<T>(read: (after: number) => Promise<CarrierPage<T>>, after: number, ingest: (items: T[]) => Promise<MergeResult>, counts: SyncRunCounts): Promise<number> {
  for (;;) {
    const page = await read(after);
    if (page.items.length > 0) count(counts, page.items.length, await ingest(page.items));
    after = page.nextAfter;
    if (!page.hasMore) return after;
  }
}
