import { Migration } from '@mikro-orm/migrations';

export class Migration20261202223552 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "finance"."outbox_message" ("id" uuid not null, "topic" text not null, "key" text not null, "payload" jsonb not null, "status" text not null default 'PENDING', "attempts" int not null default 0, "next_attempt_at" timestamptz not null, "last_error" text null, "result" jsonb null, "created_at" timestamptz not null, "delivered_at" timestamptz null, "traceparent" text null, constraint "outbox_message_pkey" primary key ("id"));`);
    this.addSql(`alter table "finance"."outbox_message" add constraint "outbox_message_key_unique" unique ("key");`);
    this.addSql(`create index "outbox_message_status_next_attempt_at_index" on "finance"."outbox_message" ("status", "next_attempt_at");`);

    this.addSql(`create table "finance"."return_request" ("id" uuid not null, "number" text not null, "company_id" uuid not null, "delivery_note_id" uuid not null, "delivery_note_number" text not null, "customer_number" text not null, "filed_by_user_id" uuid not null, "filed_by_actor_id" uuid null, "reason_code" text not null, "reason_label" text not null, "reason_language" text not null, "comment" text null, "status" text check ("status" in ('FILED', 'ACCEPTED', 'REJECTED', 'LABEL_ISSUED', 'IN_TRANSIT', 'RECEIVED', 'ASSESSED', 'CREDITED', 'EXCHANGED', 'CLOSED')) not null, "status_reason" text null, "waybill_number" text null, "waybill_carrier" text null, "assessment" text null, "disposition" text check ("disposition" in ('CREDIT', 'EXCHANGE')) null, "erp_return_number" text null, "credit_note_number" text null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "return_request_pkey" primary key ("id"));`);
    this.addSql(`alter table "finance"."return_request" add constraint "return_request_number_unique" unique ("number");`);
    this.addSql(`create index "return_request_delivery_note_id_index" on "finance"."return_request" ("delivery_note_id");`);
    this.addSql(`create index "return_request_company_id_created_at_index" on "finance"."return_request" ("company_id", "created_at");`);

    this.addSql(`create table "finance"."return_file" ("id" uuid not null, "return_id" uuid not null, "kind" text check ("kind" in ('PHOTO', 'WAYBILL', 'LABEL')) not null, "file_name" text not null, "content_type" text not null, "byte_size" int not null, "content" bytea not null, "uploaded_by_user_id" uuid null, "created_at" timestamptz not null, constraint "return_file_pkey" primary key ("id"));`);
    this.addSql(`create index "return_file_return_id_index" on "finance"."return_file" ("return_id");`);

    this.addSql(`create table "finance"."return_line" ("id" uuid not null, "return_id" uuid not null, "delivery_line_no" int not null, "sku" text not null, "quantity" numeric(14,3) not null, "serial_numbers" jsonb null, "condition" text check ("condition" in ('UNOPENED', 'OPENED', 'USED', 'DAMAGED', 'DEFECTIVE')) not null, constraint "return_line_pkey" primary key ("id"));`);
    this.addSql(`create index "return_line_return_id_index" on "finance"."return_line" ("return_id");`);

    this.addSql(`create table "finance"."return_policy" ("id" int not null, "period_months" int not null, "updated_at" timestamptz not null, constraint "return_policy_pkey" primary key ("id"));`);

    this.addSql(`create table "finance"."return_reason" ("code" text not null, "language" text not null, "label" text not null, "active" boolean not null default true, constraint "return_reason_pkey" primary key ("code", "language"));`);

    this.addSql(`create table "finance"."return_status_event" ("id" uuid not null, "return_id" uuid not null, "at" timestamptz not null, "from_status" text check ("from_status" in ('FILED', 'ACCEPTED', 'REJECTED', 'LABEL_ISSUED', 'IN_TRANSIT', 'RECEIVED', 'ASSESSED', 'CREDITED', 'EXCHANGED', 'CLOSED')) null, "to_status" text check ("to_status" in ('FILED', 'ACCEPTED', 'REJECTED', 'LABEL_ISSUED', 'IN_TRANSIT', 'RECEIVED', 'ASSESSED', 'CREDITED', 'EXCHANGED', 'CLOSED')) not null, "actor_user_id" uuid null, "note" text null, constraint "return_status_event_pkey" primary key ("id"));`);
    this.addSql(`create index "return_status_event_return_id_at_index" on "finance"."return_status_event" ("return_id", "at");`);

    this.addSql(`alter table "finance"."delivery_note" add column "customer_number" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "finance"."outbox_message" cascade;`);

    this.addSql(`drop table if exists "finance"."return_request" cascade;`);

    this.addSql(`drop table if exists "finance"."return_file" cascade;`);

    this.addSql(`drop table if exists "finance"."return_line" cascade;`);

    this.addSql(`drop table if exists "finance"."return_policy" cascade;`);

    this.addSql(`drop table if exists "finance"."return_reason" cascade;`);

    this.addSql(`drop table if exists "finance"."return_status_event" cascade;`);

    this.addSql(`alter table "finance"."delivery_note" drop column "customer_number";`);
  }

}
