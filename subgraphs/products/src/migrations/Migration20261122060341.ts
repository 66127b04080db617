import { Migration } from '@mikro-orm/migrations';

export class Migration20261122060341 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "products"."category" ("id" uuid not null, "code" text not null, "parent_code" text null, "name" text not null, "position" int not null, constraint "category_pkey" primary key ("id"));`);
    this.addSql(`alter table "products"."category" add constraint "category_code_unique" unique ("code");`);
    this.addSql(`create index "category_parent_code_index" on "products"."category" ("parent_code");`);

    this.addSql(`create table "products"."exchange_rate" ("key" text not null, "from_currency" char(3) not null, "to_currency" char(3) not null, "rate" numeric(18,8) not null, "rate_date" date not null, constraint "exchange_rate_pkey" primary key ("key"));`);

    this.addSql(`create table "products"."price_rule" ("key" text not null, "product_id" uuid not null, "sku" text not null, "company_id" uuid null, "customer_group" text null, "min_quantity" numeric(14,3) not null, "price" numeric(14,4) not null, "currency" char(3) not null, "valid_from" date null, "valid_to" date null, "promotion" boolean not null, constraint "price_rule_pkey" primary key ("key"));`);
    this.addSql(`create index "price_rule_product_id_index" on "products"."price_rule" ("product_id");`);
    this.addSql(`create index "price_rule_company_id_product_id_index" on "products"."price_rule" ("company_id", "product_id");`);

    this.addSql(`create table "products"."product_category" ("product_id" uuid not null, "category_code" text not null, constraint "product_category_pkey" primary key ("product_id", "category_code"));`);

    this.addSql(`create table "products"."stock_level" ("key" text not null, "warehouse_code" text not null, "warehouse_name" text not null, "product_id" uuid not null, "on_hand" numeric(14,3) not null, "reserved" numeric(14,3) not null, "next_receipt_date" date null, "next_receipt_quantity" numeric(14,3) null, constraint "stock_level_pkey" primary key ("key"));`);
    this.addSql(`create index "stock_level_product_id_index" on "products"."stock_level" ("product_id");`);

    this.addSql(`drop table if exists "products"."customer_price" cascade;`);

    this.addSql(`alter table "products"."product" add column "min_stock" numeric(14,3) not null default '0';`);
  }

  override async down(): Promise<void> {
    this.addSql(`create table "products"."customer_price" ("company_id" uuid not null, "product_id" uuid not null, "price" numeric(14,4) not null, "currency" char(3) not null, constraint "customer_price_pkey" primary key ("company_id", "product_id"));`);

    this.addSql(`alter table "products"."customer_price" add constraint "customer_price_product_id_foreign" foreign key ("product_id") references "products"."product" ("id") on update cascade on delete cascade;`);

    this.addSql(`drop table if exists "products"."category" cascade;`);

    this.addSql(`drop table if exists "products"."exchange_rate" cascade;`);

    this.addSql(`drop table if exists "products"."price_rule" cascade;`);

    this.addSql(`drop table if exists "products"."product_category" cascade;`);

    this.addSql(`drop table if exists "products"."stock_level" cascade;`);

    this.addSql(`alter table "products"."product" drop column "min_stock";`);
  }

}
