import { Pool } from 'pg';
import { instrumentPool } from '@hub/database';
import { EventListener, HubEvent } from '@hub/events';
import { componentLogger } from '@hub/observability';
import { MAX_NOTICE_ATTACHMENT_BYTES, NotificationAttachment, NotificationCompanyUsers, NotificationDeclaration, NotificationNotice, NotificationRecipientDirectory, NotificationScheduleDeclaration, SubgraphModule, deploymentLanguage } from '@hub/subgraph-kit';
import { Mailer, SmtpMailer } from '../mail/smtp-mailer';
import { MessageChannel, MessageStatus } from '../message/message-status';
import { isPermanentRefusal, retryDelayMs } from '../message/message.state-machine';
import { ClaimedMessage, MessageRepository, NewMessage } from '../message/message.repository';
import { SmsGateway, SmsGatewayError } from '@hub/sms-contract';
import { BUILTIN_TEMPLATES, hasSmsText } from '../template/builtin-templates';
import { MessageRenderer } from '../template/message-renderer';
import { CustomerTemplateScope, templateVariantOf } from '../customer-template/customer-message-template.entity';

const log = componentLogger('notifications');

export interface NotificationWorkerOptions {
  databaseUrl: string;
  /** The hub's modules: their `notifications:` are listened to, one of them gives `notificationRecipients`. */
  modules: readonly SubgraphModule<any>[];
  mailer?: Mailer;
  /** Where texts go (the SMS contract) and the sender name they show; none: no SMS is queued. */
  sms?: { gateway: SmsGateway; from: string } | null;
  /** How often the sender looks for due messages (it also runs right after queueing). */
  tickMs?: number;
  batchSize?: number;
  /** Messages in flight at once. */
  concurrency?: number;
  maxAttempts?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** A SENDING message claimed longer ago than this belonged to a sender that died. */
  claimTimeoutMs?: number;
  /** Do not send (only queue): for tests that stop a worker between event and send. */
  sendingPaused?: boolean;
  /** How often the calendar notices (payment reminders, dunning) are looked for (default hourly). */
  scheduleEveryMs?: number;
  /** The day it is (YYYY-MM-DD); a simulated clock in tests and the demo. Default: today in UTC. */
  today?: () => string;
  /** How long branding and template overrides are kept before they are read again (default 2 s; 0: for every message). */
  textsRefreshMs?: number;
}

/** A notice addressed: what `queueNotices` needs besides the notice. */
interface NoticeOrigin {
  topic: string | null;
}

/**
 * The one place that sends messages. It listens to every topic the modules declare notifications
 * for; for each event it asks the declaration for its notices, finds the recipients (the users'
 * module), applies preferences and consents, and queues one message per notice, recipient and
 * channel (unique, so never twice). A sender loop then takes due messages with SKIP LOCKED (any
 * number of workers may run), renders them in the recipient's language and the deployment's
 * branding, and sends them: accepted, bounced (5xx, never retried), or retried with capped
 * backoff until FAILED.
 */
export class NotificationWorker {
  readonly pool: Pool;
  readonly messages: MessageRepository;
  readonly renderer: MessageRenderer;
  private readonly listener: EventListener;
  private readonly declarations = new Map<string, NotificationDeclaration[]>();
  private readonly directory: NotificationRecipientDirectory | null;
  private readonly companyUsers: NotificationCompanyUsers | null;
  private readonly schedules: NotificationScheduleDeclaration[];
  private scheduleTimer: NodeJS.Timeout | null = null;
  private readonly mailer: Mailer;
  private timer: NodeJS.Timeout | null = null;
  private sending: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private readonly pendingEvents = new Set<Promise<void>>();

  constructor(private readonly options: NotificationWorkerOptions) {
    this.pool = instrumentPool(new Pool({ connectionString: options.databaseUrl, max: 6, application_name: 'hub-notifications' }), 'notifications-worker');
    this.pool.on('error', (error) => log.warn(`database connection lost: ${error.message}`));
    this.messages = new MessageRepository(this.pool);
    this.renderer = new MessageRenderer(this.pool, options.textsRefreshMs ?? 2_000);
    this.listener = new EventListener({ connectionString: options.databaseUrl, applicationName: 'hub-notifications-events' });
    for (const module of options.modules) {
      for (const declaration of module.notifications ?? []) {
        this.declarations.set(declaration.topic, [...(this.declarations.get(declaration.topic) ?? []), declaration]);
      }
    }
    this.directory = options.modules.find((m) => m.notificationRecipients)?.notificationRecipients ?? null;
    this.companyUsers = options.modules.find((m) => m.notificationCompanyUsers)?.notificationCompanyUsers ?? null;
    this.schedules = options.modules.flatMap((m) => m.notificationSchedules ?? []);
    this.mailer = options.mailer ?? new SmtpMailer();
  }

