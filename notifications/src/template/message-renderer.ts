import { Pool } from 'pg';
import { BUILTIN_TEMPLATES, DEFAULT_LANGUAGE, TemplateText } from './builtin-templates';
import { LayoutBranding, renderEmailHtml, renderEmailText } from './email-layout';
import { fillTemplate } from './template-text';
import { templateVariantOf } from '../customer-template/customer-message-template.entity';

export interface DeploymentBranding extends LayoutBranding {
  senderAddress: string;
  webUrl: string;
}

export const DEFAULT_BRANDING: DeploymentBranding = {
  name: 'ERP hub',
  logoUrl: null,
  primaryColor: '#1f4e79',
  accentColor: '#f2a900',
  senderAddress: 'ERP hub <no-reply@hub.example>',
  legalFooter: 'ERP hub · Example Street 1 · 000 00 Example City',
  webUrl: 'http://localhost:3000',
  updatedAt: new Date(0),
};

export interface RenderedMessage {
  from: string;
  subject: string;
  text: string;
  html: string;
}

/** Staff overrides and branding, read at most once per `refreshMs` (so a big send reads them once). */
export class MessageRenderer {
  private loadedAt = 0;
  private branding: DeploymentBranding = DEFAULT_BRANDING;
  private overrides = new Map<string, TemplateText>();
  /** Customers' own texts by `key/variant/language`. */
  private customerTexts = new Map<string, TemplateText>();

  constructor(private readonly pool: Pool, private readonly refreshMs = 2_000) {}

  async refresh(force = false): Promise<void> {
    if (!force && Date.now() - this.loadedAt < this.refreshMs) return;
    const [branding, templates, customerTemplates] = await Promise.all([
      this.pool.query(`select name, logo_url, primary_color, accent_color, sender_address, legal_footer, web_url, updated_at from notifications.branding where id = 'deployment'`),
      this.pool.query(`select key, language, subject, body, action_label, action_url from notifications.message_template`),
      this.pool.query(`select key, scope, scope_value, language, subject, body, action_label, action_url from notifications.customer_message_template`),
    ]);
    const b = branding.rows[0];
    this.branding = b
      ? { name: b.name, logoUrl: b.logo_url, primaryColor: b.primary_color, accentColor: b.accent_color, senderAddress: b.sender_address, legalFooter: b.legal_footer, webUrl: b.web_url, updatedAt: b.updated_at }
      : DEFAULT_BRANDING;
    const textOfRow = (t: { subject: string; body: string; action_label: string | null; action_url: string | null }): TemplateText => ({ subject: t.subject, body: t.body, action: t.action_label && t.action_url ? { label: t.action_label, url: t.action_url } : undefined });
    this.overrides = new Map(templates.rows.map((t) => [`${t.key}/${t.language}`, textOfRow(t)]));
    this.customerTexts = new Map(customerTemplates.rows.map((t) => [`${t.key}/${templateVariantOf(t.scope, t.scope_value)}/${t.language}`, textOfRow(t)]));
    this.loadedAt = Date.now();
  }

  /**
   * The text of a template in a language: the customer's own (variant), a staff override, the
   * built-in one; then the same in English. The language comes first: a Swedish reader gets the
   * deployment's Swedish text rather than the customer's English one.
   */
  textOf(key: string, language: string, variant: string | null = null): TemplateText | null {
    for (const lang of [language, DEFAULT_LANGUAGE]) {
      const text = (variant ? this.customerTexts.get(`${key}/${variant}/${lang}`) : undefined) ?? this.overrides.get(`${key}/${lang}`) ?? BUILTIN_TEMPLATES[key]?.texts[lang];
      if (text) return text;
    }
    return null;
  }

  /** The language a template is actually sent in (the asked one when it exists, else English). */
  languageOf(key: string, language: string, variant: string | null = null): string {
    return (variant && this.customerTexts.has(`${key}/${variant}/${language}`)) || this.overrides.has(`${key}/${language}`) || BUILTIN_TEMPLATES[key]?.texts[language] ? language : DEFAULT_LANGUAGE;
  }

  currentBranding(): DeploymentBranding {
    return this.branding;
  }

  /** The SMS text of a template (the language's, else English's), filled in. */
  async renderSms(key: string, language: string, values: Readonly<Record<string, string>>): Promise<string> {
    await this.refresh();
    const sms = BUILTIN_TEMPLATES[key]?.texts[language]?.sms ?? BUILTIN_TEMPLATES[key]?.texts[DEFAULT_LANGUAGE]?.sms;
    if (!sms) throw new Error(`The template "${key}" has no SMS text.`);
    return fillTemplate(sms, { brandName: this.branding.name, webUrl: this.branding.webUrl.replace(/\/$/, ''), ...values });
  }

  async render(key: string, language: string, values: Readonly<Record<string, string>>, variant: string | null = null): Promise<RenderedMessage> {
    await this.refresh();
    const text = this.textOf(key, language, variant);
    if (!text) throw new Error(`No template "${key}".`);
    const branding = this.branding;
    const all = { brandName: branding.name, webUrl: branding.webUrl.replace(/\/$/, ''), ...values };
    const subject = fillTemplate(text.subject, all);
    const body = fillTemplate(text.body, all);
    const action = text.action ? { label: fillTemplate(text.action.label, all), url: fillTemplate(text.action.url, all) } : null;
    return { from: branding.senderAddress, subject, text: renderEmailText(branding, body, action), html: renderEmailHtml(branding, body, action) };
  }
}
