import { booleanSetting, portSetting, positiveIntegerSetting } from '@hub/settings';

/** The distributor's mailbox the hub reads (see README "Mailbox and tasks"). */
export interface MailboxSettings {
  host: string;
  port: number;
  user: string;
  password: string;
  /** Implicit TLS (IMAPS, 993); false: plain IMAP (143), upgraded with STARTTLS when the server offers it. */
  tls: boolean;
  /** The folder read (INBOX). */
  folder: string;
  /** How often new mail is looked for. */
  pollMs: number;
}

/**
 * From HUB_IMAP_URL (imap://user:password@host:port or imaps://...) or HUB_IMAP_HOST, _PORT, _USER,
 * _PASSWORD, _TLS; HUB_IMAP_FOLDER (INBOX), HUB_IMAP_POLL_MS (60000). Null when no host is set:
 * the hub then reads no mailbox.
 */
export function mailboxSettings(env: NodeJS.ProcessEnv = process.env): MailboxSettings | null {
  const common = { folder: env.HUB_IMAP_FOLDER || 'INBOX', pollMs: positiveIntegerSetting(env, 'HUB_IMAP_POLL_MS') ?? 60_000 };
  if (env.HUB_IMAP_URL) {
    let url: URL;
    try {
      url = new URL(env.HUB_IMAP_URL);
    } catch {
      throw new Error('HUB_IMAP_URL must be imap://user:password@host:port or imaps://user:password@host:port.');
    }
    if (url.protocol !== 'imap:' && url.protocol !== 'imaps:') throw new Error(`HUB_IMAP_URL must start with imap:// or imaps://, got "${url.protocol}//".`);
    const tls = url.protocol === 'imaps:';
    if (!url.hostname || !url.username) throw new Error('HUB_IMAP_URL needs a user and a host (imap://user:password@host:port).');
    return { host: url.hostname, port: url.port ? Number(url.port) : tls ? 993 : 143, user: decodeURIComponent(url.username), password: decodeURIComponent(url.password), tls, ...common };
  }
  if (!env.HUB_IMAP_HOST) return null;
  const tls = booleanSetting(env, 'HUB_IMAP_TLS', true);
  if (!env.HUB_IMAP_USER) throw new Error('HUB_IMAP_USER must be set with HUB_IMAP_HOST.');
  return { host: env.HUB_IMAP_HOST, port: portSetting(env, 'HUB_IMAP_PORT', tls ? 993 : 143), user: env.HUB_IMAP_USER, password: env.HUB_IMAP_PASSWORD ?? '', tls, ...common };
}
