import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** A contact person of a customer in the ERP (ERP-owned); hub users are bound to one. */
@Entity({ tableName: 'contact' })
export class ContactEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string;

  @Property({ type: 'text', unique: true })
  contactNumber: string;

  @Index()
  @Property({ type: 'uuid' })
  companyId: string;

  @Property({ type: 'text' })
  name: string;

  @Property({ type: 'text' })
  email: string;

  @Property({ type: 'text', nullable: true })
  phone: string | null;
}
