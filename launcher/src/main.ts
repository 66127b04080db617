import { buildDemoDataset, DEMO_PASSWORD } from '@hub/demo-data';
import { ensureDatabase } from '@hub/database';
import { ConnectedErpAdapter, createErpAdapter, ErpAdapterSettings, IntegratorWorker, startIntegratorWorker } from '@hub/integrator';
import { LocalMailCatcher, startLocalMailCatcher } from '@hub/notifications';
import { exitWithParent } from '@hub/process-lifecycle';
import { componentLogger, setLogService, startProcessMetrics, startTracing, stopTracing } from '@hub/observability';
import { HttpCarrierAdapter } from '@hub/carrier-contract';
import { DemoErpProcess, startDemoErpProcess } from './demo-erp-process';
import { DemoCarrierProcess, startDemoCarrierProcess } from './demo-carrier-process';
import { DemoSmsProcess, startDemoSmsProcess } from './demo-sms-process';
import { DemoPaymentsProcess, startDemoPaymentsProcess } from './demo-payments-process';
import { loadLauncherConfig } from './config';
import { EmbeddedDatabase, startEmbeddedPostgres } from './embedded-postgres';
import { RunningHub, startHub } from './hub';

/** `npm start`: the whole hub on one machine, on an embedded PostgreSQL unless DATABASE_URL is set. */
async function main(): Promise<void> {
  const startedAt = Date.now();
  const config = loadLauncherConfig();
  // This process runs the gateway and the integrator worker, and in single mode every subgraph (and the notifications sender) too.
  const service = config.processes === 'split' ? 'gateway' : 'hub';
  setLogService(service);
  startProcessMetrics(service);
  startTracing({ service });
  const launcher = componentLogger('launcher');
  const log = (line: string) => launcher.info(line);
  let embedded: EmbeddedDatabase | undefined;
  let hub: RunningHub | undefined;
  let demoErp: DemoErpProcess | undefined;
  let demoCarrier: DemoCarrierProcess | undefined;
  let demoSms: DemoSmsProcess | undefined;
  let demoPayments: DemoPaymentsProcess | undefined;
  let adapter: ConnectedErpAdapter | undefined;
  let worker: IntegratorWorker | undefined;
  let mailCatcher: LocalMailCatcher | undefined;
  let stopping = false;

  let startup: Promise<void> = Promise.resolve();
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    // Start-up checks `stopping` between steps; let it reach the next one so everything it started can be stopped.
    await startup.catch(() => undefined);
    try {
      await worker?.stop();
      adapter?.close();
      await hub?.stop();
      await demoErp?.stop();
      await mailCatcher?.stop();
      await demoCarrier?.stop();
      await demoSms?.stop();
      await demoPayments?.stop();
      await embedded?.stop();
      await stopTracing();
      log('stopped');
      process.exit(0);
    } catch (error) {
      launcher.error({ err: error }, 'stopping failed');
      process.exit(1);
    }
  };
  const onSigint = () => void shutdown('SIGINT');
  const onSigterm = () => void shutdown('SIGTERM');
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigterm);
  // Started by a supervisor with an IPC channel (the tests' hubs): a supervisor killed with SIGKILL leaves no hub behind.
  exitWithParent({ stop: () => shutdown('the process that started the hub is gone'), graceMs: 30_000 });

  startup = (async () => {
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    log(`starting embedded PostgreSQL in ${config.dataDir} on port ${config.embeddedPort}`);
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPort });
    // embedded-postgres stops the database on SIGINT/SIGTERM by itself and exits, racing the orderly
    // shutdown above (which stops the database last). Keep only ours for those two signals.
    for (const [signal, ours] of [['SIGINT', onSigint], ['SIGTERM', onSigterm]] as const) {
      for (const listener of process.listeners(signal)) if (listener !== ours) process.off(signal, listener as () => void);
    }
    databaseUrl = await ensureDatabase(embedded.serverUrl, 'hub');
  }
  if (config.mailCatcher) {
    // No SMTP relay configured: a local one that keeps every message, so password resets and notifications work out of the box.
    mailCatcher = await startLocalMailCatcher(config.mailCatcher);
    // Before the hub starts, so that subgraph processes (split mode) inherit it too.
    process.env.HUB_SMTP_HOST = '127.0.0.1';
    process.env.HUB_SMTP_PORT = String(mailCatcher.smtpPort);
    log(`mail catcher: SMTP on 127.0.0.1:${mailCatcher.smtpPort}, messages in ${mailCatcher.folder}, listed at ${mailCatcher.httpUrl}`);
  }
  // Texts: a real SMS gateway when configured, otherwise the built-in demo SMS gateway; before the
  // hub starts, so the notifications process (split mode: a process of its own) inherits where it is.
  let smsUrl = config.smsUrl;
  if (!smsUrl) {
    demoSms = await startDemoSmsProcess({ port: config.demoSmsPort, adminKey: config.demoSmsAdminKey });
    smsUrl = demoSms.url;
    process.env.HUB_SMS_URL = demoSms.url;
    process.env.HUB_SMS_API_KEY = demoSms.apiKey;
    log(`demo SMS gateway listening at ${smsUrl}`);
  }
  // Card payments: a real provider's endpoint when configured, otherwise the built-in demo payment provider;
  // before the hub starts, so the finance processes inherit where it is and the webhook secret.
  let paymentsUrl = config.paymentsUrl;
  if (!paymentsUrl) {
    demoPayments = await startDemoPaymentsProcess({ port: config.demoPaymentsPort, adminKey: config.demoPaymentsAdminKey, webhookSecret: config.paymentsWebhookSecret });
    paymentsUrl = demoPayments.url;
    process.env.HUB_PAYMENTS_URL = demoPayments.url;
    process.env.HUB_PAYMENTS_API_KEY = demoPayments.apiKey;
    process.env.HUB_PAYMENTS_WEBHOOK_SECRET = demoPayments.webhookSecret;
    log(`demo payment provider listening at ${paymentsUrl}`);
  }
  if (stopping) return;
  hub = await startHub({
    databaseUrl,
    host: config.host,
    gatewayPort: config.gatewayPort,
    subgraphBasePort: config.subgraphBasePort,
    seedDemoData: config.seedDemoData,
    processes: config.processes,
    subgraphWorkers: config.subgraphWorkers,
    graphqlIde: config.graphqlIde,
    log,
  });
  if (stopping) return;
  // The demo provider's webhooks go to the finance subgraph (a real provider's are configured at the provider).
  if (demoPayments && hub.subgraphs.finance) await demoPayments.setWebhookUrl(hub.subgraphs.finance.replace(/\/graphql$/, '/webhooks/payments'));

  // The ERP link: Tryton (HUB_ERP=tryton), a real ERP's adapter endpoint when configured, otherwise the built-in demo ERP.
  let erpUrl = config.tryton?.url ?? config.erpUrl;
  let erpApiKey = config.erpApiKey;
  if (!erpUrl) {
    demoErp = await startDemoErpProcess({ scale: config.demoErpScale, port: config.demoErpPort, adminKey: config.demoErpAdminKey, stepSeconds: config.demoErpStepSeconds });
    erpUrl = demoErp.url;
    erpApiKey = demoErp.apiKey;
    const pace = config.demoErpStepSeconds > 0 ? `moves every ${config.demoErpStepSeconds} s` : 'moves only when asked';
    log(`demo ERP (${config.demoErpScale}, ${pace}) listening at ${erpUrl}`);
  }
  const settings: ErpAdapterSettings = config.tryton ?? { kind: 'http', url: erpUrl, apiKey: erpApiKey ?? '' };
  adapter = createErpAdapter(settings);
  if (config.tryton) {
    // Wrong credentials or a Tryton that does not answer are said at start; the hub still serves its copy, and each sync run fails with the reason.
    await adapter.health().then(
      () => log(`Tryton ${config.tryton!.url} (database ${(config.tryton as { database: string }).database}) answers`),
      (error) => launcher.error({ err: error }, `Tryton is not usable: ${(error as Error).message}`),
    );
  }
  hub.connectErp(adapter, settings);
  // The ERP down is worth knowing but not a reason to stop serving: the hub answers from its copy.
  const erp = adapter;
  hub.addReadinessCheck({ name: 'erp', severity: 'warning', run: () => erp.health() });
  // The parcel carrier: a real carrier's endpoint when configured, otherwise the built-in demo carrier.
  let carrierUrl = config.carrierUrl;
  let carrierApiKey = config.carrierApiKey;
  if (!carrierUrl) {
    demoCarrier = await startDemoCarrierProcess({ port: config.demoCarrierPort, adminKey: config.demoCarrierAdminKey, stepSeconds: config.demoCarrierStepSeconds, loseEvery: config.demoCarrierLoseEvery });
    carrierUrl = demoCarrier.url;
    carrierApiKey = demoCarrier.apiKey;
    log(`demo carrier (${config.demoCarrierStepSeconds > 0 ? `moves every ${config.demoCarrierStepSeconds} s` : 'moves only when asked'}) listening at ${carrierUrl}`);
  }
  const carrier = new HttpCarrierAdapter({ baseUrl: carrierUrl, apiKey: carrierApiKey ?? '' });
  hub.addReadinessCheck({ name: 'carrier', severity: 'warning', run: () => carrier.health() });
  if (stopping) return;
  if (config.integratorWorker) {
    worker = await startIntegratorWorker({
      databaseUrl,
      adapter,
      carrier,
      syncOnStart: config.syncOnStart,
      schedulerTickMs: config.schedulerTickMs,
      dispatcherTickMs: config.dispatcherTickMs,
      retryBaseDelayMs: config.outboxRetryBaseMs,
      retryMaxDelayMs: config.outboxRetryMaxMs,
      maxDeliveryAttempts: config.outboxMaxAttempts,
      modules: hub.modules,
      log,
    });
    for (const check of worker.readinessChecks) hub.addReadinessCheck(check);
  }
  if (stopping) return;

  const logins = buildDemoDataset().users.map((u) => `  ${u.email.padEnd(36)} ${u.role}`);
  console.log(
    [
      '',
      `ERP integration hub ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`,
      `GraphQL endpoint: ${hub.gatewayUrl}`,
      `Subgraphs: ${Object.entries(hub.subgraphs).map(([name, url]) => `${name}=${url}`).join(' ')}`,
      `ERP: ${erpUrl}${demoErp ? ' (built-in demo ERP)' : config.tryton ? ' (Tryton)' : ''}`,
      mailCatcher
        ? `Mail: caught locally (SMTP 127.0.0.1:${mailCatcher.smtpPort}); read it at ${mailCatcher.httpUrl} or in ${mailCatcher.folder}`
        : `Mail: sent through ${process.env.HUB_SMTP_HOST}:${process.env.HUB_SMTP_PORT || 2525}`,
      `Carrier: ${carrierUrl}${demoCarrier ? ' (built-in demo carrier)' : ''}`,
      `SMS: ${smsUrl}${demoSms ? ' (built-in demo SMS gateway)' : ''}`,
      `Payments: ${paymentsUrl}${demoPayments ? ' (built-in demo payment provider)' : ''}`,
      ...(demoPayments ? [`Demo payment provider admin API: ${paymentsUrl}/admin (Authorization: Bearer ${demoPayments.adminKey}; see demo-payments/README.md)`] : []),
      ...(demoSms ? [`Demo SMS gateway admin API: ${smsUrl}/admin (Authorization: Bearer ${demoSms.adminKey}; see demo-sms/README.md)`] : []),
      ...(demoCarrier ? [`Demo carrier admin API: ${carrierUrl}/admin (Authorization: Bearer ${demoCarrier.adminKey}; see demo-carrier/README.md)`] : []),
      ...(demoErp ? [`Demo ERP admin API: ${erpUrl}/admin (Authorization: Bearer ${demoErp.adminKey}; see demo-erp/README.md)`] : []),
      '',
      `Demo logins (password "${DEMO_PASSWORD}"):`,
      ...logins,
      '',
      'Press Ctrl-C to stop.',
    ].join('\n'),
  );
  })();
  await startup;
}

main().catch((error) => {
  componentLogger('launcher').fatal({ err: error }, 'failed to start');
  process.exit(1);
});
