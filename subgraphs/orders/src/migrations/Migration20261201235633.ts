import { Migration } from '@mikro-orm/migrations';

export class Migration20261201235633 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "orders"."basket" ("user_id" uuid not null, "company_id" uuid not null, "delivery_address_code" text null, "branch_id" uuid null, "customer_reference" text null, "notes" text null, "updated_at" timestamptz not null default now(), constraint "basket_pkey" primary key ("user_id"));`);
    this.addSql(`create index "basket_company_id_index" on "orders"."basket" ("company_id");`);

    this.addSql(`create table "orders"."basket_line" ("id" uuid not null, "basket_user_id" uuid not null, "product_id" uuid not null, "sku" text not null, "quantity" numeric(14,3) not null, "position" int not null, "added_at" timestamptz not null default now(), constraint "basket_line_pkey" primary key ("id"));`);
    this.addSql(`alter table "orders"."basket_line" add constraint "basket_line_basket_user_id_product_id_unique" unique ("basket_user_id", "product_id");`);

    this.addSql(`create table "orders"."company_account" ("company_id" uuid not null, "customer_number" text not null, "currency" char(3) not null, "credit_limit" numeric(14,2) not null, "balance" numeric(14,2) not null, "blocked" boolean not null, "tax_rate_percent" numeric(6,3) null, "delivery_address_codes" text[] not null default '{}', constraint "company_account_pkey" primary key ("company_id"));`);

    this.addSql(`create table "orders"."hold_rule" ("id" uuid not null, "kind" text check ("kind" in ('ACCOUNT_BLOCKED', 'CREDIT_LIMIT', 'ORDER_VALUE', 'DELIVERY_ADDRESS', 'DAILY_ORDER_COUNT')) not null, "company_id" uuid null, "enabled" boolean not null, "limit_amount" numeric(14,2) null, "currency" char(3) null, "max_orders_per_day" int null, "delivery_address_codes" text[] null, "updated_by_user_id" uuid null, "updated_at" timestamptz not null, constraint "hold_rule_pkey" primary key ("id"));`);
    this.addSql(`create unique index "hold_rule_kind_company_unique" on "orders"."hold_rule" ("kind", coalesce("company_id", '00000000-0000-0000-0000-000000000000'::uuid));`);

    this.addSql(`create table "orders"."ordering_settings" ("company_id" uuid not null, "requires_approval" boolean not null default false, "approval_limit" numeric(14,2) null, "approval_limit_currency" char(3) null, "updated_by_user_id" uuid null, "updated_at" timestamptz not null, constraint "ordering_settings_pkey" primary key ("company_id"));`);

    this.addSql(`create table "orders"."order_status_event" ("id" uuid not null, "order_id" uuid not null, "at" timestamptz not null default clock_timestamp(), "status" text check ("status" in ('AWAITING_APPROVAL', 'ON_HOLD', 'REJECTED', 'PENDING', 'ERP_REFUSED', 'CONFIRMED', 'PICKED', 'SHIPPED', 'DELIVERED', 'INVOICED', 'CANCELLED')) not null, "previous_status" text check ("previous_status" in ('AWAITING_APPROVAL', 'ON_HOLD', 'REJECTED', 'PENDING', 'ERP_REFUSED', 'CONFIRMED', 'PICKED', 'SHIPPED', 'DELIVERED', 'INVOICED', 'CANCELLED')) null, "source" text check ("source" in ('WEB', 'APPROVAL', 'HOLD_RULES', 'STAFF_REVIEW', 'ERP_RECEIPT', 'ERP_REFUSAL', 'ERP_SYNC', 'ERP_CORRECTION')) not null, "actor_user_id" uuid null, "on_behalf_actor_id" uuid null, "reason" text null, "details" jsonb null, constraint "order_status_event_pkey" primary key ("id"));`);
    this.addSql(`create index "order_status_event_order_id_at_index" on "orders"."order_status_event" ("order_id", "at");`);

    this.addSql(`create table "orders"."quote" ("id" uuid not null, "number" text not null, "company_id" uuid not null, "created_by_user_id" uuid not null, "name" text null, "status" text check ("status" in ('OPEN', 'ORDERED')) not null default 'OPEN', "valid_until" date not null, "currency" char(3) not null, "total" numeric(14,2) not null, "tax_total" numeric(14,2) null, "delivery_address_code" text null, "branch_id" uuid null, "customer_reference" text null, "notes" text null, "priced_at" timestamptz not null, "order_id" uuid null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "quote_pkey" primary key ("id"));`);
    this.addSql(`alter table "orders"."quote" add constraint "quote_number_unique" unique ("number");`);
    this.addSql(`create index "quote_company_id_created_at_index" on "orders"."quote" ("company_id", "created_at");`);

    this.addSql(`create table "orders"."quote_line" ("id" uuid not null, "quote_id" uuid not null, "line_no" int not null, "product_id" uuid not null, "sku" text not null, "quantity" numeric(14,3) not null, "unit_price" numeric(14,4) not null, "line_total" numeric(14,2) not null, constraint "quote_line_pkey" primary key ("id"));`);
    this.addSql(`alter table "orders"."quote_line" add constraint "quote_line_quote_id_line_no_unique" unique ("quote_id", "line_no");`);

    this.addSql(`alter table "orders"."basket_line" add constraint "basket_line_basket_user_id_foreign" foreign key ("basket_user_id") references "orders"."basket" ("user_id") on update cascade on delete cascade;`);

    this.addSql(`alter table "orders"."quote_line" add constraint "quote_line_quote_id_foreign" foreign key ("quote_id") references "orders"."quote" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "orders"."customer_order" drop constraint if exists "customer_order_status_check";`);

    this.addSql(`alter table "orders"."customer_order" add column "request_fingerprint" text null, add column "customer_number" text null, add column "status_reason" text null, add column "hold_reasons" jsonb null, add column "tax_total" numeric(14,2) null, add column "delivery_address_code" text null, add column "branch_id" uuid null, add column "customer_reference" text null, add column "notes" text null, add column "quote_id" uuid null, add column "quote_price_changes" jsonb null, add column "delivery_date" date null;`);
    this.addSql(`alter table "orders"."customer_order" add constraint "customer_order_status_check" check("status" in ('AWAITING_APPROVAL', 'ON_HOLD', 'REJECTED', 'PENDING', 'ERP_REFUSED', 'CONFIRMED', 'PICKED', 'SHIPPED', 'DELIVERED', 'INVOICED', 'CANCELLED'));`);
    this.addSql(`create index "customer_order_status_placed_at_index" on "orders"."customer_order" ("status", "placed_at");`);

    this.addSql(`alter table "orders"."order_line" add column "ordered_line_no" int null, add column "warehouse_code" text null, add column "back_ordered" boolean not null default false, add column "delivery_date" date null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "orders"."basket_line" drop constraint "basket_line_basket_user_id_foreign";`);

    this.addSql(`alter table "orders"."quote_line" drop constraint "quote_line_quote_id_foreign";`);

    this.addSql(`drop table if exists "orders"."basket" cascade;`);

    this.addSql(`drop table if exists "orders"."basket_line" cascade;`);

    this.addSql(`drop table if exists "orders"."company_account" cascade;`);

    this.addSql(`drop table if exists "orders"."hold_rule" cascade;`);

    this.addSql(`drop table if exists "orders"."ordering_settings" cascade;`);

    this.addSql(`drop table if exists "orders"."order_status_event" cascade;`);

    this.addSql(`drop table if exists "orders"."quote" cascade;`);

    this.addSql(`drop table if exists "orders"."quote_line" cascade;`);

    this.addSql(`alter table "orders"."customer_order" drop constraint if exists "customer_order_status_check";`);

    this.addSql(`drop index "orders"."customer_order_status_placed_at_index";`);
    this.addSql(`alter table "orders"."customer_order" drop column "request_fingerprint", drop column "customer_number", drop column "status_reason", drop column "hold_reasons", drop column "tax_total", drop column "delivery_address_code", drop column "branch_id", drop column "customer_reference", drop column "notes", drop column "quote_id", drop column "quote_price_changes", drop column "delivery_date";`);

    this.addSql(`alter table "orders"."customer_order" add constraint "customer_order_status_check" check("status" in ('PENDING', 'CONFIRMED', 'PICKED', 'SHIPPED', 'DELIVERED', 'INVOICED', 'CANCELLED'));`);

    this.addSql(`alter table "orders"."order_line" drop column "ordered_line_no", drop column "warehouse_code", drop column "back_ordered", drop column "delivery_date";`);
  }

}
