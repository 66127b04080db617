import { ensureDatabase } from '@hub/database';
import { demoReferenceDate } from '@hub/demo-data';
import { TEST_ERP_ADMIN_KEY } from './demo-erp-process';
import { TEST_CARRIER_ADMIN_KEY } from './demo-carrier';
import { TEST_SMS_ADMIN_KEY } from './demo-sms';
import { TEST_PAYMENTS_ADMIN_KEY, TEST_PAYMENTS_WEBHOOK_SECRET } from './demo-payments';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeSupergraph, SUBGRAPH_MODULES } from '@hub/schema';
import { HubProcess, startHubProcess } from './hub-process';
import { MailCatcher, startMailCatcher } from './mail-catcher';
import { dovecotInstalled, ImapServer, startImapServer } from './imap-server';
import { startTestPostgres, TestServer } from './test-database';
import { ensureTrytonDatabase, trytonInstalled } from '@hub/tryton-erp';
import { startHiveGatewayProcess } from '@hub/hive-gateway';
import { ServiceProcess } from '@hub/process-lifecycle';

/** The test extension module, compiled (the hub process runs from dist). */
const MEMO_MODULE = join(__dirname, '..', 'dist', 'support', 'memo-module', 'index.js');

declare global {
  // eslint-disable-next-line no-var
  var __HUB_TEST__: { hub: HubProcess; server: TestServer; database: string; mail: MailCatcher; imap: ImapServer | null; hive?: ServiceProcess } | undefined;
}

/**
 * One hub for the whole run, started as a real process on a database of its own (created here,
 * dropped in teardown), so test runs never see each other's data. Workers find it through
 * environment variables.
 */
