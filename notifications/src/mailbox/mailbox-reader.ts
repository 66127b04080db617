import { ImapFlow } from 'imapflow';
import { simpleParser, AddressObject, ParsedMail } from 'mailparser';
import { Pool } from 'pg';
import { instrumentPool } from '@hub/database';
import { componentLogger } from '@hub/observability';
import { bareMessageId, referenceIds, threadSubject } from './mail-thread';
import { IncomingMail, MailboxRepository } from './mailbox.repository';
import { MailboxSettings } from './mailbox-settings';

const log = componentLogger('mailbox');

/** One lock for every process reading the mailbox: one reads at a time, so nothing is read twice at once. */
const READER_LOCK = `select pg_try_advisory_lock(hashtext('notifications.mailbox-reader'))`;
const READER_UNLOCK = `select pg_advisory_unlock(hashtext('notifications.mailbox-reader'))`;
/** Longest text kept of one mail, and largest attachment kept (larger ones are listed in the text instead). */
const MAX_TEXT = 200_000;
const MAX_ATTACHMENT_BYTES = 15 * 1024 * 1024;
/** Messages fetched per IMAP round trip. */
const BATCH = 100;

export interface MailboxReadResult {
  stored: number;
  attached: number;
}

function addresses(field: AddressObject | AddressObject[] | undefined): Array<{ address: string; name: string | null }> {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  return list.flatMap((a) => a.value).flatMap((v) => (v.address ? [{ address: v.address.toLowerCase(), name: v.name || null }] : []));
}

/** A parsed mail as the mailbox stores it. */
export function incomingMail(parsed: ParsedMail, where: { mailbox: string; uidValidity: string; uid: string }): IncomingMail {
  const from = addresses(parsed.from)[0] ?? { address: 'unknown@invalid', name: null };
  const subject = (parsed.subject ?? '').slice(0, 998);
  const kept = parsed.attachments.filter((a) => a.size <= MAX_ATTACHMENT_BYTES);
  const dropped = parsed.attachments.filter((a) => a.size > MAX_ATTACHMENT_BYTES).map((a) => `[attachment ${a.filename ?? 'unnamed'} (${a.size} bytes) not kept: larger than ${MAX_ATTACHMENT_BYTES} bytes]`);
  const text = [(parsed.text ?? '').slice(0, MAX_TEXT), ...dropped].filter((t) => t.length > 0).join('\n\n');
  return {
    ...where,
    messageId: bareMessageId(parsed.messageId),
    inReplyTo: bareMessageId(parsed.inReplyTo),
    references: referenceIds(parsed.references),
    fromAddress: from.address,
    fromName: from.name,
    toAddresses: addresses(parsed.to).map((a) => a.address),
    subject,
    threadSubject: threadSubject(subject),
    text,
    sentAt: parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date : null,
    attachments: kept.map((a, i) => ({ fileName: a.filename || `attachment-${i + 1}`, contentType: a.contentType || 'application/octet-stream', content: a.content })),
  };
}

/**
 * Reads the distributor's mailbox over IMAP (imapflow) and stores new mail (mailparser): every
 * `pollMs`, the messages after the last UID read under the folder's UIDVALIDITY (a new
 * UIDVALIDITY reads the folder again; stored mail is not stored twice). Mail on the thread of a
 * task joins it. It only reads: flags and folders stay as the distributor's mail client leaves them.
 */
export class MailboxReader {
  private readonly pool: Pool;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<MailboxReadResult> | null = null;
  private stopped = false;
  readonly mailbox: string;

  constructor(private readonly settings: MailboxSettings, databaseUrl: string) {
    this.pool = instrumentPool(new Pool({ connectionString: databaseUrl, max: 2, application_name: 'hub-mailbox' }), 'mailbox-reader');
    this.pool.on('error', (error) => log.warn(`database connection lost: ${error.message}`));
    this.mailbox = `${settings.user}@${settings.host}:${settings.port}/${settings.folder}`;
  }

