import { PoolClient } from 'pg';
import { NotificationDeclaration, NotificationNotice } from '@hub/subgraph-kit';
import { OFFER_CHANGED_TOPIC, OfferSentData } from './offer-events';

/**
 * What a sent offer tells the customer: every active user of the company with orders.view gets
 * the offer by e-mail with the file it was sent with attached (one e-mail per send: a resend is
 * a new one). Other changes of an offer (viewed, new version, decided) send nothing.
 */
export async function offerNotices(client: PoolClient, event: { key: string; data?: unknown }): Promise<NotificationNotice[]> {
  const sent = (event.data as Partial<OfferSentData> | undefined)?.sent;
  if (!sent || typeof sent.at !== 'string') return [];
  const { rows } = await client.query<{
    id: string; number: string; company_id: string; title: string | null; total: string; currency: string; valid_until: string; version: number; file_name: string; content_type: string; content: Buffer;
  }>(
    `select o.id, o.number, o.company_id, o.title, o.total::text, o.currency, o.valid_until::text, f.version, f.file_name, f.content_type, f.content
       from orders.offer o join orders.offer_mail_file f on f.offer_id = o.id and f.sent_at = $2::timestamptz
      where o.id = $1`,
    [event.key, sent.at],
  );
  const offer = rows[0];
  if (!offer) return [];
  return [{
    ref: `offer:${offer.id}:sent:${sent.at}`,
    template: 'offer.sent',
    recipientUserIds: [],
    recipientCompany: { companyId: offer.company_id, permission: 'orders.view' },
    values: {
      offerId: offer.id, offerNumber: offer.number, version: String(offer.version), title: offer.title ?? offer.number,
      total: `${offer.total} ${offer.currency}`, validUntil: offer.valid_until, fileName: offer.file_name,
    },
    attachments: [{ fileName: offer.file_name, contentType: offer.content_type, content: offer.content }],
  }];
}

export const OFFER_NOTIFICATIONS: readonly NotificationDeclaration[] = [{ topic: OFFER_CHANGED_TOPIC, notices: offerNotices }];
