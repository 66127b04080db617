import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { OfferContent } from './offer.entity';

/** A version of an offer as it was before a change after sending replaced it: readable, never changed. */
@Entity({ tableName: 'offer_version' })
export class OfferVersionEntity {
  @PrimaryKey({ type: 'uuid' })
  offerId: string;

  @PrimaryKey({ type: 'integer' })
  version: number;

  @Property({ type: 'jsonb' })
  content: OfferContent;

  @Property({ type: 'timestamptz', nullable: true })
  sentAt: Date | null = null;

  /** When the next version replaced it. */
  @Property({ type: 'timestamptz' })
  replacedAt: Date;
}
