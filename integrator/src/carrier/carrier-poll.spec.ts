import { PoolClient } from 'pg';
import { HttpCarrierAdapter } from '@hub/carrier-contract';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { DemoCarrierHandle, startDemoCarrier } from '@hub/demo-carrier';
import { ErpAdapter } from '@hub/erp-contract';
import { CarrierFeedDeclaration, ParcelRegistrationOutcome } from '@hub/subgraph-kit';
import { integratorSubgraph } from '../integrator-subgraph';
import { SyncOperationRepository } from '../sync/sync-operation.repository';
import { CarrierPollOperation } from '../sync/sync-registry';
import { runSyncOperation } from '../sync/sync-runner';

/** The carrier poll against the real demo carrier (in this process), with a feed whose data lives in the spec database. */
describe('carrier poll (real PostgreSQL, real demo carrier)', () => {
  let db: SpecDatabase;
  let carrier: DemoCarrierHandle;
  let adapter: HttpCarrierAdapter;
  /** Set to make the next recordRegistrations fail after the carrier registered: a crash before the commit. */
  let failNextRecord = false;

  const address = { name: 'Acme', street: 'Main 1', postalCode: '100', city: 'Tallinn', country: 'EE' };
  const feed: CarrierFeedDeclaration = {
    operation: 'carrier',
    description: 'spec parcels',
    defaultIntervalSeconds: 60,
    parcelsToRegister: async (client: PoolClient, limit: number) =>
      (await client.query('select reference, street from public.parcel where parcel_number is null and refused is null order by reference limit $1', [limit])).rows.map((r) => ({
        reference: r.reference, consignee: { ...address, street: r.street }, weightGrams: 500,
      })),
    recordRegistrations: async (client: PoolClient, outcomes: readonly ParcelRegistrationOutcome[]) => {
      for (const o of outcomes) {
        await client.query('update public.parcel set parcel_number = $2, refused = $3 where reference = $1', [o.reference, 'parcel' in o ? o.parcel.parcelNumber : null, 'refused' in o ? o.refused : null]);
      }
      if (failNextRecord) {
        failNextRecord = false;
        throw new Error('crashed before the commit');
      }
      return { read: outcomes.length, inserted: 0, updated: outcomes.length, deleted: 0, changedKeys: outcomes.map((o) => o.reference) };
    },
    ingestTrackingEvents: async (client, events) => {
      for (const e of events) await client.query('insert into public.tracking (sequence, parcel_number, status) values ($1, $2, $3) on conflict do nothing', [e.sequence, e.parcelNumber, e.status]);
      return { read: events.length, inserted: events.length, updated: 0, deleted: 0, changedKeys: [] };
    },
    ingestCodCollections: async (_client, collections) => ({ read: collections.length, inserted: 0, updated: 0, deleted: 0, changedKeys: [] }),
  };
  const operation: CarrierPollOperation = { source: 'carrier', name: 'carrier', owner: 'spec', feed, defaultIntervalSeconds: 60, description: 'spec parcels', runsAfter: [] };
  const poll = () => runSyncOperation({ pool: db.pool, adapter: {} as ErpAdapter, carrier: adapter }, operation, 'MANUAL');
  const parcels = async () => (await db.pool.query('select reference, parcel_number, refused from public.parcel order by reference')).rows;
  const tracked = async () => (await db.pool.query('select parcel_number, status from public.tracking order by sequence')).rows;

  beforeAll(async () => {
    db = await createSpecDatabase([integratorSubgraph], { poolMax: 4 });
    await db.pool.query('create table public.parcel (reference text primary key, street text not null, parcel_number text, refused text)');
    await db.pool.query('create table public.tracking (sequence bigint primary key, parcel_number text, status text)');
    await new SyncOperationRepository(db.pool).ensure([{ name: 'carrier', defaultIntervalSeconds: 60 }]);
    carrier = await startDemoCarrier({ loseEvery: 0 });
    adapter = new HttpCarrierAdapter({ baseUrl: carrier.url, apiKey: carrier.apiKey });
  });
  afterAll(async () => {
    await carrier?.stop();
    await db?.drop();
  });

  it('registers what waits (an address the carrier refuses is recorded, not fatal) and reads the events after its cursor', async () => {
    await db.pool.query("insert into public.parcel (reference, street) values ('a', 'Main 1'), ('b', ' ')");
    const first = await poll();
    expect(first).toMatchObject({ status: 'SUCCEEDED', error: null });
    expect(await parcels()).toEqual([
      { reference: 'a', parcel_number: 'DP000000001', refused: null },
      { reference: 'b', parcel_number: null, refused: 'carrier refused the request: consignee.street is required' },
    ]);
    expect(await tracked()).toEqual([{ parcel_number: 'DP000000001', status: 'REGISTERED' }]);
    carrier.network.step();
    await poll();
    expect((await tracked()).map((t) => t.status)).toEqual(['REGISTERED', 'PICKED_UP']);
    const { rows } = await db.pool.query("select cursor from integrator.sync_operation where name = 'carrier'");
    expect(JSON.parse(rows[0].cursor)).toEqual({ events: 2, collections: 0 });
  });

  it('a carrier outage fails the run and changes nothing; a crash after registering registers nothing twice', async () => {
    await db.pool.query("insert into public.parcel (reference, street) values ('c', 'Side 2')");
    const response = await fetch(`${carrier.url}/admin/faults`, { method: 'POST', headers: { authorization: `Bearer ${carrier.adminKey}`, 'content-type': 'application/json' }, body: JSON.stringify({ outage: true }) });
    expect(response.status).toBe(200);
    expect(await poll()).toMatchObject({ status: 'FAILED', error: 'TRANSIENT: carrier answered 503: carrier unavailable' });
    await fetch(`${carrier.url}/admin/faults`, { method: 'DELETE', headers: { authorization: `Bearer ${carrier.adminKey}` } });
    expect((await parcels()).find((p) => p.reference === 'c')).toEqual({ reference: 'c', parcel_number: null, refused: null });

    failNextRecord = true;
    expect(await poll()).toMatchObject({ status: 'FAILED', error: 'crashed before the commit' });
    expect((await parcels()).find((p) => p.reference === 'c')!.parcel_number).toBeNull();
    const parcelsAtCarrier = carrier.network.stats.parcels;
    expect(await poll()).toMatchObject({ status: 'SUCCEEDED' });
    expect((await parcels()).find((p) => p.reference === 'c')!.parcel_number).toBe('DP000000002');
    expect(carrier.network.stats.parcels).toBe(parcelsAtCarrier);
  });
});
