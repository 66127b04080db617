import { DemoErpAdminClient } from './admin-client';
import { startDemoErp } from './server';

/** Polls until `check` holds, or fails after the deadline: waiting for a state, never for a fixed time. */
async function until<T>(check: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the demo ERP server', () => {
  it('moves on its own at the pace it is given, and stops when told', async () => {
    const erp = await startDemoErp({ scale: 'small', stepSeconds: 1 });
    try {
      const admin = new DemoErpAdminClient(erp.url, erp.adminKey);
      expect((await admin.stats()).paceSeconds).toBe(1);
      const stats = await until(async () => {
        const s = await admin.stats();
        return s.ticks >= 2 ? s : undefined;
      }, 10_000);
      expect(stats.version).toBeGreaterThan(0);
      await admin.setPace(0);
      const stopped = (await admin.stats()).ticks;
      // A step already under way may finish; after that nothing moves until asked.
      await admin.advance(1);
      expect((await admin.stats()).ticks).toBe(stopped + 1);
    } finally {
      await erp.stop();
    }
  });

  it('answers the admin API only with the admin key; the API key of the hub is not enough', async () => {
    const erp = await startDemoErp({ scale: 'small', apiKey: 'hub-key', adminKey: 'admin-key' });
    try {
      for (const authorization of [undefined, 'Bearer hub-key', 'Bearer wrong']) {
        const response = await fetch(`${erp.url}/admin/stats`, { headers: authorization ? { authorization } : {} });
        expect(response.status).toBe(401);
      }
      const ok = await fetch(`${erp.url}/admin/stats`, { headers: { authorization: 'Bearer admin-key' } });
      expect(ok.status).toBe(200);
      expect(await new DemoErpAdminClient(erp.url, 'admin-key').advance(1)).toMatchObject({ ticks: 1 });
      await expect(new DemoErpAdminClient(erp.url, 'hub-key').advance(1)).rejects.toThrow(/401/);
    } finally {
      await erp.stop();
    }
  });
});
