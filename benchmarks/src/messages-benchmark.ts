/**
 * `npm run bench:messages`: the notifications worker's sender, on a real PostgreSQL and into the
 * local mail catcher (real SMTP, every message written as an .eml file):
 * - bulk: BENCH_MESSAGES (default 50,000) branded MJML e-mails to as many recipients, queued in one
 *   go, and sent until all are ACCEPTED; messages per second and the peak RSS of this process
 *   (sender and catcher together, so an upper bound for the sender);
 * - notify: meanwhile, one event every 50 ms (NOTIFY, as a subgraph publishes it) turned into an
 *   e-mail; the time from publishing to ACCEPTED, p95.
 * The sender runs with the V8 flags of the notifications subgraph's process, where it runs when the
 * hub is deployed (launcher/src/node-flags.ts): this script starts itself again with them.
 * The bulk is a real newsletter: BENCH_MESSAGES users with the newsletter consent are seeded in
 * the scratch database (customers' tables), a product in products', and NewsletterService.send
 * queues it (audience, directory, signed unsubscribe links) for the worker to send. The mail
 * catcher runs in a child process, so the peak RSS is the sender's own.
 * Last line: one JSON object.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropDatabase, ensureDatabase } from '@hub/database';
import { publishEvent } from '@hub/events';
import { startEmbeddedPostgres } from '@hub/launcher/dist/embedded-postgres';
import { fork } from 'node:child_process';
import { MikroORM } from '@mikro-orm/postgresql';
import { loadAuthSecrets } from '@hub/auth';
import { customersSubgraph } from '@hub/customers';
import { productsSubgraph } from '@hub/products';
import { NewsletterService, NotificationWorker, notificationsSubgraph, SmtpMailer, startLocalMailCatcher } from '@hub/notifications';
import { migrateAll } from '@hub/schema';
import { SubgraphModule } from '@hub/subgraph-kit';
import { withHubNodeFlags } from '@hub/launcher/dist/node-flags';
import { percentile } from './bench-stats';

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
  const orms = await migrateAll(databaseUrl, [customersSubgraph, productsSubgraph, notificationsSubgraph]);
  const catcherProcess = fork(__filename, ['--catcher', folder], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const catcherPort = await new Promise<number>((resolve, reject) => {
    catcherProcess.once('message', (m: any) => resolve(Number(m.smtpPort)));
    catcherProcess.once('exit', (code) => reject(new Error(`the mail catcher exited (${code})`)));
  });
  const pg = new (await import('pg')).Pool({ connectionString: databaseUrl, max: 4 });
  const seedStarted = Date.now();
  // The audience: MESSAGES newsletter readers; and 1000 more users for the order notices (no newsletter consent: they get none).
  await pg.query(
    `insert into customers.user_account (id, email, password_hash, name, kind, permissions, active, created_at)
     select gen_random_uuid(), 'reader' || i || '@bench.example', 'x', 'Reader ' || i, 'CUSTOMER', '{}', true, now() from generate_series(1, $1::int + 1000) i`,
    [MESSAGES],
  );
  await pg.query(
    `insert into customers.consent_event (id, user_id, channel, granted, source, at)
     select gen_random_uuid(), id, 'NEWSLETTER', true, 'USER', now() from customers.user_account where (substring(email from 'reader(\\d+)@'))::int <= $1`,
    [MESSAGES],
  );
  const productId = randomUUID();
  await pg.query(`insert into products.product (id, sku, name, description, unit, list_price, currency, active) values ($1, 'BENCH-1', 'Bench screw M6', 'A screw', 'box', 12.5, 'EUR', true)`, [productId]).catch(async (error) => {
    throw new Error(`seeding the product failed: ${(error as Error).message}`);
  });
  const notifyRecipients = (await pg.query(`select id from customers.user_account where (substring(email from 'reader(\\d+)@'))::int > $1`, [MESSAGES])).rows.map((r) => r.id as string);
  const staffId = randomUUID();
  const newsletterId = randomUUID();
  await pg.query(`insert into notifications.newsletter (id, title, intro, product_ids, discount_codes, created_by, created_at) values ($1, 'Bench news', 'New in stock.', $2, '{BENCH-10}', $3, now())`, [newsletterId, [productId], staffId]);
  console.log(`seeded ${MESSAGES} consenting readers in ${Date.now() - seedStarted} ms`);
  const published = new Map<string, number>();
  const module: SubgraphModule<any> = {
    ...notificationsSubgraph,
    name: 'bench',
    notifications: [{
      topic: TOPIC,
      notices: async (_c, event) => [{ ref: `bench:${event.key}`, template: 'order.confirmed', recipientUserIds: [notifyRecipients[published.size % notifyRecipients.length]], values: { orderId: event.key, orderNumber: `SO-${event.key.slice(0, 6)}`, total: '120.00 EUR', deliveryDate: '2026-12-24' } }],
    }],
    notificationRecipients: customersSubgraph.notificationRecipients,
  };
  const worker = new NotificationWorker({ databaseUrl, modules: [module], mailer: new SmtpMailer({ HUB_SMTP_PORT: String(catcherPort) }, { maxConnections: 10 }), concurrency: 40, batchSize: 100, tickMs: 200 });
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  try {
    await worker.start();
    const started = Date.now();
    const newsletters = new NewsletterService((orms.notifications as MikroORM).em.fork(), {
      pool: () => pg,
      directory: customersSubgraph.notificationRecipients!,
      audience: customersSubgraph.newsletterAudience!,
      products: productsSubgraph.newsletterProducts!,
      secrets: loadAuthSecrets(),
      linkOrigin: () => 'http://localhost:4000',
    });
    const sent = await newsletters.send({ userId: staffId, kind: 'STAFF', companyId: null, supplierId: null, permissions: ['staff.users'] } as any, newsletterId);
    const queued = sent.recipients;
    console.log(`queued ${queued} messages in ${Date.now() - started} ms`);
    const notifier = setInterval(() => {
      const key = randomUUID();
      published.set(key, Date.now());
      void publishEvent(worker.pool, TOPIC, { key });
    }, NOTIFY_EVERY_MS);
    const count = async (sql: string) => Number((await worker.pool.query(sql)).rows[0].n);
    for (;;) {
      await new Promise((r) => setTimeout(r, 250));
      if ((await count(`select count(*) as n from notifications.message where ref = 'newsletter:${newsletterId}' and status in ('QUEUED', 'SENDING')`)) === 0) break;
    }
    const bulkSeconds = (Date.now() - started) / 1000;
    clearInterval(notifier);
    await new Promise((r) => setTimeout(r, 1000));
    await worker.drain();
    const accepted = await count(`select count(*) as n from notifications.message where ref = 'newsletter:${newsletterId}' and status = 'ACCEPTED'`);
    const { rows } = await worker.pool.query(`select ref, sent_at from notifications.message where ref like 'bench:%' and status = 'ACCEPTED'`);
    const latencies = rows.map((r) => new Date(r.sent_at).getTime() - published.get(String(r.ref).slice('bench:'.length))!).sort((a, b) => a - b);
    const p95 = percentile(latencies, 95);
    const perSec = accepted / bulkSeconds;
    console.log(`bulk: ${accepted}/${MESSAGES} accepted in ${bulkSeconds.toFixed(1)} s: ${perSec.toFixed(0)} messages/s; peak RSS ${(peakRss / 1048576).toFixed(0)} MB (the sender; the catcher is another process)`);
    console.log(`notify under that load: ${latencies.length}/${published.size} events sent, p50 ${percentile(latencies, 50)} ms, p95 ${p95} ms`);
    console.log(JSON.stringify({ newsletterPerSec: Math.round(perSec), senderPeakRssMb: Math.round(peakRss / 1048576), notifyP95Ms: p95 }));
  } finally {
    clearInterval(sampler);
    await worker.stop();
    await pg.end();
    await Promise.all(Object.values(orms).map((orm) => orm.close(true)));
    catcherProcess.kill();
    rmSync(folder, { recursive: true, force: true });
    await dropDatabase(serverUrl, database);
    await embedded?.stop();
  }
}

async function runCatcher(folder: string): Promise<void> {
  const catcher = await startLocalMailCatcher({ folder, smtpPort: 0, httpPort: 0 });
  process.send!({ smtpPort: catcher.smtpPort });
  process.on('SIGTERM', () => void catcher.stop().finally(() => process.exit(0)));
}

/** This script again, as the sender, with the notifications process's flags; its exit code is ours. */
function runAsSender(): Promise<void> {
  const sender = fork(__filename, ['--sender'], { execArgv: withHubNodeFlags(process.execArgv, 'notifications'), stdio: 'inherit' });
  return new Promise((resolve) => sender.on('exit', (code) => { process.exitCode = code ?? 1; resolve(); }));
}

const role = process.argv[2];
(role === '--catcher' ? runCatcher(process.argv[3]) : role === '--sender' ? main() : runAsSender()).catch((error) => {
  console.error(error);
  process.exit(1);
});
