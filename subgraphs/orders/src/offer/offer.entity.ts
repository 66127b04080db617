import { Entity, Enum, Index, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { registerEnumType } from 'type-graphql';
import { OfferStatus } from './offer.state-machine';

export enum OfferPricingMode {
  /** Each line at the unit price the rep gives. */
  UNIT_PRICES = 'UNIT_PRICES',
  /** One total price for the goods, spread over the lines by their list value (remainder cents on the last line). */
  TOTAL_PRICE = 'TOTAL_PRICE',
}

registerEnumType(OfferPricingMode, { name: 'OfferPricingMode', description: 'UNIT_PRICES (a price per line) or TOTAL_PRICE (one total spread over the lines: summing mode).' });

/** An offered line: amounts as decimal strings in the offer's currency. */
export interface OfferContentLine {
  lineNo: number;
  productId: string;
  sku: string;
  name: string;
  quantity: string;
  /** How it is packed and sold (the product's sales unit unless the rep says otherwise). */
  packing: string;
  unitPrice: string;
  lineTotal: string;
}

/** An extra service priced by the distributor (assembly, delivery to site), from the staff-managed list. */
export interface OfferContentService {
  code: string;
  name: string;
  quantity: string;
  unitPrice: string;
  total: string;
}

export interface OfferTerms {
  payment: string | null;
  transport: string | null;
  validity: string | null;
  notes: string | null;
}

/** What one version of an offer says, as a whole: old versions keep theirs unchanged. */
export interface OfferContent {
  pricingMode: OfferPricingMode;
  currency: string;
  validUntil: string;
  lines: OfferContentLine[];
  services: OfferContentService[];
  terms: OfferTerms;
  linesTotal: string;
  servicesTotal: string;
  total: string;
}

/** The customer as the offer addresses it, copied when the offer is made (the document stays as sent). */
export interface OfferPartner {
  name: string;
  erpNumber: string | null;
  address: { street: string; postalCode: string; city: string; country: string } | null;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  logoUrl: string | null;
}

/**
 * A commercial offer (O11) a sales rep makes for one customer company: lines, extra services and
 * terms (its content, versioned as a whole: every change after sending makes a new version, the
 * old ones are in offer_version), numbered OF-<year>-<5 digits> without gaps. Published in the
 * customer's panel once sent; accepted wholly or per line into an order at the offered prices.
 */
@Entity({ tableName: 'offer' })
@Index({ properties: ['companyId', 'createdAt'] })
@Index({ properties: ['createdByUserId', 'createdAt'] })
// The staff dashboard counts the day's sent and decided offers.
@Index({ properties: ['sentAt'] })
@Index({ properties: ['decidedAt'] })
export class OfferEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text', unique: true })
  number: string;

  @Property({ type: 'uuid' })
  companyId: string;

  /** The rep (staff user) who made it. */
  @Property({ type: 'uuid' })
  createdByUserId: string;

  /** Offers made together for several customers share it. */
  @Property({ type: 'uuid' })
  batchId: string;

  @Property({ type: 'uuid', nullable: true })
  copiedFromId: string | null = null;

  @Property({ type: 'text', nullable: true })
  title: string | null = null;

  @Enum({ items: () => OfferStatus, type: 'text' })
  status: OfferStatus & Opt = OfferStatus.DRAFT;

  @Property({ type: 'integer' })
  version: number & Opt = 1;

  /** The last day it can be accepted (YYYY-MM-DD, UTC); also in content. */
  @Property({ type: 'date' })
  validUntil: string;

  @Property({ type: 'character', length: 3 })
  currency: string;

  /** Goods and services, before tax. */
  @Property({ type: 'decimal', precision: 14, scale: 2 })
  total: string;

  @Property({ type: 'jsonb' })
  content: OfferContent;

  @Property({ type: 'jsonb' })
  partner: OfferPartner;

  @Property({ type: 'timestamptz', nullable: true })
  sentAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  viewedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  decidedByUserId: string | null = null;

  @Property({ type: 'text', nullable: true })
  rejectionReason: string | null = null;

  /** The lines accepted (all of them when ACCEPTED). */
  @Property({ type: 'jsonb', nullable: true })
  acceptedLineNos: number[] | null = null;

  /** The order its acceptance placed. */
  @Property({ type: 'uuid', nullable: true })
  orderId: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}
