import { Migration } from '@mikro-orm/migrations';

export class Migration20261203132341 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "orders"."basket_discount_code" ("user_id" uuid not null, "code_id" uuid not null, "applied_at" timestamptz not null default now(), constraint "basket_discount_code_pkey" primary key ("user_id"));`);

    this.addSql(`create table "orders"."discount_code" ("id" uuid not null, "code" text not null, "batch_id" uuid not null, "label" text not null, "company_id" uuid null, "kind" text check ("kind" in ('PERCENT', 'AMOUNT')) not null, "percent" numeric(5,2) null, "amount" numeric(14,2) null, "currency" char(3) null, "min_order_value" numeric(14,2) null, "max_uses" int not null, "used_count" int not null default 0, "valid_from" timestamptz null, "valid_to" timestamptz null, "created_by_user_id" uuid not null, "created_at" timestamptz not null default now(), constraint "discount_code_pkey" primary key ("id"));`);
    this.addSql(`alter table "orders"."discount_code" add constraint "discount_code_code_unique" unique ("code");`);
    this.addSql(`create index "discount_code_batch_id_index" on "orders"."discount_code" ("batch_id");`);

    this.addSql(`create table "orders"."discount_code_use" ("id" uuid not null, "code_id" uuid not null, "order_id" uuid not null, "company_id" uuid not null, "user_id" uuid not null, "amount" numeric(14,2) not null, "currency" char(3) not null, "used_at" timestamptz not null default now(), constraint "discount_code_use_pkey" primary key ("id"));`);
    this.addSql(`alter table "orders"."discount_code_use" add constraint "discount_code_use_order_id_unique" unique ("order_id");`);
    this.addSql(`create index "discount_code_use_code_id_used_at_index" on "orders"."discount_code_use" ("code_id", "used_at");`);

    this.addSql(`alter table "orders"."customer_order" add column "discounts" jsonb null, add column "blanket_order_id" uuid null, add column "blanket_order_number" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "orders"."basket_discount_code" cascade;`);

    this.addSql(`drop table if exists "orders"."discount_code" cascade;`);

    this.addSql(`drop table if exists "orders"."discount_code_use" cascade;`);

    this.addSql(`alter table "orders"."customer_order" drop column "discounts", drop column "blanket_order_id", drop column "blanket_order_number";`);
  }

}
