import { Entity, Enum, Index, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

export enum RegistrationStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}

/** For approvals as a new customer: where the ERP side stands. */
export enum RegistrationErpStatus {
  /** In the customers outbox, on its way to the ERP. */
  SUBMITTED = 'SUBMITTED',
  /** The ERP created the customer and contact; the user account exists. */
  CREATED = 'CREATED',
}

/**
 * A self-registration (hub-owned) waiting for staff: approved by binding it to an existing ERP
 * customer (and contact), or by creating a new customer in the ERP through the outbox; or rejected.
 */
@Entity({ tableName: 'registration' })
@Index({ properties: ['status', 'createdAt'] })
export class RegistrationEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Enum({ items: () => RegistrationStatus, type: 'text' })
  status: RegistrationStatus & Opt = RegistrationStatus.PENDING;

  @Property({ type: 'text' })
  companyName: string;

  @Property({ type: 'text', nullable: true })
  vatNumber: string | null = null;

  @Property({ type: 'character', length: 2 })
  country: string;

  @Property({ type: 'character', length: 3 })
  currency: string;

  @Property({ type: 'text' })
  contactName: string;

  /** Lower-cased. */
  @Property({ type: 'text' })
  email: string;

  @Property({ type: 'text', nullable: true })
  phone: string | null = null;

  /** { street, postalCode, city, country } */
  @Property({ type: 'jsonb' })
  invoiceAddress: Record<string, string>;

  /** The password the registrant chose (scrypt); the user account gets it on approval. */
  @Property({ type: 'text', hidden: true, lazy: false })
  passwordHash: string;

  /** Normalised company name and address, compared by trigram similarity in the duplicate check. */
  @Property({ type: 'text' })
  normalizedName: string;

  @Property({ type: 'text' })
  normalizedAddress: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  decidedById: string | null = null;

  @Property({ type: 'text', nullable: true })
  rejectReason: string | null = null;

  /** The company the registration was bound to (existing, or created by the ERP). */
  @Property({ type: 'uuid', nullable: true })
  companyId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  contactId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  userId: string | null = null;

  @Enum({ items: () => RegistrationErpStatus, type: 'text', nullable: true })
  erpStatus: RegistrationErpStatus | null = null;

  @Property({ type: 'text', nullable: true })
  erpCustomerNumber: string | null = null;

  @Property({ type: 'text', nullable: true })
  erpContactNumber: string | null = null;
}
