import { Migration } from '@mikro-orm/migrations';

/** The tables whose rows decide what a customer may buy and at what price (not stock: no answer of pricing shows it). */
const PRICING_TABLES = ['product', 'product_category', 'category', 'customer_price_profile', 'price_rule', 'exchange_rate'];

/**
 * Announces `catalogChanged` on the hub's event channel after every statement that writes one of
 * the pricing tables, whoever writes it (the sync, a staff mutation, an operator's SQL). Once per
 * statement, and PostgreSQL folds identical notifications of one transaction into one, delivered
 * on commit. The orders subgraph reuses a price it has just asked for only while no such event came.
 * Written by hand: triggers are not part of the entities MikroORM compares.
 */
export class Migration20261202233000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function "products"."announce_catalog_change"() returns trigger language plpgsql as $$
begin
  perform pg_notify('hub_events', '{"topic":"catalogChanged","key":"products"}');
  return null;
end $$;`);
    for (const table of PRICING_TABLES) {
      this.addSql(`create trigger "${table}_announce_catalog_change" after insert or update or delete or truncate on "products"."${table}" for each statement execute function "products"."announce_catalog_change"();`);
    }
  }

  override async down(): Promise<void> {
    for (const table of PRICING_TABLES) this.addSql(`drop trigger if exists "${table}_announce_catalog_change" on "products"."${table}";`);
    this.addSql(`drop function if exists "products"."announce_catalog_change"();`);
  }
}