  start(): void {
    const tick = () => {
      if (this.stopped) return;
      this.readNow()
        .catch((error) => log.warn(`reading ${this.mailbox} failed: ${(error as Error).message}`))
        .finally(() => { if (!this.stopped) this.timer = setTimeout(tick, this.settings.pollMs); });
    };
    tick();
  }

  /** One pass over the new mail (joins a pass already running). */
  readNow(): Promise<MailboxReadResult> {
    this.running ??= this.read().finally(() => (this.running = null));
    return this.running;
  }

  private async read(): Promise<MailboxReadResult> {
    const lockClient = await this.pool.connect();
    try {
      const { rows } = await lockClient.query(READER_LOCK);
      if (!rows[0].pg_try_advisory_lock) return { stored: 0, attached: 0 };
      try {
        return await this.readLocked();
      } finally {
        await lockClient.query(READER_UNLOCK);
      }
    } finally {
      lockClient.release();
    }
  }

  private async readLocked(): Promise<MailboxReadResult> {
    const { host, port, tls, user, password, folder } = this.settings;
    const imap = new ImapFlow({ host, port, secure: tls, auth: { user, pass: password }, logger: false, connectionTimeout: 30_000, greetingTimeout: 15_000 });
    imap.on('error', (error: Error) => log.warn(`IMAP connection to ${host}:${port}: ${error.message}`));
    await imap.connect();
    const result = { stored: 0, attached: 0 };
    try {
      const lock = await imap.getMailboxLock(folder, { readOnly: true });
      try {
        const opened = imap.mailbox;
        if (!opened) throw new Error(`the folder ${folder} could not be opened`);
        const uidValidity = String(opened.uidValidity);
        const repository = new MailboxRepository(this.pool);
        const cursor = await repository.cursor(this.mailbox);
        let lastUid = cursor && cursor.uidValidity === uidValidity ? BigInt(cursor.lastUid) : 0n;
        for (;;) {
          const batch: Array<{ uid: bigint; source: Buffer }> = [];
          for await (const message of imap.fetch(`${lastUid + 1n}:${lastUid + BigInt(BATCH)}`, { uid: true, source: true }, { uid: true })) {
            // A range past the end answers with the last message: only UIDs after the cursor are new.
            if (BigInt(message.uid) > lastUid && message.source) batch.push({ uid: BigInt(message.uid), source: message.source });
          }
          if (batch.length === 0) {
            const next = BigInt(opened.uidNext ?? 0);
            // Gaps of expunged UIDs: jump to the next range while UIDs below uidNext remain.
            if (next > lastUid + BigInt(BATCH) + 1n) { lastUid += BigInt(BATCH); continue; }
            break;
          }
          batch.sort((a, b) => (a.uid < b.uid ? -1 : 1));
          for (const { uid, source } of batch) {
            const parsed = await simpleParser(source);
            const stored = await this.storeOne(incomingMail(parsed, { mailbox: this.mailbox, uidValidity, uid: String(uid) }), uid, uidValidity);
            if (stored) result.stored++;
            if (stored?.taskId) result.attached++;
            lastUid = uid;
          }
        }
        await repository.moveCursor(this.mailbox, uidValidity, String(lastUid));
      } finally {
        lock.release();
      }
    } finally {
      await imap.logout().catch(() => imap.close());
    }
    if (result.stored > 0) log.info(`stored ${result.stored} mail(s) from ${this.mailbox}, ${result.attached} on a task's thread`);
    return result;
  }

  /** The mail, its attachments, its thread and the cursor in one transaction. */
  private async storeOne(mail: IncomingMail, uid: bigint, uidValidity: string) {
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      const repository = new MailboxRepository(client);
      const stored = await repository.store(mail);
      await repository.moveCursor(this.mailbox, uidValidity, String(uid));
      await client.query('commit');
      return stored;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
    await this.pool.end();
  }
}

export function startMailboxReader(settings: MailboxSettings, databaseUrl: string): MailboxReader {
  const reader = new MailboxReader(settings, databaseUrl);
  reader.start();
  return reader;
}
