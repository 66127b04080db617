import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrationsCheck, readiness } from './health';

describe('readiness', () => {
  it('is ready unless a critical check fails; a failing warning check only warns; slow checks time out', async () => {
    const report = await readiness([
      { name: 'db', run: async () => 'fine' },
      { name: 'erp', severity: 'warning', run: async () => Promise.reject(new Error('HTTP 503')) },
    ]);
    expect(report).toEqual({
      status: 'ready',
      checks: [
        { name: 'db', status: 'pass', durationMs: expect.any(Number), detail: 'fine' },
        { name: 'erp', status: 'warn', durationMs: expect.any(Number), detail: 'HTTP 503' },
      ],
    });
    const slow = await readiness([{ name: 'db', timeoutMs: 20, run: () => new Promise(() => undefined) }]);
    expect(slow).toMatchObject({ status: 'not_ready', checks: [{ name: 'db', status: 'fail', detail: 'no answer within 20 ms' }] });
  });

  it('names the migrations the database lacks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hub-migrations-'));
    for (const file of ['Migration1.js', 'Migration2.js', 'Migration2.d.ts', 'Migration2.js.map']) writeFileSync(join(dir, file), '');
    const applied = (names: string[]) => async () => names.map((name) => ({ name }));
    expect((await readiness([migrationsCheck('orders', dir, applied(['Migration1', 'Migration2']))])).checks[0]).toMatchObject({ status: 'pass', detail: '2 applied' });
    expect((await readiness([migrationsCheck('orders', dir, applied(['Migration1']))])).checks[0]).toMatchObject({ name: 'migrations:orders', status: 'fail', detail: 'pending migrations: Migration2' });
  });
});
