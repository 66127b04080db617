import { Migration } from '@mikro-orm/migrations';

/**
 * A configurable product's options and their prices decide what a configured line costs, so a
 * statement writing product_configuration announces `catalogChanged` like the other pricing tables
 * (Migration20261202233000): the orders subgraph then stops reusing prices it asked for before.
 * Written by hand: triggers are not part of the entities MikroORM compares.
 */
export class Migration20261203132500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create trigger "product_configuration_announce_catalog_change" after insert or update or delete or truncate on "products"."product_configuration" for each statement execute function "products"."announce_catalog_change"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "product_configuration_announce_catalog_change" on "products"."product_configuration";`);
  }
}
