import { as, failure, tokenFor } from './support/hub-client';
import { RecordedSubscription, wsClient } from './support/subscription-client';
import { eventually } from './support/staff-client';

const OPERATIONS = `{ syncOperations { name interval paused nextRunAt lastRunAt cursorAgeSeconds lastRun { status trigger rowsRead } } }`;
const RUNS = `query($op: String, $first: Int) { syncRuns(operation: $op, first: $first) { id operation trigger status rowsRead rowsInserted rowsUpdated rowsDeleted durationMs error } }`;

interface Operation {
  name: string;
  interval: string;
  paused: boolean;
  nextRunAt: string | null;
  lastRunAt: string | null;
  cursorAgeSeconds: number | null;
  lastRun: { status: string; trigger: string; rowsRead: number } | null;
}

describe('staff watch and steer the ERP synchronisation through the gateway', () => {
  it('lists every operation, each synchronised once at start-up', async () => {
    const staff = await as('sync@hub.example');
    const { syncOperations } = await staff.request<{ syncOperations: Operation[] }>(OPERATIONS);
    // The built-in modules' kinds, then the test hub's extension module's (tests/support/memo-module), then the carrier poll (finance's parcels).
    expect(syncOperations.map((o) => o.name)).toEqual(['customers', 'contacts', 'categories', 'products', 'prices', 'stock', 'warehouses', 'productConfigurations', 'exchangeRates', 'orders', 'blanketOrders', 'invoices', 'deliveryNotes', 'openItems', 'creditNotes', 'payments', 'serviceOrders', 'purchaseOrders', 'dropShipOrders', 'memos', 'carrierTracking']);
    for (const op of syncOperations) {
      expect(op.interval).toMatch(/^\d\d:\d\d:\d\d$/);
      expect(op.cursorAgeSeconds).not.toBeNull();
      expect(op.lastRun).not.toBeNull();
      // Later scheduled runs may fail while another test injects ERP faults; the start-up run must have succeeded.
      const { syncRuns } = await staff.request<{ syncRuns: Array<{ trigger: string; status: string; rowsRead: number }> }>(RUNS, { op: op.name, first: 500 });
      expect({ op: op.name, startup: syncRuns.filter((r) => r.trigger === 'STARTUP').map((r) => r.status) }).toEqual({ op: op.name, startup: ['SUCCEEDED'] });
    }
  });

  it('re-times, pauses, resumes and runs an operation now', async () => {
    const staff = await as('admin@hub.example');
    const runsOf = async (op: string) => (await staff.request<{ syncRuns: Array<{ trigger: string; status: string }> }>(RUNS, { op, first: 500 })).syncRuns;
    const timed = await staff.request<{ setSyncInterval: Operation }>('mutation { setSyncInterval(operation: "stock", interval: "00:00:02") { interval } }');
    expect(timed.setSyncInterval.interval).toBe('00:00:02');
    await eventually(async () => {
      const { syncRuns } = await staff.request<{ syncRuns: Array<{ trigger: string; status: string }> }>(RUNS, { op: 'stock', first: 5 });
      return syncRuns.some((r) => r.trigger === 'SCHEDULE' && r.status === 'SUCCEEDED');
    }, 15_000, 'a scheduled stock run');

    const paused = await staff.request<{ pauseSync: Operation }>('mutation { pauseSync(operation: "stock") { paused nextRunAt } }');
    expect(paused.pauseSync).toEqual({ paused: true, nextRunAt: null });
    // A run that had already started may still finish.
    await eventually(async () => (await runsOf('stock')).every((r) => r.status !== 'RUNNING'), 15_000, 'the running stock run to finish');
    const countAfterPause = (await runsOf('stock')).length;
    // Paused, stock falls due 2 s after its last run. The witness: a one-off run of exchangeRates after that moment,
    // with exchangeRates' own schedule put far off. The scheduler starts due operations in order of their next run,
    // so the tick that starts the witness would have started stock first, had the pause not held.
    const { syncOperations } = await staff.request<{ syncOperations: Operation[] }>(OPERATIONS);
    const stockLastRun = Date.parse(syncOperations.find((o) => o.name === 'stock')!.lastRunAt!);
    const ratesInterval = syncOperations.find((o) => o.name === 'exchangeRates')!.interval;
    await staff.request('mutation { setSyncInterval(operation: "exchangeRates", interval: "99:00:00") { interval } }');
    const witnessAt = new Date(Math.max(Date.now(), stockLastRun + 2000) + 100).toISOString();
    await staff.request('mutation($at: DateTimeISO!) { scheduleSyncOnce(operation: "exchangeRates", at: $at) { runOnceAt } }', { at: witnessAt });
    await eventually(async () => (await runsOf('exchangeRates')).some((r) => r.trigger === 'ONCE' && r.status !== 'RUNNING'), 15_000, 'the witness run');
    expect((await runsOf('stock')).length).toBe(countAfterPause);
    await staff.request('mutation($i: String!) { setSyncInterval(operation: "exchangeRates", interval: $i) { interval } }', { i: ratesInterval });

    const resumed = await staff.request<{ resumeSync: Operation }>('mutation { resumeSync(operation: "stock") { paused nextRunAt } }');
    expect(resumed.resumeSync.paused).toBe(false);
    expect(resumed.resumeSync.nextRunAt).not.toBeNull();
    await eventually(async () => (await staff.request<{ syncRuns: unknown[] }>(RUNS, { op: 'stock', first: 500 })).syncRuns.length > countAfterPause, 10_000, 'a run after resume');
    await staff.request('mutation { setSyncInterval(operation: "stock", interval: "00:01:00") { interval } }');

    await staff.request('mutation { runSyncNow(operation: "exchangeRates") { runRequested } }');
    await eventually(async () => {
      const { syncRuns } = await staff.request<{ syncRuns: Array<{ trigger: string; status: string }> }>(RUNS, { op: 'exchangeRates', first: 5 });
      return syncRuns.some((r) => r.trigger === 'MANUAL' && r.status === 'SUCCEEDED');
    }, 10_000, 'a manual run');

    const at = new Date(Date.now() + 1000).toISOString();
    const once = await staff.request<{ scheduleSyncOnce: { runOnceAt: string } }>('mutation($at: DateTimeISO!) { scheduleSyncOnce(operation: "categories", at: $at) { runOnceAt } }', { at });
    expect(new Date(once.scheduleSyncOnce.runOnceAt).toISOString()).toBe(at);
    await eventually(async () => {
      const { syncRuns } = await staff.request<{ syncRuns: Array<{ trigger: string }> }>(RUNS, { op: 'categories', first: 5 });
      return syncRuns.some((r) => r.trigger === 'ONCE');
    }, 10_000, 'the one-off run');
  });

  it('rejects bad intervals and unknown operations with BAD_USER_INPUT, changing nothing', async () => {
    const staff = await as('admin@hub.example');
    for (const interval of ['5 minutes', '00:00:00', '00:61:00', '']) {
      const result = await failure(staff.request('mutation($i: String!) { setSyncInterval(operation: "prices", interval: $i) { interval } }', { i: interval }));
      expect(result.codes).toEqual(['BAD_USER_INPUT']);
    }
    expect((await failure(staff.request('mutation { pauseSync(operation: "teleport") { paused } }'))).codes).toEqual(['BAD_USER_INPUT']);
    expect((await failure(staff.request(RUNS, { first: 0 }))).codes).toEqual(['BAD_USER_INPUT']);
    const { syncOperations } = await staff.request<{ syncOperations: Operation[] }>(OPERATIONS);
    expect(syncOperations.find((o) => o.name === 'prices')!.interval).toBe('00:05:00');
  });

  it('refuses customers and staff without the sync right: FORBIDDEN', async () => {
    const customer = await as('anna@nordic-tools.example');
    expect((await failure(customer.request(OPERATIONS))).codes).toEqual(['FORBIDDEN']);
    expect((await failure(customer.request('mutation { runSyncNow(operation: "prices") { name } }'))).codes).toEqual(['FORBIDDEN']);
    const ordersStaff = await as('orders@hub.example');
    expect((await failure(ordersStaff.request('mutation { pauseSync(operation: "prices") { paused } }'))).codes).toEqual(['FORBIDDEN']);
  });

  it('streams sync runs to staff as they start and finish (syncRunUpdated), and to nobody else', async () => {
    const staffClient = wsClient({ token: await tokenFor('sync@hub.example') });
    const customerClient = wsClient({ token: await tokenFor('anna@nordic-tools.example') });
    const query = 'subscription { syncRunUpdated { id operation trigger status rowsRead error } }';
    const staffStream = new RecordedSubscription(staffClient, query);
    const customerStream = new RecordedSubscription(customerClient, query);
    try {
      await customerStream.until((s) => s.error !== undefined || s.completed);
      expect(customerStream.errors.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);

      // Nothing tells when the gateway has registered the staff subscription: ask for contacts runs until one reaches it.
      const staff = await as('sync@hub.example');
      const heardContacts = (s: RecordedSubscription) => s.results.some((r) => r.data?.syncRunUpdated?.operation === 'contacts' && r.data.syncRunUpdated.status === 'SUCCEEDED');
      await eventually(async () => {
        await staff.request('mutation { runSyncNow(operation: "contacts") { runRequested } }');
        await staffStream.until(heardContacts, 5000).catch(() => undefined);
        return heardContacts(staffStream);
      }, 30_000, 'a contacts run on the staff stream');
      const contacts = staffStream.results.map((r) => r.data?.syncRunUpdated).filter((run) => run?.operation === 'contacts' && run.trigger === 'MANUAL');
      expect(contacts.map((run) => run.status)).toContain('SUCCEEDED');
      expect(contacts[contacts.length - 1]).toMatchObject({ status: 'SUCCEEDED', error: null });
      expect(customerStream.results).toEqual([]);
    } finally {
      staffStream.unsubscribe();
      await staffClient.dispose();
      await customerClient.dispose();
    }
  });
});
