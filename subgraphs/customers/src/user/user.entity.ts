import { Opt, ArrayType, Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { CompanyEntity } from '../company/company.entity';
import { UserKind } from './user-kind';

/** A person who signs in. The hub owns users; the ERP knows only its contacts. */
@Entity({ tableName: 'user_account' })
export class UserEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Stored lower-cased; unique across the hub. */
  @Property({ type: 'text', unique: true })
  email: string;

  @Property({ type: 'text', hidden: true, lazy: false })
  passwordHash: string;

  @Property({ type: 'text' })
  name: string;

  @Enum({ items: () => UserKind, type: 'text' })
  kind: UserKind;

  @Index()
  @ManyToOne(() => CompanyEntity, { nullable: true, deleteRule: 'restrict' })
  company: CompanyEntity | null = null;

  /** Key of the supplier (suppliers subgraph) a SUPPLIER user belongs to; no cross-schema foreign key. */
  @Property({ type: 'uuid', nullable: true })
  supplierId: string | null = null;

  /** The ERP contact (contacts are ERP-owned) this user is bound to, if any; no foreign key, contacts come and go with the sync. */
  @Property({ type: 'uuid', nullable: true })
  contactId: string | null = null;

  @Property({ type: ArrayType })
  permissions: string[] & Opt = [];

  @Property({ type: 'boolean' })
  active: boolean & Opt = true;

  /**
   * Raised on deactivation, password change or reset, and permission changes: tokens issued with
   * an older version are refused (the gateway keeps the list; see platform/revocation).
   */
  @Property({ type: 'integer', default: 0 })
  tokenVersion: number & Opt = 0;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();
}
