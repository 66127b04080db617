import { Migration } from '@mikro-orm/migrations';

export class Migration20261203133417 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "products"."incoming_supply" ("purchase_order_number" text not null, "line_no" int not null, "product_id" uuid not null, "quantity" numeric(14,3) not null, "expected_date" date not null, constraint "incoming_supply_pkey" primary key ("purchase_order_number", "line_no"));`);
    this.addSql(`create index "incoming_supply_product_id_index" on "products"."incoming_supply" ("product_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "products"."incoming_supply" cascade;`);
  }

}
