import { EntityManager } from '@mikro-orm/postgresql';
import { Pool } from 'pg';
import { AuthSecrets, requireStaffPermission, signUnsubscribeToken, verifyUnsubscribeToken, Viewer } from '@hub/auth';
import { badUserInput, conflict, notFound } from '@hub/errors';
import { deploymentLanguage, NewsletterAudience, NewsletterProducts, NotificationRecipientDirectory } from '@hub/subgraph-kit';
import { MessageChannel, MessageStatus } from '../message/message-status';
import { MessageRepository, NewMessage } from '../message/message.repository';
import { NewsletterEntity, NewsletterStatus } from './newsletter.entity';
import { NewsletterCounts, NewsletterRepository } from './newsletter.repository';

export const NEWSLETTER_TEMPLATE = 'newsletter';
const MAX_PRODUCTS = 20;
const MAX_CODES = 10;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DISCOUNT_CODE = /^[A-Z0-9][A-Z0-9_-]{2,31}$/;
/** Rows per INSERT when queueing (a 50,000-recipient newsletter is 10 statements). */
const ENQUEUE_CHUNK = 5_000;

export interface NewsletterInput {
  title: string;
  intro: string;
  productIds?: string[] | null;
  discountCodes?: string[] | null;
}

export interface NewsletterWiring {
  pool: () => Pool;
  directory: NotificationRecipientDirectory | null;
  audience: NewsletterAudience | null;
  products: NewsletterProducts | null;
  secrets: AuthSecrets;
  /** The public origin of the gateway, where `POST /unsubscribe` is served. */
  linkOrigin: () => string;
}

export const newsletterRef = (id: string) => `newsletter:${id}`;

/** Where the one-click link of a newsletter points (RFC 8058: POSTed to by the mail client, no sign-in). */
export function unsubscribeUrl(origin: string, token: string, newsletterId: string): string {
  return `${origin}/unsubscribe?token=${encodeURIComponent(token)}&newsletter=${encodeURIComponent(newsletterId)}`;
}

/**
 * Newsletters: staff compose one (text, catalogue items by id, discount codes), send it to every
 * user whose latest newsletter consent is a grant (nobody else is even queued), each with a signed
 * unsubscribe link, and read its counts from the message log.
 */
export class NewsletterService {
  constructor(private readonly em: EntityManager, private readonly wiring: NewsletterWiring) {}

  async create(viewer: Viewer | null, input: NewsletterInput): Promise<NewsletterEntity> {
    const staff = requireStaffPermission(viewer, 'staff.users');
    const title = input.title.trim();
    const intro = input.intro.trim();
    if (title.length < 1 || title.length > 200 || /[\r\n]/.test(title)) throw badUserInput('The title must be one line of 1 to 200 characters.', 'title');
    if (intro.length < 1 || intro.length > 5_000) throw badUserInput('The intro must be 1 to 5000 characters.', 'intro');
    const productIds = [...new Set(input.productIds ?? [])];
    if (productIds.length > MAX_PRODUCTS) throw badUserInput(`At most ${MAX_PRODUCTS} products.`, 'productIds');
    const malformed = productIds.find((id) => !UUID.test(id));
    if (malformed) throw badUserInput(`"${malformed}" is not a product id.`, 'productIds');
    if (productIds.length > 0) {
      const found = new Map((await this.readProducts(productIds)).map((p) => [p.id, p]));
      const missing = productIds.find((id) => !found.get(id)?.active);
      if (missing) throw badUserInput(`No active product ${missing} in the catalogue.`, 'productIds');
    }
    const discountCodes = [...new Set((input.discountCodes ?? []).map((c) => c.trim().toUpperCase()))];
    if (discountCodes.length > MAX_CODES) throw badUserInput(`At most ${MAX_CODES} discount codes.`, 'discountCodes');
    const badCode = discountCodes.find((c) => !DISCOUNT_CODE.test(c));
    if (badCode !== undefined) throw badUserInput(`"${badCode}" is not a discount code (3 to 32 letters, digits, - or _).`, 'discountCodes');
    const newsletter = this.em.create(NewsletterEntity, { title, intro, productIds, discountCodes, createdBy: staff.userId });
    await this.em.flush();
    return newsletter;
  }

  async list(viewer: Viewer | null): Promise<NewsletterEntity[]> {
    requireStaffPermission(viewer, 'staff.users');
    return this.em.find(NewsletterEntity, {}, { orderBy: { createdAt: 'desc', id: 'asc' }, limit: 100 });
  }

  async get(viewer: Viewer | null, id: string): Promise<NewsletterEntity> {
    requireStaffPermission(viewer, 'staff.users');
    const newsletter = UUID.test(id) ? await this.em.findOne(NewsletterEntity, { id }) : null;
    if (!newsletter) throw notFound('Newsletter', id);
    return newsletter;
  }