  /** The topics it listens to. */
  get topics(): string[] {
    return [...this.declarations.keys()];
  }

  async start(): Promise<void> {
    await this.listener.start();
    for (const topic of this.declarations.keys()) {
      this.listener.subscribe(topic, null, (event) => this.track(this.handleEvent(event)));
    }
    // A sender that died left its messages SENDING: give them back to the queue.
    await this.messages.releaseStaleClaims(this.options.claimTimeoutMs ?? 60_000);
    this.timer = setInterval(() => this.kick(), this.options.tickMs ?? 1_000);
    this.kick();
    if (this.schedules.length > 0) {
      const runSchedules = () => this.track(this.runSchedules());
      this.scheduleTimer = setInterval(runSchedules, this.options.scheduleEveryMs ?? 3_600_000);
      runSchedules();
    }
  }

  /** Runs every calendar declaration for `today` (the clock's day unless given) and queues what is due. */
  async runSchedules(today = (this.options.today ?? (() => new Date().toISOString().slice(0, 10)))()): Promise<number> {
    const { rows } = await this.pool.query(`select reminder_days_before, dunning_days from notifications.payment_reminder_schedule where id = 'deployment'`);
    const schedule = rows[0] ? { reminderDaysBefore: rows[0].reminder_days_before as number, dunningDays: rows[0].dunning_days as number[] } : { reminderDaysBefore: 3, dunningDays: [7, 14, 30] };
    let queued = 0;
    for (const declaration of this.schedules) {
      const client = await this.pool.connect();
      try {
        queued += await this.queueNotices(await declaration.notices(client, today, schedule), { topic: `schedule:${declaration.name}` }, client);
      } finally {
        client.release();
      }
    }
    return queued;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.scheduleTimer) clearInterval(this.scheduleTimer);
    await this.listener.stop();
    await Promise.allSettled([...this.pendingEvents]);
    await this.sending;
    // Its pooled SMTP connections would otherwise keep the server (and this process) waiting.
    if (this.mailer instanceof SmtpMailer) this.mailer.close();
    await this.pool.end();
  }

  /** Resolves when every event heard so far has been queued. */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.pendingEvents]);
  }

  /** Handles one event now (the listener calls this; tests may too). */
  async handleEvent(event: HubEvent): Promise<number> {
    let queued = 0;
    for (const declaration of this.declarations.get(event.topic) ?? []) {
      const client = await this.pool.connect();
      try {
        const notices = await declaration.notices(client, event);
        queued += await this.queueNotices(notices, { topic: event.topic }, client);
      } finally {
        client.release();
      }
    }
    if (queued > 0) this.kick();
    return queued;
  }

  /** Queues the notices' messages (preferences and consents applied); returns how many were new. */
  async queueNotices(notices: readonly NotificationNotice[], origin: NoticeOrigin, client?: import('pg').PoolClient): Promise<number> {
    if (notices.length === 0) return 0;
    if (!this.directory) throw new Error('No module gives notificationRecipients; nobody can be notified.');
    const db = client ?? (await this.pool.connect());
    try {
      // Notices to "the company": its users with the permission, asked once per company and permission.
      const companyUsers = new Map<string, string[]>();
      for (const notice of notices) {
        if (!notice.recipientCompany) continue;
        const k = `${notice.recipientCompany.companyId}/${notice.recipientCompany.permission}`;
        if (companyUsers.has(k)) continue;
        if (!this.companyUsers) throw new Error('No module gives notificationCompanyUsers; notices to a company cannot be addressed.');
        companyUsers.set(k, await this.companyUsers(db, notice.recipientCompany.companyId, notice.recipientCompany.permission));
      }
      const recipientsOf = (n: NotificationNotice) => [...new Set([...n.recipientUserIds, ...(n.recipientCompany ? companyUsers.get(`${n.recipientCompany.companyId}/${n.recipientCompany.permission}`) ?? [] : [])])];
      const userIds = [...new Set(notices.flatMap(recipientsOf))];
      const recipients = new Map((await this.directory(db, userIds)).map((r) => [r.userId, r]));
      const { rows: preferenceRows } = await db.query(`select user_id, category, email, sms from notifications.notification_preference where user_id = any($1::uuid[])`, [userIds]);
      const preferences = new Map(preferenceRows.map((p) => [`${p.user_id}/${p.category}`, p as { email: boolean; sms: boolean }]));
      const { rows: languageRows } = await db.query(`select user_id, language from notifications.recipient_language where user_id = any($1::uuid[])`, [userIds]);
      const languages = new Map(languageRows.map((l) => [l.user_id as string, l.language as string]));
      // Which customers have a text of their own for which template: a company's wins over its group's.
      const { rows: variantRows } = await db.query(`select distinct key, scope, scope_value from notifications.customer_message_template`);
      const variants = new Set(variantRows.map((r) => `${r.key}|${templateVariantOf(r.scope, r.scope_value)}`));
      const variantFor = (key: string, recipient: { companyId: string | null; customerGroup?: string | null }) =>
        [recipient.companyId ? templateVariantOf(CustomerTemplateScope.COMPANY, recipient.companyId) : null, recipient.customerGroup ? templateVariantOf(CustomerTemplateScope.GROUP, recipient.customerGroup) : null]
          .find((v) => v && variants.has(`${key}|${v}`)) ?? null;
      const messages: NewMessage[] = [];
      for (const notice of notices) {
        const template = BUILTIN_TEMPLATES[notice.template];
        if (!template) {
          log.error(`a notice of ${notice.ref} names the unknown template "${notice.template}"; nothing sent`);
          continue;
        }
        const attachmentBytes = (notice.attachments ?? []).reduce((sum, f) => sum + f.content.length, 0);
        if (attachmentBytes > MAX_NOTICE_ATTACHMENT_BYTES) {
          log.error(`a notice of ${notice.ref} attaches ${attachmentBytes} bytes, more than ${MAX_NOTICE_ATTACHMENT_BYTES}; nothing sent`);
          continue;
        }
        for (const userId of recipientsOf(notice)) {
          const recipient = recipients.get(userId);
          if (!recipient || !recipient.active) continue;
          const preference = template.category ? preferences.get(`${userId}/${template.category}`) : undefined;
          const marketing = notice.kind === 'MARKETING';
          const base = {
            ref: notice.ref,
            topic: origin.topic,
            template: notice.template,
            templateVariant: template.perCustomer ? variantFor(notice.template, recipient) : null,
            recipientUserId: userId,
            companyId: recipient.companyId,
            language: languages.get(userId) ?? recipient.language ?? deploymentLanguage(),
            values: { ...notice.values, recipientName: recipient.name },
          };
          // E-mail: transactional notices unless switched off; marketing only with the newsletter consent.
          const emailRefusal = marketing
            ? recipient.consents.NEWSLETTER === true ? null : 'no newsletter consent'
            : preference && !preference.email ? `the user switched ${template.category} e-mails off` : null;
          messages.push({
            ...base,
            idempotencyKey: `${notice.ref}|${userId}|EMAIL`,
            channel: MessageChannel.EMAIL,
            recipientAddress: recipient.email,
            status: emailRefusal ? MessageStatus.OPTED_OUT : MessageStatus.QUEUED,
            reason: emailRefusal,
            attachments: notice.attachments,
          });
          // SMS: only for templates with a text for it, when the user chose SMS for the category, consented, and a gateway is configured.
          if (!marketing && hasSmsText(notice.template) && preference?.sms && this.options.sms) {
            const smsRefusal = recipient.consents.SMS !== true ? 'no SMS consent' : !recipient.phone ? 'no phone number' : null;
            messages.push({
              ...base,
              idempotencyKey: `${notice.ref}|${userId}|SMS`,
              channel: MessageChannel.SMS,
              recipientAddress: recipient.phone ? normalizePhone(recipient.phone) : '',
              status: smsRefusal ? MessageStatus.OPTED_OUT : MessageStatus.QUEUED,
              reason: smsRefusal,
            });
          }
        }
      }
      const queued = await new MessageRepository(db).enqueue(messages);
      if (queued > 0) this.kick();
      return queued;
    } finally {
      if (!client) db.release();
    }
  }

  /** Runs the sender now (or again right after the current run). */
  kick(): void {
    if (this.stopped || this.options.sendingPaused) return;
    if (this.sending) {
      this.again = true;
      return;
    }
    this.sending = this.sendDue()
      .then(() => undefined)
      .catch((error) => log.warn(`sending failed: ${(error as Error).message}`))
      .finally(() => {
        this.sending = null;
        if (this.again && !this.stopped) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Waits for the sender already running, then sends whatever is still due (tests, benchmarks). */
  async drain(): Promise<void> {
    for (;;) {
      await this.sending;
      await this.sendDue();
      if (!this.sending) return;
    }
  }

  /** Sends due messages until none are left. */
  async sendDue(): Promise<number> {
    let sent = 0;
    const batchSize = this.options.batchSize ?? 200;
    const concurrency = this.options.concurrency ?? 10;
    for (;;) {
      if (this.stopped) return sent;
      const batch = await this.messages.claimDue(batchSize);
      if (batch.length === 0) return sent;
      let next = 0;
      // The batch's files in one read (most messages have none).
      const files = await this.messages.attachmentsOf(batch.filter((m) => m.channel === MessageChannel.EMAIL).map((m) => m.id));
      // Accepted outcomes are written together, in one UPDATE per batch (a crash before it leaves them
      // SENDING: released after the claim timeout and sent again, with the same Message-ID).
      const accepted: Array<{ id: string; subject: string; response: string }> = [];
      await Promise.all(
        Array.from({ length: Math.min(concurrency, batch.length) }, async () => {
          while (next < batch.length) {
            const message = batch[next++];
            await this.sendOne(message, accepted, files.get(message.id));
          }
        }),
      );
      await this.messages.markAcceptedMany(accepted);
      sent += batch.length;
    }
  }

  private async sendOne(message: ClaimedMessage, accepted: Array<{ id: string; subject: string; response: string }>, attachments?: NotificationAttachment[]): Promise<void> {
    let subject = '';
    try {
      const rendered = await this.renderer.render(message.template, message.language, message.values, message.templateVariant);
      subject = rendered.subject;
      if (message.channel === MessageChannel.SMS) {
        if (!this.options.sms) throw Object.assign(new Error('No SMS gateway is configured.'), { responseCode: 550 });
        // The message id is the gateway's reference: a retry after a lost answer is the same text, not a second one.
        const sms = await this.options.sms.gateway.send({ to: message.recipientAddress, from: this.options.sms.from, body: await this.renderer.renderSms(message.template, message.language, message.values), reference: message.id });
        accepted.push({ id: message.id, subject, response: `${sms.id} ${sms.status}` });
        return;
      }
      const receipt = await this.mailer.send({
        from: rendered.from,
        to: message.recipientAddress,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        messageId: `<${message.id}@hub.messages>`,
        attachments,
        headers: {
          'X-Hub-Message-Id': message.id,
          'X-Hub-Template': message.template,
          'Content-Language': this.renderer.languageOf(message.template, message.language, message.templateVariant),
          // RFC 8058 one-click unsubscribe (newsletters): the mail client POSTs to the link, no sign-in.
          ...(message.values.unsubscribeUrl ? { 'List-Unsubscribe': `<${message.values.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {}),
        },
      });
      accepted.push({ id: message.id, subject, response: receipt.response });
    } catch (error) {
      const response = (error as { response?: string }).response ?? (error as Error).message;
      // A number the gateway refuses (or a request it will never take) fails at once: retrying changes nothing.
      if (error instanceof SmsGatewayError && error.permanent) {
        await this.messages.markFailed(message.id, response);
      } else if (isPermanentRefusal(error)) {
        await this.messages.markBounced(message.id, subject, response);
      } else if (message.attempts >= (this.options.maxAttempts ?? 6)) {
        await this.messages.markFailed(message.id, response);
      } else {
        await this.messages.markRetry(message.id, response, retryDelayMs(message.attempts, this.options.retryBaseMs ?? 5_000, this.options.retryMaxMs ?? 600_000));
      }
    }
  }

  private track(promise: Promise<unknown>): void {
    const tracked = promise.then(
      () => undefined,
      (error) => log.warn(`an event could not be turned into messages: ${(error as Error).message}`),
    );
    this.pendingEvents.add(tracked);
    void tracked.finally(() => this.pendingEvents.delete(tracked));
  }
}

/** A phone number as people write it ("+46 70-123 45 67") in the E.164 form gateways take ("+46701234567"). */
export function normalizePhone(phone: string): string {
  return phone.replace(/[\s\-().]/g, '').replace(/^00/, '+');
}

export async function startNotificationWorker(options: NotificationWorkerOptions): Promise<NotificationWorker> {
  const worker = new NotificationWorker(options);
  await worker.start();
  return worker;
}
