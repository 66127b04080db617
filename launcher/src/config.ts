import { dirname, join } from 'node:path';
import { graphqlIdeEnabled } from '@hub/gateway';
import { ErpAdapterSettings, trytonSettingsFromEnv } from '@hub/integrator';
import { parseCompanyFieldOwnership } from '@hub/customers';
import { portSetting, positiveIntegerSetting, wholeNumberSetting } from '@hub/settings';
import { notificationWorkerSettings, NotificationWorkerSettings } from '@hub/notifications';

/** Everything `npm start` reads from the environment (documented in the README). */
export interface LauncherConfig {
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedPort: number;
  host: string;
  gatewayPort: number;
  subgraphBasePort: number;
  seedDemoData: boolean;
  processes: 'single' | 'split';
  /** With processes "split": how many processes serve a subgraph (HUB_SUBGRAPH_WORKERS="products=2"); 1 when not named. */
  subgraphWorkers: Record<string, number>;
  /** GraphiQL at the gateway's URL: on unless NODE_ENV=production, HUB_GRAPHQL_IDE=true|false decides. */
  graphqlIde: boolean;
  /** A real ERP's adapter endpoint; unset starts the built-in demo ERP. */
  erpUrl: string | undefined;
  erpApiKey: string | undefined;
  /** HUB_ERP=tryton: a Tryton server's JSON-RPC (HUB_TRYTON_URL, _DATABASE, _USER, _PASSWORD); null: the HTTP adapter. */
  tryton: ErpAdapterSettings | null;
  demoErpScale: 'small' | 'large';
  demoErpPort: number;
  /** The demo ERP's admin API key (HUB_DEMO_ERP_ADMIN_KEY). */
  demoErpAdminKey: string;
  /** Seconds between the demo ERP's own steps; 0: it moves only when asked through its admin API. */
  demoErpStepSeconds: number;
  /** A real carrier's endpoint speaking the carrier protocol (@hub/carrier-contract); unset starts the demo carrier. */
  carrierUrl: string | undefined;
  carrierApiKey: string | undefined;
  demoCarrierPort: number;
  demoCarrierAdminKey: string;
  /** Seconds between the demo carrier's working steps (every parcel moves one state); 0: only when asked. */
  demoCarrierStepSeconds: number;
  /** A real SMS gateway's endpoint speaking the SMS protocol (@hub/sms-contract); unset starts the demo SMS gateway. */
  smsUrl: string | undefined;
  demoSmsPort: number;
  demoSmsAdminKey: string;
  /** A real card payment provider's endpoint speaking @hub/payment-contract (with HUB_PAYMENTS_API_KEY); unset starts the demo payment provider. */
  paymentsUrl: string | undefined;
  demoPaymentsPort: number;
  demoPaymentsAdminKey: string;
  /** The secret the provider signs its webhooks with (HUB_PAYMENTS_WEBHOOK_SECRET). */
  paymentsWebhookSecret: string | undefined;
  /** The demo carrier loses every n-th parcel it registers (an exception on the shipment); 0: none. */
  demoCarrierLoseEvery: number;
  /** Run the scheduler and outbox dispatcher in this process. */
  integratorWorker: boolean;
  syncOnStart: boolean;
  schedulerTickMs: number;
  dispatcherTickMs: number;
  outboxRetryBaseMs: number;
  outboxRetryMaxMs: number;
  outboxMaxAttempts: number;
  /** No HUB_SMTP_HOST: start a local mail catcher on these ports (SMTP; HTTP listing) and send there. */
  /** The notifications sender (it runs in the notifications subgraph's process). */
  notificationsWorker: NotificationWorkerSettings;
  mailCatcher: { folder: string; smtpPort: number; httpPort: number } | null;
}

