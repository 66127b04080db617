import { Migration } from '@mikro-orm/migrations';

export class Migration20261122054919 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "suppliers";`);
    this.addSql(`create table "suppliers"."supplier" ("id" uuid not null, "erp_number" text not null, "name" text not null, "country" char(2) not null, "email" text not null, constraint "supplier_pkey" primary key ("id"));`);
    this.addSql(`alter table "suppliers"."supplier" add constraint "supplier_erp_number_unique" unique ("erp_number");`);

    this.addSql(`create table "suppliers"."supplier_product" ("supplier_id" uuid not null, "product_id" uuid not null, "supplier_sku" text not null, "lead_time_days" int not null, "purchase_price" numeric(14,4) not null, "currency" char(3) not null, constraint "supplier_product_pkey" primary key ("supplier_id", "product_id"));`);
    this.addSql(`create index "supplier_product_product_id_index" on "suppliers"."supplier_product" ("product_id");`);

    this.addSql(`alter table "suppliers"."supplier_product" add constraint "supplier_product_supplier_id_foreign" foreign key ("supplier_id") references "suppliers"."supplier" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "suppliers"."supplier_product" drop constraint "supplier_product_supplier_id_foreign";`);

    this.addSql(`drop table if exists "suppliers"."supplier" cascade;`);

    this.addSql(`drop table if exists "suppliers"."supplier_product" cascade;`);

    this.addSql(`drop schema if exists "suppliers";`);
  }

}
