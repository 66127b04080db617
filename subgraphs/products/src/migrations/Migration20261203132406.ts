import { Migration } from '@mikro-orm/migrations';

export class Migration20261203132406 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "products"."product_configuration" ("sku" text not null, "product_id" uuid not null, "currency" char(3) not null, "options" jsonb not null, "rules" jsonb not null, "area" jsonb null, "price_per_square_metre" numeric(14,4) null, "updated_at" timestamptz not null default now(), constraint "product_configuration_pkey" primary key ("sku"));`);
    this.addSql(`alter table "products"."product_configuration" add constraint "product_configuration_product_id_unique" unique ("product_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "products"."product_configuration" cascade;`);
  }

}