  counts(newsletterIds: readonly string[]): Promise<Map<string, NewsletterCounts>> {
    return new NewsletterRepository(this.wiring.pool()).counts(newsletterIds.map(newsletterRef));
  }

  /** Queues it for every consenting user (once: a sent newsletter is refused with CONFLICT); the worker sends. */
  async send(viewer: Viewer | null, id: string): Promise<NewsletterEntity> {
    const newsletter = await this.get(viewer, id);
    const { directory, audience } = this.wiring;
    if (!directory || !audience) throw new Error('No module gives notificationRecipients and newsletterAudience; nobody can get a newsletter.');
    const pool = this.wiring.pool();
    // Claim it first, so two staff pressing "send" at once queue it once.
    const claimed = await pool.query(`update notifications.newsletter set status = 'SENT', sent_at = now() where id = $1 and status = 'DRAFT'`, [id]);
    if (claimed.rowCount !== 1) throw conflict('This newsletter was already sent.');
    const client = await pool.connect();
    try {
      const products = new Map((await this.readProducts(newsletter.productIds)).map((p) => [p.id, p]));
      const productList = newsletter.productIds
        .map((pid) => products.get(pid))
        .filter((p) => p?.active)
        .map((p) => `${p!.name} (${p!.sku}): ${Number(p!.listPrice).toFixed(2)} ${p!.currency}`)
        .join('\n');
      const discountCodes = newsletter.discountCodes.length > 0 ? `Your codes: ${newsletter.discountCodes.join(', ')}` : '';
      const userIds = await audience(client);
      const origin = this.wiring.linkOrigin();
      const repository = new MessageRepository(client);
      let queued = 0;
      for (let start = 0; start < userIds.length; start += ENQUEUE_CHUNK) {
        const recipients = await directory(client, userIds.slice(start, start + ENQUEUE_CHUNK));
        const languages = await this.languages(client, recipients.map((r) => r.userId));
        const messages: NewMessage[] = [];
        for (const r of recipients) {
          // The audience is read a moment before the directory: check the consent again, never send without it.
          if (!r.active || r.consents.NEWSLETTER !== true) continue;
          const token = await signUnsubscribeToken(r.userId, 'NEWSLETTER', this.wiring.secrets);
          messages.push({
            idempotencyKey: `${newsletterRef(id)}|${r.userId}|EMAIL`,
            ref: newsletterRef(id),
            topic: null,
            template: NEWSLETTER_TEMPLATE,
            channel: MessageChannel.EMAIL,
            recipientUserId: r.userId,
            companyId: r.companyId,
            recipientAddress: r.email,
            language: languages.get(r.userId) ?? r.language ?? deploymentLanguage(),
            values: { title: newsletter.title, intro: newsletter.intro, productList, discountCodes, recipientName: r.name, unsubscribeUrl: unsubscribeUrl(origin, token, id) },
            status: MessageStatus.QUEUED,
          });
        }
        queued += await repository.enqueue(messages);
      }
      await client.query(`update notifications.newsletter set recipients = $2 where id = $1`, [id, queued]);
      newsletter.status = NewsletterStatus.SENT;
      newsletter.recipients = queued;
      return newsletter;
    } finally {
      client.release();
    }
  }

  /**
   * The newsletter half of an unsubscribe link (the consent itself is withdrawn by customers'
   * `unsubscribe`): marks the recipient's message of this newsletter, so its counts show it.
   */
  async recordUnsubscribe(token: string, newsletterId: string): Promise<boolean> {
    const { userId, channel } = await verifyUnsubscribeToken(token, this.wiring.secrets);
    if (channel !== 'NEWSLETTER') throw badUserInput('This link does not unsubscribe from newsletters.', 'token');
    if (!UUID.test(newsletterId)) throw badUserInput('Not a newsletter id.', 'newsletterId');
    const result = await this.wiring.pool().query(
      `update notifications.message set unsubscribed_at = now() where ref = $1 and recipient_user_id = $2 and unsubscribed_at is null`,
      [newsletterRef(newsletterId), userId],
    );
    return (result.rowCount ?? 0) > 0;
  }

  private async readProducts(ids: readonly string[]) {
    if (ids.length === 0) return [];
    if (!this.wiring.products) throw new Error('No module gives newsletterProducts; a newsletter cannot show products.');
    const client = await this.wiring.pool().connect();
    try {
      return await this.wiring.products(client, ids);
    } finally {
      client.release();
    }
  }

  private async languages(client: import('pg').PoolClient, userIds: string[]): Promise<Map<string, string>> {
    const { rows } = await client.query(`select user_id, language from notifications.recipient_language where user_id = any($1::uuid[])`, [userIds]);
    return new Map(rows.map((l) => [l.user_id as string, l.language as string]));
  }
}
