import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** A supplier: one ERP creditor account. All fields are ERP-owned. */
@Entity({ tableName: 'supplier' })
export class SupplierEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The supplier number in the ERP. */
  @Property({ type: 'text', unique: true })
  erpNumber: string;

  @Property({ type: 'text' })
  name: string;

  @Property({ type: 'character', length: 2 })
  country: string;

  /** Order contact; only staff and the supplier's own users may see it. */
  @Property({ type: 'text' })
  email: string;
}
