import { Entity, Enum, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { registerEnumType } from 'type-graphql';

export enum OfferTermKind {
  PAYMENT = 'PAYMENT',
  TRANSPORT = 'TRANSPORT',
  VALIDITY = 'VALIDITY',
  NOTES = 'NOTES',
}

registerEnumType(OfferTermKind, { name: 'OfferTermKind', description: 'Which part of an offer\'s terms a text is for.' });

/** A term text reps pick for an offer (payment, transport, validity, notes); staff-managed. */
@Entity({ tableName: 'offer_term' })
export class OfferTermEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Enum({ items: () => OfferTermKind, type: 'text' })
  kind: OfferTermKind;

  @Property({ type: 'text' })
  text: string;

  /** Retired terms stay on the offers that used them, and are not offered for new ones. */
  @Property({ type: 'boolean' })
  active: boolean & Opt = true;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();
}

/** An extra service the distributor prices (assembly, delivery to site, training); staff-managed. */
@Entity({ tableName: 'offer_extra_service' })
export class OfferExtraServiceEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text', unique: true })
  code: string;

  @Property({ type: 'text' })
  name: string;

  @Property({ type: 'decimal', precision: 14, scale: 2 })
  unitPrice: string;

  @Property({ type: 'character', length: 3 })
  currency: string;

  @Property({ type: 'boolean' })
  active: boolean & Opt = true;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();
}

/**
 * Which customer companies a sales rep (a staff user with staff.sales, customers subgraph) looks
 * after. Kept here, beside the offers it governs: reps exist for offers, and the customers
 * subgraph's users need no knowledge of them. Staff with staff.admin see every customer.
 */
@Entity({ tableName: 'sales_rep_customer' })
export class SalesRepCustomerEntity {
  @PrimaryKey({ type: 'uuid' })
  repUserId: string;

  @PrimaryKey({ type: 'uuid' })
  companyId: string;

  @Property({ type: 'timestamptz' })
  assignedAt: Date & Opt = new Date();
}
