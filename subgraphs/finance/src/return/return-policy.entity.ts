import { Entity, Opt, PrimaryKey, Property } from '@mikro-orm/core';

/** The distributor's return rules (one row, id 1; absent: the defaults). */
@Entity({ tableName: 'return_policy' })
export class ReturnPolicyEntity {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  id: number;

  /** How long after delivery goods may be returned. */
  @Property({ type: 'integer' })
  periodMonths: number;

  @Property({ type: 'timestamptz' })
  updatedAt: Date & Opt = new Date();
}
