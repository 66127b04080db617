import { erpEntityId } from '@hub/erp-ids';
import { as, demo, demoUser, tokenFor } from './support/hub-client';
import { erpAdmin, eventually, outboxMessages } from './support/staff-client';
import { fieldMetrics, gatewayMetrics, RecordedSubscription, untilMetrics, wsClient } from './support/subscription-client';

/**
 * A subgraph module added the way a deployment adds one (HUB_MODULES): tests/support/memo-module
 * declares its sync kind `memos`, its outbox topic `memo.acknowledged` and its event topic
 * `memoPublished` (serving `subscription memoPublished`), and a download (`fileRoutes`: a memo as a
 * text file behind `Memo.textFileUrl`), and nothing outside that folder names them. The test hub runs with it (see the global setup), and this test sees each of the three work.
 */
describe('a subgraph module brings its own ERP wiring', () => {
  const companyA = demo.companies[0];
  const companyB = demo.companies[1];
  const userA = demoUser(0, 'buyer');
  const userB = demoUser(1, 'buyer');
  const run = `${Date.now().toString(36)}`;
  const memoKey = (n: number) => `MEMO-${run}-${n}`;
  const memoId = (n: number) => erpEntityId('memo', memoKey(n));
  const clients: Array<ReturnType<typeof wsClient>> = [];

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
  });

  /** Publishes a memo in the ERP and runs the module's own sync operation through the staff API. */
  async function publish(n: number, customerNumber: string, text: string): Promise<void> {
    await erpAdmin('POST', '/admin/records/memos', { key: memoKey(n), customerNumber, text, publishedAt: new Date().toISOString() });
    const staff = await as('sync@hub.example');
    await staff.request('mutation { runSyncNow(operation: "memos") { runRequested } }');
  }

  it('its kind is a sync operation staff see and run, like the built-in ones', async () => {
    const staff = await as('sync@hub.example');
    const { syncOperations } = await staff.request<{ syncOperations: Array<{ name: string; description: string; interval: string }> }>('{ syncOperations { name description interval } }');
    expect(syncOperations.find((o) => o.name === 'memos')).toEqual({ name: 'memos', description: 'Memos to customers (test extension module)', interval: '01:00:00' });

    await publish(1, companyA.erpNumber, 'Closed on 24 December');
    const buyer = await as(userA.email);
    const memos = await eventually(async () => {
      const { memos: list } = await buyer.request<{ memos: Array<{ id: string; text: string }> }>('{ memos { id text } }');
      return list.some((m) => m.id === memoId(1)) ? list : undefined;
    }, 30_000, 'the memos sync to bring the memo');
    expect(memos).toContainEqual({ id: memoId(1), text: 'Closed on 24 December' });
    // Another company's user never sees it, not even by id.
    const other = await as(userB.email);
    expect((await other.request<{ memos: unknown[] }>('{ memos { id } }')).memos).not.toContainEqual({ id: memoId(1) });
    await expect(other.request('query($id: ID!) { memo(id: $id) { id } }', { id: memoId(1) })).rejects.toMatchObject({ response: { errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) })] } });
  });

  it("its file route serves downloads behind the hub's signed links, to the user they were issued to only", async () => {
    const buyer = await as(userA.email);
    type Memo = { id: string; text: string; textFileUrl: string };
    const memo = await eventually<Memo>(async () => {
      const { memos } = await buyer.request<{ memos: Memo[] }>('{ memos { id text textFileUrl } }');
      return memos.find((m) => m.id === memoId(1));
    }, 30_000, 'the memo of the first test');
    expect(memo.textFileUrl).toMatch(/\/files\/memos\/[\w-]+\.[\w-]+\.[\w-]+$/);
    const got = await fetch(memo.textFileUrl, { headers: { authorization: `Bearer ${await tokenFor(userA.email)}` } });
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(got.headers.get('content-disposition')).toContain(`attachment; filename="Memo ${memoKey(1)}.txt"`);
    expect(await got.text()).toBe(`${memo.text}\n`);
    const other = await fetch(memo.textFileUrl, { headers: { authorization: `Bearer ${await tokenFor(userB.email)}` } });
    expect(other.status).toBe(403);
    expect(((await other.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('its subscription is served by the gateway from its own event topic, to the right company only', async () => {
    const forA = wsClient({ token: await tokenFor(userA.email) });
    const forB = wsClient({ token: await tokenFor(userB.email) });
    clients.push(forA, forB);
    const query = 'subscription { memoPublished { id text } }';
    const before = fieldMetrics(await gatewayMetrics(), 'memoPublished').active;
    const a = new RecordedSubscription(forA, query);
    const b = new RecordedSubscription(forB, query);
    await untilMetrics((m) => fieldMetrics(m, 'memoPublished').active >= before + 2);

    // Each company's user hears of its own memos only. (Published again until heard: another test
    // file may cut the gateway's event connection, and a key-less subscription does not catch up.)
    await eventually(async () => {
      await publish(2, companyB.erpNumber, `For Kowalski only ${Date.now()}`);
      await b.until((s) => s.results.some((r) => r.data?.memoPublished?.id === memoId(2)), 5_000);
      return true;
    }, 30_000, "company B's subscriber to hear of its memo");
    await eventually(async () => {
      await publish(3, companyA.erpNumber, `For Nordic only ${Date.now()}`);
      await a.until((s) => s.results.some((r) => r.data?.memoPublished?.id === memoId(3)), 5_000);
      return true;
    }, 30_000, "company A's subscriber to hear of its memo");
    expect(a.results.map((r) => r.data?.memoPublished?.id)).not.toContain(memoId(2));
    expect(b.results.map((r) => r.data?.memoPublished?.id)).not.toContain(memoId(3));
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  });

  it('its outbox topic is dispatched to the ERP once, and the receipt comes back to the module', async () => {
    const buyer = await as(userA.email);
    const ack = 'mutation($id: ID!) { acknowledgeMemo(id: $id) { id acknowledgedAt } }';
    const { acknowledgeMemo } = await buyer.request<{ acknowledgeMemo: { id: string; acknowledgedAt: string | null } }>(ack, { id: memoId(1) });
    expect(acknowledgeMemo.acknowledgedAt).not.toBeNull();
    await buyer.request(ack, { id: memoId(1) }); // a second acknowledgement sends nothing more

    const key = `memo-ack:${memoId(1)}`;
    const message = await eventually(async () => (await outboxMessages('DELIVERED')).find((m) => m.key === key), 30_000, 'the acknowledgement to reach the ERP');
    expect(message).toMatchObject({ source: 'memos', topic: 'memo.acknowledged', status: 'DELIVERED' });
    const stats = await erpAdmin('GET', '/admin/stats');
    expect(stats.acceptedDocumentsByKey.memoAcknowledgements[key]).toBe(1);
    const { memo } = await buyer.request<{ memo: { erpAcknowledgement: string } }>('query($id: ID!) { memo(id: $id) { erpAcknowledgement } }', { id: memoId(1) });
    expect(memo.erpAcknowledgement).toBe(JSON.parse(message.result!).documentNumber);
    expect((await outboxMessages()).filter((m) => m.key === key)).toHaveLength(1);
  });
});
