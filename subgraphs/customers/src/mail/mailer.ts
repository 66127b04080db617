import nodemailer, { Transporter } from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

/**
 * Sends mail over SMTP (nodemailer). HUB_SMTP_HOST / HUB_SMTP_PORT (default 127.0.0.1:2525, a
 * local development mail catcher), HUB_SMTP_SECURE=true for implicit TLS, HUB_SMTP_USER /
 * HUB_SMTP_PASSWORD when the relay needs them, HUB_MAIL_FROM for the sender.
 */
export class SmtpMailer implements Mailer {
  private readonly transporter: Transporter;
  private readonly from: string;

  constructor(env: NodeJS.ProcessEnv = process.env) {
    this.transporter = nodemailer.createTransport({
      host: env.HUB_SMTP_HOST || '127.0.0.1',
      port: Number(env.HUB_SMTP_PORT || 2525),
      secure: env.HUB_SMTP_SECURE === 'true',
      auth: env.HUB_SMTP_USER ? { user: env.HUB_SMTP_USER, pass: env.HUB_SMTP_PASSWORD ?? '' } : undefined,
    });
    this.from = env.HUB_MAIL_FROM || 'ERP hub <no-reply@hub.example>';
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transporter.sendMail({ from: this.from, to: mail.to, subject: mail.subject, text: mail.text });
  }
}

let shared: Mailer | undefined;
/** One SMTP transport per process. */
export function processMailer(): Mailer {
  shared ??= new SmtpMailer();
  return shared;
}
