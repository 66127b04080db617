import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The last offer number given per year. Taken by an upsert in the creating transaction, which holds
 * the year's row locked until commit: concurrent creations wait in turn, and a rolled-back creation
 * gives its number back, so numbers have no gap and no duplicate.
 */
@Entity({ tableName: 'offer_number_counter' })
export class OfferNumberCounterEntity {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  year: number;

  @Property({ type: 'integer' })
  last: number;
}
