import { Entity, Opt, PrimaryKey, Property } from '@mikro-orm/core';

/** The staff-managed dictionary of return reasons: one label per code and language. */
@Entity({ tableName: 'return_reason' })
export class ReturnReasonEntity {
  @PrimaryKey({ type: 'text' })
  code: string;

  /** ISO 639-1 language code, e.g. en, sv, pl. */
  @PrimaryKey({ type: 'text' })
  language: string;

  @Property({ type: 'text' })
  label: string;

  /** Inactive reasons stay on old returns but cannot be chosen for new ones. */
  @Property({ type: 'boolean' })
  active: boolean & Opt = true;
}