export function loadLauncherConfig(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): LauncherConfig {
  const gatewayPort = portSetting(env, 'HUB_PORT', 4000);
  // Field ownership is read by the processes that enforce it; checked here so a bad value stops the start.
  parseCompanyFieldOwnership(env.HUB_FIELD_OWNERSHIP);
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.HUB_DATA_DIR || join(root, '.hub-data', 'postgres'),
    embeddedPort: portSetting(env, 'HUB_EMBEDDED_PG_PORT', 54329),
    host: env.HUB_HOST || '127.0.0.1',
    gatewayPort,
    subgraphBasePort: portSetting(env, 'HUB_SUBGRAPH_BASE_PORT', gatewayPort === 0 ? 0 : gatewayPort + 1),
    seedDemoData: (env.HUB_DEMO_DATA ?? 'true') !== 'false',
    processes: processesMode(env.HUB_PROCESSES),
    subgraphWorkers: subgraphWorkers(env.HUB_SUBGRAPH_WORKERS),
    graphqlIde: graphqlIdeEnabled(env),
    erpUrl: env.HUB_ERP_URL || undefined,
    erpApiKey: env.HUB_ERP_API_KEY || undefined,
    tryton: erpKind(env.HUB_ERP) === 'tryton' ? trytonSettingsFromEnv(env) : null,
    demoErpScale: env.HUB_DEMO_ERP_SCALE === 'large' ? 'large' : 'small',
    demoErpPort: portSetting(env, 'HUB_DEMO_ERP_PORT', gatewayPort === 0 ? 0 : 4010),
    demoErpAdminKey: env.HUB_DEMO_ERP_ADMIN_KEY || 'demo-erp-admin-key',
    demoErpStepSeconds: wholeNumberSetting(env, 'HUB_DEMO_ERP_STEP_SECONDS', 20),
    carrierUrl: env.HUB_CARRIER_URL || undefined,
    carrierApiKey: env.HUB_CARRIER_API_KEY || undefined,
    demoCarrierPort: portSetting(env, 'HUB_DEMO_CARRIER_PORT', gatewayPort === 0 ? 0 : 4011),
    demoCarrierAdminKey: env.HUB_DEMO_CARRIER_ADMIN_KEY || 'demo-carrier-admin-key',
    demoCarrierStepSeconds: wholeNumberSetting(env, 'HUB_DEMO_CARRIER_STEP_SECONDS', 30),
    smsUrl: env.HUB_SMS_URL || undefined,
    demoSmsPort: portSetting(env, 'HUB_DEMO_SMS_PORT', gatewayPort === 0 ? 0 : 4012),
    demoSmsAdminKey: env.HUB_DEMO_SMS_ADMIN_KEY || 'demo-sms-admin-key',
    paymentsUrl: env.HUB_PAYMENTS_URL || undefined,
    demoPaymentsPort: portSetting(env, 'HUB_DEMO_PAYMENTS_PORT', gatewayPort === 0 ? 0 : 4013),
    demoPaymentsAdminKey: env.HUB_DEMO_PAYMENTS_ADMIN_KEY || 'demo-payments-admin-key',
    paymentsWebhookSecret: env.HUB_PAYMENTS_WEBHOOK_SECRET || undefined,
    demoCarrierLoseEvery: wholeNumberSetting(env, 'HUB_DEMO_CARRIER_LOSE_EVERY', 7),
    integratorWorker: (env.HUB_INTEGRATOR_WORKER ?? 'true') !== 'false',
    syncOnStart: (env.HUB_SYNC_ON_START ?? 'true') !== 'false',
    schedulerTickMs: positiveIntegerSetting(env, 'HUB_SCHEDULER_TICK_MS') ?? 1000,
    dispatcherTickMs: positiveIntegerSetting(env, 'HUB_DISPATCHER_TICK_MS') ?? 500,
    outboxRetryBaseMs: positiveIntegerSetting(env, 'HUB_OUTBOX_RETRY_BASE_MS') ?? 1000,
    outboxRetryMaxMs: positiveIntegerSetting(env, 'HUB_OUTBOX_RETRY_MAX_MS') ?? 300_000,
    outboxMaxAttempts: positiveIntegerSetting(env, 'HUB_OUTBOX_MAX_ATTEMPTS') ?? 10,
    // Checked here too, so a bad notifications setting stops `npm start` at once rather than its notifications process.
    notificationsWorker: notificationWorkerSettings(env),
    mailCatcher: env.HUB_SMTP_HOST
      ? null
      : {
          folder: env.HUB_MAIL_CATCHER_DIR || (env.HUB_DATA_DIR ? join(dirname(env.HUB_DATA_DIR), 'mail') : join(root, '.hub-data', 'mail')),
          smtpPort: portSetting(env, 'HUB_MAIL_CATCHER_SMTP_PORT', gatewayPort === 0 ? 0 : 2525),
          httpPort: portSetting(env, 'HUB_MAIL_CATCHER_HTTP_PORT', gatewayPort === 0 ? 0 : 1080),
        },
  };
}

function erpKind(value: string | undefined): 'http' | 'tryton' {
  if (value === undefined || value === '' || value === 'http' || value === 'demo') return 'http';
  if (value === 'tryton') return 'tryton';
  throw new Error(`HUB_ERP must be "http" (the demo ERP or HUB_ERP_URL) or "tryton", got "${value}".`);
}

function processesMode(value: string | undefined): 'single' | 'split' {
  if (value === undefined || value === '' || value === 'single') return 'single';
  if (value === 'split') return 'split';
  throw new Error(`HUB_PROCESSES must be "single" or "split", got "${value}".`);
}

/** "products=2,orders=2": worker processes per subgraph (each name once, 1 to 16). */
export function subgraphWorkers(value: string | undefined): Record<string, number> {
  const workers: Record<string, number> = {};
  if (!value) return workers;
  for (const part of value.split(',')) {
    const match = /^\s*([a-z]+)\s*=\s*(\d+)\s*$/.exec(part);
    const count = match ? Number(match[2]) : NaN;
    if (!match || count < 1 || count > 16 || match[1] in workers) {
      throw new Error(`HUB_SUBGRAPH_WORKERS must look like "products=2,orders=2" (1 to 16 each), got "${value}".`);
    }
    workers[match[1]] = count;
  }
  return workers;
}
