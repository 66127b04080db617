import { Migration } from '@mikro-orm/migrations';

export class Migration20261203133408 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "suppliers"."drop_ship_assignment" ("product_group" text not null, "supplier_id" uuid null, "version" int not null, "assigned_by_user_id" uuid not null, "assigned_at" timestamptz not null, "status_reason" text null, "in_erp_since" timestamptz null, constraint "drop_ship_assignment_pkey" primary key ("product_group"));`);

    this.addSql(`create table "suppliers"."drop_ship_order" ("id" uuid not null, "erp_number" text not null, "supplier_id" uuid not null, "status" text check ("status" in ('OPEN', 'CONFIRMED', 'SHIPPED', 'CANCELLED')) not null, "delivery_address" jsonb not null, "lines" jsonb not null, "carrier" text null, "parcel_number" text null, "confirmed_at" timestamptz null, "shipped_at" timestamptz null, "delivery_number" text null, "status_reason" text null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "drop_ship_order_pkey" primary key ("id"));`);
    this.addSql(`alter table "suppliers"."drop_ship_order" add constraint "drop_ship_order_erp_number_unique" unique ("erp_number");`);
    this.addSql(`create index "drop_ship_order_supplier_id_created_at_index" on "suppliers"."drop_ship_order" ("supplier_id", "created_at");`);

    this.addSql(`create table "suppliers"."product_group" ("code" text not null, "name" text not null, constraint "product_group_pkey" primary key ("code"));`);

    this.addSql(`create table "suppliers"."product_sku" ("product_id" uuid not null, "sku" text not null, "name" text not null, constraint "product_sku_pkey" primary key ("product_id"));`);
    this.addSql(`alter table "suppliers"."product_sku" add constraint "product_sku_sku_unique" unique ("sku");`);

    this.addSql(`create table "suppliers"."purchase_order" ("id" uuid not null, "number" text not null, "supplier_id" uuid not null, "rfq_id" uuid null, "currency" char(3) not null, "status" text check ("status" in ('SENT', 'CHANGE_PROPOSED', 'CONFIRMED', 'PARTLY_RECEIVED', 'RECEIVED', 'CANCELLED')) not null, "note" text null, "erp_number" text null, "status_reason" text null, "created_by_user_id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "purchase_order_pkey" primary key ("id"));`);
    this.addSql(`alter table "suppliers"."purchase_order" add constraint "purchase_order_number_unique" unique ("number");`);
    this.addSql(`alter table "suppliers"."purchase_order" add constraint "purchase_order_erp_number_unique" unique ("erp_number");`);
    this.addSql(`create index "purchase_order_supplier_id_created_at_index" on "suppliers"."purchase_order" ("supplier_id", "created_at");`);

    this.addSql(`create table "suppliers"."purchase_order_event" ("id" uuid not null, "purchase_order_id" uuid not null, "at" timestamptz not null, "kind" text not null, "line_no" int null, "text" text not null, "by" text not null, "by_user_id" uuid null, constraint "purchase_order_event_pkey" primary key ("id"));`);
    this.addSql(`create index "purchase_order_event_purchase_order_id_at_index" on "suppliers"."purchase_order_event" ("purchase_order_id", "at");`);

    this.addSql(`create table "suppliers"."purchase_order_line" ("id" uuid not null, "purchase_order_id" uuid not null, "line_no" int not null, "product_id" uuid not null, "sku" text not null, "quantity" numeric(14,3) not null, "unit_price" numeric(14,4) not null, "delivery_date" date not null, "status" text check ("status" in ('OPEN', 'CHANGE_PROPOSED', 'CONFIRMED')) not null, "proposed_quantity" numeric(14,3) null, "proposed_unit_price" numeric(14,4) null, "proposed_delivery_date" date null, "proposal_note" text null, "received_quantity" numeric(14,3) not null default '0', constraint "purchase_order_line_pkey" primary key ("id"));`);
    this.addSql(`alter table "suppliers"."purchase_order_line" add constraint "purchase_order_line_purchase_order_id_line_no_unique" unique ("purchase_order_id", "line_no");`);

    this.addSql(`create table "suppliers"."rfq_answer" ("id" uuid not null, "rfq_id" uuid not null, "supplier_id" uuid not null, "line_no" int not null, "unit_price" numeric(14,4) not null, "lead_time_days" int not null, "conditions" text null, "answered_by_user_id" uuid not null, "answered_at" timestamptz not null, constraint "rfq_answer_pkey" primary key ("id"));`);
    this.addSql(`alter table "suppliers"."rfq_answer" add constraint "rfq_answer_rfq_id_supplier_id_line_no_unique" unique ("rfq_id", "supplier_id", "line_no");`);

    this.addSql(`create table "suppliers"."rfq" ("id" uuid not null, "number" text not null, "title" text not null, "delivery_date" date not null, "deadline" timestamptz not null, "currency" char(3) not null, "status" text check ("status" in ('OPEN', 'ORDERED', 'CANCELLED')) not null, "created_by_user_id" uuid not null, "created_at" timestamptz not null, constraint "rfq_pkey" primary key ("id"));`);
    this.addSql(`alter table "suppliers"."rfq" add constraint "rfq_number_unique" unique ("number");`);

    this.addSql(`create table "suppliers"."rfq_invitation" ("id" uuid not null, "rfq_id" uuid not null, "supplier_id" uuid not null, constraint "rfq_invitation_pkey" primary key ("id"));`);
    this.addSql(`create index "rfq_invitation_supplier_id_index" on "suppliers"."rfq_invitation" ("supplier_id");`);
    this.addSql(`alter table "suppliers"."rfq_invitation" add constraint "rfq_invitation_rfq_id_supplier_id_unique" unique ("rfq_id", "supplier_id");`);

    this.addSql(`create table "suppliers"."rfq_line" ("id" uuid not null, "rfq_id" uuid not null, "line_no" int not null, "product_id" uuid not null, "sku" text not null, "quantity" numeric(14,3) not null, constraint "rfq_line_pkey" primary key ("id"));`);
    this.addSql(`alter table "suppliers"."rfq_line" add constraint "rfq_line_rfq_id_line_no_unique" unique ("rfq_id", "line_no");`);

    this.addSql(`create table "suppliers"."outbox_message" ("id" uuid not null, "topic" text not null, "key" text not null, "payload" jsonb not null, "status" text not null default 'PENDING', "attempts" int not null default 0, "next_attempt_at" timestamptz not null, "last_error" text null, "result" jsonb null, "created_at" timestamptz not null, "delivered_at" timestamptz null, "traceparent" text null, constraint "outbox_message_pkey" primary key ("id"));`);
    this.addSql(`alter table "suppliers"."outbox_message" add constraint "outbox_message_key_unique" unique ("key");`);
    this.addSql(`create index "outbox_message_status_next_attempt_at_index" on "suppliers"."outbox_message" ("status", "next_attempt_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "suppliers"."drop_ship_assignment" cascade;`);

    this.addSql(`drop table if exists "suppliers"."drop_ship_order" cascade;`);

    this.addSql(`drop table if exists "suppliers"."product_group" cascade;`);

    this.addSql(`drop table if exists "suppliers"."product_sku" cascade;`);

    this.addSql(`drop table if exists "suppliers"."purchase_order" cascade;`);

    this.addSql(`drop table if exists "suppliers"."purchase_order_event" cascade;`);

    this.addSql(`drop table if exists "suppliers"."purchase_order_line" cascade;`);

    this.addSql(`drop table if exists "suppliers"."rfq_answer" cascade;`);

    this.addSql(`drop table if exists "suppliers"."rfq" cascade;`);

    this.addSql(`drop table if exists "suppliers"."rfq_invitation" cascade;`);

    this.addSql(`drop table if exists "suppliers"."rfq_line" cascade;`);

    this.addSql(`drop table if exists "suppliers"."outbox_message" cascade;`);
  }

}