export default async function globalSetup(): Promise<void> {
  const demoDate = process.env.HUB_DEMO_DATE ?? demoReferenceDate().toISOString().slice(0, 10);
  process.env.HUB_DEMO_DATE = demoDate;
  // The seeded Tryton company is built once per machine (about a minute, kept in .tryton-data/); the Tryton tests run on copies.
  const trytonReady = trytonInstalled() ? ensureTrytonDatabase() : Promise.resolve(null);
  const server = await startTestPostgres();
  const database = `hub_test_${process.pid}_${Date.now()}`;
  const databaseUrl = await ensureDatabase(server.serverUrl, database);
  const mail = await startMailCatcher(join(tmpdir(), `hub-test-mail-${process.pid}-${Date.now()}.jsonl`));
  // The distributor's mailbox: a real dovecot (Debian's dovecot-imapd, which .ci/run installs); without it the mailbox test says so and fails.
  // A dovecot that will not start costs the mailbox test only (it fails naming the reason), never the whole run.
  const imap = dovecotInstalled()
    ? await startImapServer().catch((error: Error) => {
        console.error(`The test IMAP server did not start: ${error.message}`);
        return null;
      })
    : null;
  // The test hub has one module more than a plain one (tests/support/memo-module, added with HUB_MODULES
  // as a deployment would), so its supergraph is composed here, from the same compiled module the hub loads.
  const supergraphPath = join(tmpdir(), `hub-test-supergraph-${process.pid}-${Date.now()}.graphql`);
  const composed = await composeSupergraph([...SUBGRAPH_MODULES, require(MEMO_MODULE).subgraphModule]);
  if (composed.errors.length > 0) throw new Error(`The test hub's supergraph does not compose:\n${composed.errors.join('\n')}`);
  writeFileSync(supergraphPath, composed.files['supergraph.graphql']);
  // Short retry delays so that the outbox tests see retries within seconds.
  const hub = await startHubProcess({
    ...process.env,
    DATABASE_URL: databaseUrl,
    HUB_PORT: '0',
    HUB_SUBGRAPH_BASE_PORT: '0',
    HUB_DEMO_ERP_PORT: '0',
    HUB_SCHEDULER_TICK_MS: '200',
    HUB_DISPATCHER_TICK_MS: '100',
    // Prices reused for ten minutes: only the catalogue's own change events can make a test see a new price.
    HUB_PRICING_REUSE_SECONDS: '600',
    HUB_OUTBOX_RETRY_BASE_MS: '200',
    HUB_OUTBOX_RETRY_MAX_MS: '1000',
    HUB_NOTIFICATIONS_RETRY_BASE_MS: '200',
    // Branding a test has just set is the branding of the next mail (production keeps it for 2 s).
    HUB_NOTIFICATIONS_TEXTS_REFRESH_MS: '0',
    HUB_NOTIFICATIONS_RETRY_MAX_MS: '1000',
    // Payment monitoring looks at the open items every 2 s (hourly in production), so an invoice a test makes overdue in the ERP is dunned within seconds.
    HUB_NOTIFICATIONS_SCHEDULE_EVERY_MS: '2000',
    // Mail goes to the in-process SMTP catcher; tests read it from HUB_TEST_MAIL_FILE.
    HUB_SMTP_HOST: '127.0.0.1',
    HUB_SMTP_PORT: String(mail.port),
    // Tests act as clients behind a local proxy (X-Forwarded-For) to try per-address throttling.
    HUB_TRUST_PROXY: 'loopback',
    // As in production: callers who are not signed in may not introspect, and errors suggest no field names.
    HUB_ANONYMOUS_INTROSPECTION: 'false',
    // The demo ERP moves only when a test asks it to, and every process of the run sees the same demo day.
    HUB_DEMO_ERP_STEP_SECONDS: '0',
    HUB_DEMO_ERP_ADMIN_KEY: TEST_ERP_ADMIN_KEY,
    // The demo carrier too moves only when a test steps it.
    HUB_DEMO_CARRIER_PORT: '0',
    HUB_DEMO_CARRIER_STEP_SECONDS: '0',
    // Parcels are lost only when a test asks (POST /admin/parcels/<no>/lose), so every other parcel arrives.
    HUB_DEMO_CARRIER_LOSE_EVERY: '0',
    HUB_DEMO_CARRIER_ADMIN_KEY: TEST_CARRIER_ADMIN_KEY,
    // Texts go to the demo SMS gateway (a process of its own, like the carrier); tests read and fault it through its admin API.
    HUB_SMS_URL: '',
    HUB_DEMO_SMS_PORT: '0',
    HUB_DEMO_SMS_ADMIN_KEY: TEST_SMS_ADMIN_KEY,
    // Cards go to the demo payment provider (a process of its own); its webhooks to the finance subgraph. Delivered orders' cards are captured within half a second.
    HUB_PAYMENTS_URL: '',
    HUB_DEMO_PAYMENTS_PORT: '0',
    HUB_DEMO_PAYMENTS_ADMIN_KEY: TEST_PAYMENTS_ADMIN_KEY,
    HUB_PAYMENTS_WEBHOOK_SECRET: TEST_PAYMENTS_WEBHOOK_SECRET,
    HUB_PAYMENTS_CAPTURE_EVERY_MS: '500',
    HUB_DEMO_DATE: demoDate,
    HUB_MODULES: MEMO_MODULE,
    HUB_SUPERGRAPH: supergraphPath,
    // The hub reads the test's IMAP mailbox every 300 ms (a minute in production).
    ...(imap ? { HUB_IMAP_HOST: imap.host, HUB_IMAP_PORT: String(imap.port), HUB_IMAP_USER: imap.user, HUB_IMAP_PASSWORD: imap.password, HUB_IMAP_TLS: 'false', HUB_IMAP_POLL_MS: '300' } : {}),
  });
  await trytonReady;
  globalThis.__HUB_TEST__ = { hub, server, database, mail, imap };
  if (imap) Object.assign(process.env, { HUB_TEST_IMAP_HOST: imap.host, HUB_TEST_IMAP_PORT: String(imap.port), HUB_TEST_IMAP_USER: imap.user, HUB_TEST_IMAP_PASSWORD: imap.password });
  process.env.HUB_TEST_MAIL_FILE = mail.file;
  process.env.HUB_TEST_GATEWAY_URL = hub.gatewayUrl;
  process.env.HUB_TEST_SUBGRAPH_URLS = JSON.stringify(hub.subgraphs);
  process.env.HUB_TEST_DATABASE_URL = databaseUrl;
  process.env.HUB_TEST_SERVER_URL = server.serverUrl;
  process.env.HUB_TEST_ERP_URL = hub.erpUrl;
  process.env.HUB_TEST_CARRIER_URL = hub.carrierUrl;
  process.env.HUB_TEST_SMS_URL = hub.smsUrl;
  process.env.HUB_TEST_PAYMENTS_URL = hub.paymentsUrl;
  process.env.HUB_TEST_SUPERGRAPH = supergraphPath;
  // HUB_TEST_GATEWAY=hive or hive-rust (npm run test:hive): the tests' requests go through Hive Gateway (JS or Rust planner), in front of the same subgraphs.
  const viaHive = process.env.HUB_TEST_GATEWAY;
  if (viaHive === 'hive' || viaHive === 'hive-rust') {
    const planner = viaHive === 'hive-rust' ? 'rust' : 'js';
    const hive = await startHiveGatewayProcess({ subgraphUrls: hub.subgraphs, supergraphPath, planner });
    globalThis.__HUB_TEST__.hive = hive;
    process.env.HUB_TEST_GATEWAY_URL = hive.url;
  }
}
