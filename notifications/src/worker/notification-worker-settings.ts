import { booleanSetting, positiveIntegerSetting, wholeNumberSetting } from '@hub/settings';

/** How the notifications subgraph's process runs its sender, from the environment (see README "Mail"). */
export interface NotificationWorkerSettings {
  /** HUB_NOTIFICATIONS_WORKER=false: this process does not send (another one does, or sending is off). */
  enabled: boolean;
  /** HUB_NOTIFICATIONS_RETRY_BASE_MS / _MAX_MS: the capped backoff of a message the SMTP server did not take. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** HUB_NOTIFICATIONS_TEXTS_REFRESH_MS: how long branding and template overrides are kept (0: read for every message). */
  textsRefreshMs: number;
  /** HUB_NOTIFICATIONS_SCHEDULE_EVERY_MS: how often payment monitoring (reminders, dunning, thanks) looks at the open items (hourly). */
  scheduleEveryMs: number;
  /**
   * The SMS gateway (HUB_SMS_URL, HUB_SMS_API_KEY; texts from HUB_SMS_FROM): `npm start` sets them for
   * the demo SMS gateway it starts when none is configured. Unset: no texts are sent.
   */
  sms: { url: string; apiKey: string; from: string } | null;
}

export function notificationWorkerSettings(env: NodeJS.ProcessEnv = process.env): NotificationWorkerSettings {
  return {
    enabled: booleanSetting(env, 'HUB_NOTIFICATIONS_WORKER', true),
    retryBaseMs: positiveIntegerSetting(env, 'HUB_NOTIFICATIONS_RETRY_BASE_MS') ?? 5_000,
    retryMaxMs: positiveIntegerSetting(env, 'HUB_NOTIFICATIONS_RETRY_MAX_MS') ?? 600_000,
    textsRefreshMs: wholeNumberSetting(env, 'HUB_NOTIFICATIONS_TEXTS_REFRESH_MS', 2_000),
    scheduleEveryMs: positiveIntegerSetting(env, 'HUB_NOTIFICATIONS_SCHEDULE_EVERY_MS') ?? 3_600_000,
    sms: env.HUB_SMS_URL ? { url: env.HUB_SMS_URL, apiKey: env.HUB_SMS_API_KEY ?? '', from: env.HUB_SMS_FROM || 'ERPhub' } : null,
  };
}
