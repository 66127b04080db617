import { Migration } from '@mikro-orm/migrations';

export class Migration20261122064625 extends Migration {

  override async up(): Promise<void> {
    // Added by hand to the generated migration: the trigram index below needs pg_trgm (a trusted
    // extension, shipped with the machine's PostgreSQL and the embedded one).
    this.addSql(`create extension if not exists pg_trgm with schema public;`);
    this.addSql(`create table "products"."customer_price_profile" ("company_id" uuid not null, "customer_number" text not null, "customer_group" text null, "currency" char(3) not null, constraint "customer_price_profile_pkey" primary key ("company_id"));`);
    this.addSql(`create index "customer_price_profile_customer_number_index" on "products"."customer_price_profile" ("customer_number");`);

    this.addSql(`create table "products"."stock_display_policy" ("company_id" uuid not null, "policy" text not null, "updated_by" uuid null, "updated_at" timestamptz not null default now(), constraint "stock_display_policy_pkey" primary key ("company_id"));`);

    this.addSql(`alter table "products"."product_category" add column "sku" text not null default '';`);
    this.addSql(`create index "product_category_category_code_sku_index" on "products"."product_category" ("category_code", "sku");`);
    // Added by hand: fill the new column for rows synchronised before it existed.
    this.addSql(`update "products"."product_category" pc set "sku" = p."sku" from "products"."product" p where p."id" = pc."product_id";`);

    this.addSql(`alter table "products"."product" add column "search_text" text not null default '', add column "specifications" jsonb not null default '[]', add column "images" jsonb not null default '[]', add column "related_skus" text[] not null default '{}', add column "substitute_skus" text[] not null default '{}', add column "web_assortment" text[] null;`);
    this.addSql(`create index "product_active_sku_index" on "products"."product" ("active", "sku");`);
    this.addSql(`create index "product_web_assortment_gin" on "products"."product" using gin ("web_assortment");`);
    this.addSql(`create index "product_search_text_trgm" on "products"."product" using gin ("search_text" public.gin_trgm_ops);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "products"."customer_price_profile" cascade;`);

    this.addSql(`drop table if exists "products"."stock_display_policy" cascade;`);

    this.addSql(`drop index "products"."product_active_sku_index";`);
    this.addSql(`drop index "products"."product_web_assortment_gin";`);
    this.addSql(`drop index "products"."product_search_text_trgm";`);
    this.addSql(`alter table "products"."product" drop column "search_text", drop column "specifications", drop column "images", drop column "related_skus", drop column "substitute_skus", drop column "web_assortment";`);

    this.addSql(`drop index "products"."product_category_category_code_sku_index";`);
    this.addSql(`alter table "products"."product_category" drop column "sku";`);
  }

}
