/** How the notifications subgraph's process runs its sender, from the environment (see README "Mail"). */
export interface NotificationWorkerSettings {
  /** HUB_NOTIFICATIONS_WORKER=false: this process does not send (another one does, or sending is off). */
  enabled: boolean;
  /** HUB_NOTIFICATIONS_RETRY_BASE_MS / _MAX_MS: the capped backoff of a message the SMTP server did not take. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** HUB_NOTIFICATIONS_TEXTS_REFRESH_MS: how long branding and template overrides are kept (0: read for every message). */
  textsRefreshMs: number;
}

function milliseconds(env: NodeJS.ProcessEnv, name: string, fallback: number, least: 0 | 1): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw.trim());
  if (!/^\d+$/.test(raw.trim()) || value < least) throw new Error(`${name} must be a whole number of milliseconds${least ? ' (1 or more)' : ''}, got "${raw}".`);
  return value;
}

export function notificationWorkerSettings(env: NodeJS.ProcessEnv = process.env): NotificationWorkerSettings {
  const worker = env.HUB_NOTIFICATIONS_WORKER;
  if (worker !== undefined && worker !== '' && worker !== 'true' && worker !== 'false') throw new Error(`HUB_NOTIFICATIONS_WORKER must be true or false, got "${worker}".`);
  return {
    enabled: worker !== 'false',
    retryBaseMs: milliseconds(env, 'HUB_NOTIFICATIONS_RETRY_BASE_MS', 5_000, 1),
    retryMaxMs: milliseconds(env, 'HUB_NOTIFICATIONS_RETRY_MAX_MS', 600_000, 1),
    textsRefreshMs: milliseconds(env, 'HUB_NOTIFICATIONS_TEXTS_REFRESH_MS', 2_000, 0),
  };
}
