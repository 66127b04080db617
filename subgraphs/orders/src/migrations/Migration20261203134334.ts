import { Migration } from '@mikro-orm/migrations';

export class Migration20261203134334 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "orders"."delivery_destination" ("company_id" uuid not null, "country" char(2) not null, "address_countries" jsonb not null, constraint "delivery_destination_pkey" primary key ("company_id"));`);

    this.addSql(`create table "orders"."delivery_rate" ("id" uuid not null, "method" text not null, "country" char(2) null, "max_weight_kg" numeric(12,3) null, "max_volume_m3" numeric(12,4) null, "base_cost" numeric(14,2) not null, "cost_per_parcel" numeric(14,2) not null, "cost_per_pallet" numeric(14,2) not null, "currency" char(3) not null, "free_from" numeric(14,2) null, "band_key" text not null, "updated_by" uuid not null, "updated_at" timestamptz not null default now(), constraint "delivery_rate_pkey" primary key ("id"));`);
    this.addSql(`create index "delivery_rate_country_index" on "orders"."delivery_rate" ("country");`);
    this.addSql(`alter table "orders"."delivery_rate" add constraint "delivery_rate_band_key_unique" unique ("band_key");`);

    this.addSql(`create table "orders"."logistic_minimum" ("id" uuid not null, "scope" text not null, "company_id" uuid null, "product_id" uuid null, "min_order_value" numeric(14,2) null, "min_quantity" numeric(14,3) null, "surcharge" numeric(14,2) not null, "currency" char(3) not null, "updated_by" uuid not null, "updated_at" timestamptz not null default now(), constraint "logistic_minimum_pkey" primary key ("id"));`);
    this.addSql(`alter table "orders"."logistic_minimum" add constraint "logistic_minimum_scope_unique" unique ("scope");`);

    this.addSql(`create table "orders"."product_logistics" ("product_id" uuid not null, "sku" text not null, "weight_kg" numeric(12,3) null, "volume_m3" numeric(12,4) null, "units_per_parcel" int null, "units_per_pallet" int null, constraint "product_logistics_pkey" primary key ("product_id"));`);

    this.addSql(`alter table "orders"."customer_order" add column "delivery" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "orders"."delivery_destination" cascade;`);

    this.addSql(`drop table if exists "orders"."delivery_rate" cascade;`);

    this.addSql(`drop table if exists "orders"."logistic_minimum" cascade;`);

    this.addSql(`drop table if exists "orders"."product_logistics" cascade;`);

    this.addSql(`alter table "orders"."customer_order" drop column "delivery";`);
  }

}
