import { Migration } from '@mikro-orm/migrations';

export class Migration20261122054738 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "products";`);
    this.addSql(`create table "products"."product" ("id" uuid not null, "sku" text not null, "name" text not null, "description" text not null, "unit" text not null, "list_price" numeric(14,4) not null, "currency" char(3) not null, "active" boolean not null default true, "updated_at" timestamptz not null, constraint "product_pkey" primary key ("id"));`);
    this.addSql(`alter table "products"."product" add constraint "product_sku_unique" unique ("sku");`);
    this.addSql(`create index "product_name_index" on "products"."product" ("name");`);

    this.addSql(`create table "products"."customer_price" ("company_id" uuid not null, "product_id" uuid not null, "price" numeric(14,4) not null, "currency" char(3) not null, constraint "customer_price_pkey" primary key ("company_id", "product_id"));`);

    this.addSql(`alter table "products"."customer_price" add constraint "customer_price_product_id_foreign" foreign key ("product_id") references "products"."product" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "products"."customer_price" drop constraint "customer_price_product_id_foreign";`);

    this.addSql(`drop table if exists "products"."product" cascade;`);

    this.addSql(`drop table if exists "products"."customer_price" cascade;`);

    this.addSql(`drop schema if exists "products";`);
  }

}
