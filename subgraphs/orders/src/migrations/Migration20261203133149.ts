import { Migration } from '@mikro-orm/migrations';

export class Migration20261203133149 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "orders"."offer" ("id" uuid not null, "number" text not null, "company_id" uuid not null, "created_by_user_id" uuid not null, "batch_id" uuid not null, "copied_from_id" uuid null, "title" text null, "status" text check ("status" in ('DRAFT', 'SENT', 'VIEWED', 'ACCEPTED', 'PARTLY_ACCEPTED', 'REJECTED', 'EXPIRED')) not null default 'DRAFT', "version" int not null default 1, "valid_until" date not null, "currency" char(3) not null, "total" numeric(14,2) not null, "content" jsonb not null, "partner" jsonb not null, "sent_at" timestamptz null, "viewed_at" timestamptz null, "decided_at" timestamptz null, "decided_by_user_id" uuid null, "rejection_reason" text null, "accepted_line_nos" jsonb null, "order_id" uuid null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "offer_pkey" primary key ("id"));`);
    this.addSql(`alter table "orders"."offer" add constraint "offer_number_unique" unique ("number");`);
    this.addSql(`create index "offer_created_by_user_id_created_at_index" on "orders"."offer" ("created_by_user_id", "created_at");`);
    this.addSql(`create index "offer_company_id_created_at_index" on "orders"."offer" ("company_id", "created_at");`);

    this.addSql(`create table "orders"."offer_extra_service" ("id" uuid not null, "code" text not null, "name" text not null, "unit_price" numeric(14,2) not null, "currency" char(3) not null, "active" boolean not null default true, "created_at" timestamptz not null, constraint "offer_extra_service_pkey" primary key ("id"));`);
    this.addSql(`alter table "orders"."offer_extra_service" add constraint "offer_extra_service_code_unique" unique ("code");`);

    this.addSql(`create table "orders"."offer_number_counter" ("year" int not null, "last" int not null, constraint "offer_number_counter_pkey" primary key ("year"));`);

    this.addSql(`create table "orders"."offer_term" ("id" uuid not null, "kind" text check ("kind" in ('PAYMENT', 'TRANSPORT', 'VALIDITY', 'NOTES')) not null, "text" text not null, "active" boolean not null default true, "created_at" timestamptz not null, constraint "offer_term_pkey" primary key ("id"));`);

    this.addSql(`create table "orders"."offer_version" ("offer_id" uuid not null, "version" int not null, "content" jsonb not null, "sent_at" timestamptz null, "replaced_at" timestamptz not null, constraint "offer_version_pkey" primary key ("offer_id", "version"));`);

    this.addSql(`create table "orders"."sales_rep_customer" ("rep_user_id" uuid not null, "company_id" uuid not null, "assigned_at" timestamptz not null, constraint "sales_rep_customer_pkey" primary key ("rep_user_id", "company_id"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "orders"."offer" cascade;`);

    this.addSql(`drop table if exists "orders"."offer_extra_service" cascade;`);

    this.addSql(`drop table if exists "orders"."offer_number_counter" cascade;`);

    this.addSql(`drop table if exists "orders"."offer_term" cascade;`);

    this.addSql(`drop table if exists "orders"."offer_version" cascade;`);

    this.addSql(`drop table if exists "orders"."sales_rep_customer" cascade;`);
  }

}
