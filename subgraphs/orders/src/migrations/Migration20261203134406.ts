import { Migration } from '@mikro-orm/migrations';

export class Migration20261203134406 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "orders"."loyalty_entry" ("id" uuid not null, "company_id" uuid not null, "kind" text check ("kind" in ('EARNED', 'REVERSED', 'REDEEMED')) not null, "points" int not null, "source_key" text not null, "document_number" text null, "invoice_number" text null, "basis_net" numeric(14,2) null, "order_id" uuid null, "redemption_id" uuid null, "description" text not null, "at" timestamptz not null, "recorded_at" timestamptz not null default now(), constraint "loyalty_entry_pkey" primary key ("id"));`);
    this.addSql(`alter table "orders"."loyalty_entry" add constraint "loyalty_entry_source_key_unique" unique ("source_key");`);
    this.addSql(`create index "loyalty_entry_company_id_recorded_at_index" on "orders"."loyalty_entry" ("company_id", "recorded_at");`);

    this.addSql(`create table "orders"."loyalty_product_group" ("sku" text not null, "category_codes" text[] not null, constraint "loyalty_product_group_pkey" primary key ("sku"));`);

    this.addSql(`create table "orders"."loyalty_redemption" ("id" uuid not null, "company_id" uuid not null, "user_id" uuid not null, "reward_id" uuid not null, "reward_name" text not null, "kind" text check ("kind" in ('PRODUCT', 'DISCOUNT')) not null, "points" int not null, "amount" numeric(14,2) null, "currency" char(3) null, "status" text check ("status" in ('OPEN', 'USED')) not null, "order_id" uuid null, "idempotency_key" text not null, "created_at" timestamptz not null default now(), constraint "loyalty_redemption_pkey" primary key ("id"));`);
    this.addSql(`create index "loyalty_redemption_company_id_status_index" on "orders"."loyalty_redemption" ("company_id", "status");`);
    this.addSql(`alter table "orders"."loyalty_redemption" add constraint "loyalty_redemption_company_id_idempotency_key_unique" unique ("company_id", "idempotency_key");`);

    this.addSql(`create table "orders"."loyalty_reward" ("id" uuid not null, "name" text not null, "kind" text check ("kind" in ('PRODUCT', 'DISCOUNT')) not null, "points_cost" int not null, "sku" text null, "quantity" int null, "amount" numeric(14,2) null, "currency" char(3) null, "active" boolean not null, "updated_at" timestamptz not null default now(), constraint "loyalty_reward_pkey" primary key ("id"));`);

    this.addSql(`create table "orders"."loyalty_rule" ("id" uuid not null, "kind" text check ("kind" in ('PER_QUANTITY', 'PER_ORDER_VALUE')) not null, "sku" text null, "product_group" text null, "points" numeric(12,4) not null, "per_amount" numeric(14,2) null, "currency" char(3) null, "active" boolean not null, "active_from" timestamptz not null, "updated_by_user_id" uuid not null, "updated_at" timestamptz not null default now(), constraint "loyalty_rule_pkey" primary key ("id"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "orders"."loyalty_entry" cascade;`);

    this.addSql(`drop table if exists "orders"."loyalty_product_group" cascade;`);

    this.addSql(`drop table if exists "orders"."loyalty_redemption" cascade;`);

    this.addSql(`drop table if exists "orders"."loyalty_reward" cascade;`);

    this.addSql(`drop table if exists "orders"."loyalty_rule" cascade;`);
  }

}
