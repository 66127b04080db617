import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The file an offer was mailed with, rendered when it was sent and written in the same
 * transaction: the e-mail (built by the notifications worker from this table, see
 * offer-notifications.ts) carries exactly the version that was sent, whenever it goes out.
 */
@Entity({ tableName: 'offer_mail_file' })
export class OfferMailFileEntity {
  @PrimaryKey({ type: 'uuid' })
  offerId: string;

  @PrimaryKey({ type: 'timestamptz' })
  sentAt: Date;

  @Property({ type: 'integer' })
  version: number;

  @Property({ type: 'text' })
  fileName: string;

  @Property({ type: 'text' })
  contentType: string;

  @Property({ type: 'blob' })
  content: Buffer;
}
