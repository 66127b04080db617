/**
 * `npm run bench:messages`: the notifications worker's sender, on a real PostgreSQL and into the
 * local mail catcher (real SMTP, every message written as an .eml file):
 * - bulk: BENCH_MESSAGES (default 50,000) branded MJML e-mails to as many recipients, queued in one
 *   go, and sent until all are ACCEPTED; messages per second and the peak RSS of this process
 *   (sender and catcher together, so an upper bound for the sender);
 * - notify: meanwhile, one event every 50 ms (NOTIFY, as a subgraph publishes it) turned into an
 *   e-mail; the time from publishing to ACCEPTED, p95.
 * This is not yet a newsletter (newsletters are not built); it measures the path they would take.
 * Last line: one JSON object.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropDatabase, ensureDatabase } from '@hub/database';
import { publishEvent } from '@hub/events';
import { startEmbeddedPostgres } from '@hub/launcher/dist/embedded-postgres';
import { NotificationWorker, notificationsSubgraph, SmtpMailer, startLocalMailCatcher } from '@hub/notifications';
import { migrateAll } from '@hub/schema';
import { NotificationRecipient, SubgraphModule } from '@hub/subgraph-kit';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 50_000);
const NOTIFY_EVERY_MS = 50;
const TOPIC = 'benchOrderStatusChanged';

async function main(): Promise<void> {
  process.env.HUB_TOKEN_SECRET ??= randomBytes(32).toString('hex');
  const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir: join(process.cwd(), '.hub-data', 'bench-postgres'), port: 54339 });
  const serverUrl = process.env.DATABASE_URL ?? embedded!.serverUrl;
  const database = `hub_msgbench_${process.pid}`;
  const databaseUrl = await ensureDatabase(serverUrl, database);
  const folder = mkdtempSync(join(tmpdir(), 'hub-bench-mail-'));
  const orms = await migrateAll(databaseUrl, [notificationsSubgraph]);
  await Promise.all(Object.values(orms).map((orm) => orm.close(true)));
  const catcher = await startLocalMailCatcher({ folder, smtpPort: 0, httpPort: 0 });
  const people = new Map<string, NotificationRecipient>();
  for (let i = 0; i < MESSAGES + 1000; i++) {
    const id = randomUUID();
    people.set(id, { userId: id, email: `reader${i}@bench.example`, name: `Reader ${i}`, active: true, companyId: null, language: ['en', 'sv', 'es', 'pl'][i % 4], consents: { NEWSLETTER: true }, phone: null });
  }
  const ids = [...people.keys()];
  const notifyRecipients = ids.slice(MESSAGES);
  const published = new Map<string, number>();
  const module: SubgraphModule<any> = {
    ...notificationsSubgraph,
    name: 'bench',
    notifications: [{
      topic: TOPIC,
      notices: async (_c, event) => [{ ref: `bench:${event.key}`, template: 'order.confirmed', recipientUserIds: [notifyRecipients[published.size % notifyRecipients.length]], values: { orderId: event.key, orderNumber: `SO-${event.key.slice(0, 6)}`, total: '120.00 EUR', deliveryDate: '2026-12-24' } }],
    }],
    notificationRecipients: async (_c, wanted) => wanted.map((id) => people.get(id)!).filter(Boolean),
  };
  const worker = new NotificationWorker({ databaseUrl, modules: [module], mailer: new SmtpMailer({ HUB_SMTP_PORT: String(catcher.smtpPort) }, { maxConnections: 10 }), concurrency: 40, batchSize: 100, tickMs: 200 });
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  try {
    await worker.start();
    const started = Date.now();
    const queued = await worker.queueNotices(
      [{ ref: `bench-newsletter:${randomUUID()}`, template: 'order.placed', recipientUserIds: ids.slice(0, MESSAGES), values: { orderId: 'x', orderNumber: 'W-1', total: '1.00 EUR' }, kind: 'MARKETING' }],
      { topic: null },
    );
    console.log(`queued ${queued} messages in ${Date.now() - started} ms`);
    const notifier = setInterval(() => {
      const key = randomUUID();
      published.set(key, Date.now());
      void publishEvent(worker.pool, TOPIC, { key });
    }, NOTIFY_EVERY_MS);
    const count = async (sql: string) => Number((await worker.pool.query(sql)).rows[0].n);
    for (;;) {
      await new Promise((r) => setTimeout(r, 250));
      if ((await count(`select count(*) as n from notifications.message where ref like 'bench-newsletter:%' and status in ('QUEUED', 'SENDING')`)) === 0) break;
    }
    const bulkSeconds = (Date.now() - started) / 1000;
    clearInterval(notifier);
    await new Promise((r) => setTimeout(r, 1000));
    await worker.drain();
    const accepted = await count(`select count(*) as n from notifications.message where ref like 'bench-newsletter:%' and status = 'ACCEPTED'`);
    const { rows } = await worker.pool.query(`select ref, sent_at from notifications.message where ref like 'bench:%' and status = 'ACCEPTED'`);
    const latencies = rows.map((r) => new Date(r.sent_at).getTime() - published.get(String(r.ref).slice('bench:'.length))!).sort((a, b) => a - b);
    const p95 = latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.95))] ?? NaN;
    const perSec = accepted / bulkSeconds;
    console.log(`bulk: ${accepted}/${MESSAGES} accepted in ${bulkSeconds.toFixed(1)} s: ${perSec.toFixed(0)} messages/s; peak RSS ${(peakRss / 1048576).toFixed(0)} MB (sender and catcher in one process)`);
    console.log(`notify under that load: ${latencies.length}/${published.size} events sent, p50 ${latencies[Math.floor(latencies.length / 2)]} ms, p95 ${p95} ms`);
    console.log(JSON.stringify({ newsletterPerSec: Math.round(perSec), senderPeakRssMb: Math.round(peakRss / 1048576), notifyP95Ms: p95 }));
  } finally {
    clearInterval(sampler);
    await worker.stop();
    await catcher.stop();
    rmSync(folder, { recursive: true, force: true });
    await dropDatabase(serverUrl, database);
    await embedded?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
