import { PoolClient } from 'pg';
import { CarrierCodCollection, CarrierParcel, CarrierParcelRegistration, CarrierTrackingEvent } from '@hub/carrier-contract';
import { MergeResult } from '@hub/ingest';

/** What the parcel carrier answered for one registration: its parcel, or why it refused (an address it cannot deliver to). */
export type ParcelRegistrationOutcome =
  | { reference: string; carrierName: string; parcel: CarrierParcel }
  | { reference: string; carrierName: string; refused: string };

/**
 * What a subgraph exchanges with the parcel carrier (@hub/carrier-contract), declared by the
 * subgraph itself like its ERP kinds: the integrator polls it as one operation on a schedule (shown
 * to staff with the ERP's operations, with runs, pause and run-now), in one transaction per run:
 * first registering the parcels waiting for one, then reading the carrier's tracking events and
 * cash-on-delivery collections after the stored cursors.
 */
export interface CarrierFeedDeclaration {
  /** The operation's name in `syncOperations` / `syncRuns`. */
  operation: string;
  description: string;
  defaultIntervalSeconds: number;
  /** Sync kinds whose first full sync comes before this poll's (e.g. the delivery notes parcels are made for). */
  runsAfter?: readonly string[];
  /**
   * Parcels to register, read on the run's client. Each reference is the carrier's idempotency key
   * (the carrier answers the same parcel for it again), so a run that registered and then failed
   * before committing registers nothing twice.
   */
  parcelsToRegister(client: PoolClient, limit: number): Promise<CarrierParcelRegistration[]>;
  /** Stores the carrier's answers, on the run's client. */
  recordRegistrations(client: PoolClient, outcomes: readonly ParcelRegistrationOutcome[]): Promise<MergeResult>;
  /** A page of tracking events (oldest first; an event seen before changes nothing). */
  ingestTrackingEvents(client: PoolClient, events: readonly CarrierTrackingEvent[]): Promise<MergeResult>;
  /** A page of cash collected on delivery. */
  ingestCodCollections(client: PoolClient, collections: readonly CarrierCodCollection[]): Promise<MergeResult>;
}
