import nodemailer, { Transporter } from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Overrides the deployment's sender (branding). */
  from?: string;
  /** Extra headers, e.g. List-Unsubscribe. */
  headers?: Record<string, string>;
  /** A stable Message-ID: a resend after a crash carries the same one, so a receiver can drop the duplicate. */
  messageId?: string;
  /** Files attached (base64-encoded parts of a multipart/mixed message). */
  attachments?: ReadonlyArray<{ fileName: string; contentType: string; content: Buffer }>;
}

/** What the SMTP server said when it took the message. */
export interface MailReceipt {
  response: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<MailReceipt>;
}

/** SMTP settings from the environment (see README "Mail"). */
export function smtpSettings(env: NodeJS.ProcessEnv = process.env) {
  return {
    host: env.HUB_SMTP_HOST || '127.0.0.1',
    port: Number(env.HUB_SMTP_PORT || 2525),
    secure: env.HUB_SMTP_SECURE === 'true',
    user: env.HUB_SMTP_USER || null,
    password: env.HUB_SMTP_PASSWORD ?? '',
    from: env.HUB_MAIL_FROM || 'ERP hub <no-reply@hub.example>',
  };
}

/**
 * Sends mail over SMTP (nodemailer), pooled. HUB_SMTP_HOST / HUB_SMTP_PORT (default 127.0.0.1:2525,
 * where `npm start` runs its local mail catcher), HUB_SMTP_SECURE=true for implicit TLS,
 * HUB_SMTP_USER / HUB_SMTP_PASSWORD when the relay needs them, HUB_MAIL_FROM for the default sender.
 * A refusal rejects with nodemailer's error, whose `responseCode` (e.g. 550) tells a bounce from a
 * temporary failure.
 */
export class SmtpMailer implements Mailer {
  private readonly transporter: Transporter;
  private readonly from: string;

  constructor(env: NodeJS.ProcessEnv = process.env, options: { maxConnections?: number } = {}) {
    const settings = smtpSettings(env);
    this.transporter = nodemailer.createTransport({
      pool: true,
      maxConnections: options.maxConnections ?? 5,
      maxMessages: Infinity,
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      auth: settings.user ? { user: settings.user, pass: settings.password } : undefined,
    });
    this.from = settings.from;
  }

  async send(mail: OutgoingMail): Promise<MailReceipt> {
    const info = await this.transporter.sendMail({
      from: mail.from || this.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: mail.headers,
      messageId: mail.messageId,
      attachments: mail.attachments?.map((a) => ({ filename: a.fileName, contentType: a.contentType, content: a.content })),
      // Base64 bodies: nodemailer's quoted-printable encoder (and its scan of every body to choose an
      // encoding) was a third of the sender's CPU on a newsletter; base64 is encoded natively.
      textEncoding: 'base64',
    });
    return { response: String(info.response ?? '') };
  }

  close(): void {
    this.transporter.close();
  }
}

let shared: Mailer | undefined;
/** One SMTP transport per process. */
export function processMailer(): Mailer {
  shared ??= new SmtpMailer();
  return shared;
}
