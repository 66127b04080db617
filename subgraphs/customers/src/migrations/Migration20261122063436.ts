import { Migration } from '@mikro-orm/migrations';

export class Migration20261122063436 extends Migration {

  override async up(): Promise<void> {
    // Added by hand to the generated migration: the registration duplicate check uses similarity()
    // from pg_trgm (a trusted extension, shipped with the machine's PostgreSQL and the embedded one).
    this.addSql(`create extension if not exists pg_trgm with schema public;`);
    this.addSql(`create table "customers"."audit_log" ("id" uuid not null, "at" timestamptz not null, "action" text not null, "actor_id" uuid null, "on_behalf_of_id" uuid null, "target_user_id" uuid null, "company_id" uuid null, "details" jsonb null, constraint "audit_log_pkey" primary key ("id"));`);
    this.addSql(`create index "audit_log_actor_id_index" on "customers"."audit_log" ("actor_id");`);
    this.addSql(`create index "audit_log_target_user_id_index" on "customers"."audit_log" ("target_user_id");`);
    this.addSql(`create index "audit_log_at_index" on "customers"."audit_log" ("at");`);

    this.addSql(`create table "customers"."company_branch" ("id" uuid not null, "company_id" uuid not null, "name" text not null, "address" jsonb not null, "delivery_address_code" text null, "created_at" timestamptz not null, constraint "company_branch_pkey" primary key ("id"));`);
    this.addSql(`create index "company_branch_company_id_index" on "customers"."company_branch" ("company_id");`);

    this.addSql(`create table "customers"."consent_event" ("id" uuid not null, "user_id" uuid not null, "channel" text check ("channel" in ('EMAIL', 'SMS', 'NEWSLETTER')) not null, "granted" boolean not null, "source" text check ("source" in ('USER', 'UNSUBSCRIBE_LINK')) not null, "at" timestamptz not null, constraint "consent_event_pkey" primary key ("id"));`);
    this.addSql(`create index "consent_event_user_id_channel_at_index" on "customers"."consent_event" ("user_id", "channel", "at");`);

    this.addSql(`create table "customers"."outbox_message" ("id" uuid not null, "topic" text not null, "key" text not null, "payload" jsonb not null, "status" text not null default 'PENDING', "attempts" int not null default 0, "next_attempt_at" timestamptz not null, "last_error" text null, "result" jsonb null, "created_at" timestamptz not null, "delivered_at" timestamptz null, constraint "outbox_message_pkey" primary key ("id"));`);
    this.addSql(`alter table "customers"."outbox_message" add constraint "outbox_message_key_unique" unique ("key");`);
    this.addSql(`create index "outbox_message_status_next_attempt_at_index" on "customers"."outbox_message" ("status", "next_attempt_at");`);

    this.addSql(`create table "customers"."login_throttle" ("key" text not null, "failures" int not null default 0, "window_started_at" timestamptz not null, "locked_until" timestamptz null, constraint "login_throttle_pkey" primary key ("key"));`);

    this.addSql(`create table "customers"."password_reset" ("id" uuid not null, "user_id" uuid not null, "token_hash" text not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "created_at" timestamptz not null, constraint "password_reset_pkey" primary key ("id"));`);
    this.addSql(`create index "password_reset_user_id_index" on "customers"."password_reset" ("user_id");`);
    this.addSql(`alter table "customers"."password_reset" add constraint "password_reset_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "customers"."registration" ("id" uuid not null, "status" text check ("status" in ('PENDING', 'APPROVED', 'REJECTED')) not null default 'PENDING', "company_name" text not null, "vat_number" text null, "country" char(2) not null, "currency" char(3) not null, "contact_name" text not null, "email" text not null, "phone" text null, "invoice_address" jsonb not null, "password_hash" text not null, "normalized_name" text not null, "normalized_address" text not null, "created_at" timestamptz not null, "decided_at" timestamptz null, "decided_by_id" uuid null, "reject_reason" text null, "company_id" uuid null, "contact_id" uuid null, "user_id" uuid null, "erp_status" text check ("erp_status" in ('SUBMITTED', 'CREATED')) null, "erp_customer_number" text null, "erp_contact_number" text null, constraint "registration_pkey" primary key ("id"));`);
    this.addSql(`create index "registration_status_created_at_index" on "customers"."registration" ("status", "created_at");`);

    this.addSql(`alter table "customers"."company" add column "document_preference" text not null default 'INVOICE';`);

    this.addSql(`alter table "customers"."user_account" add column "contact_id" uuid null, add column "token_version" int not null default 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "customers"."audit_log" cascade;`);

    this.addSql(`drop table if exists "customers"."company_branch" cascade;`);

    this.addSql(`drop table if exists "customers"."consent_event" cascade;`);

    this.addSql(`drop table if exists "customers"."outbox_message" cascade;`);

    this.addSql(`drop table if exists "customers"."login_throttle" cascade;`);

    this.addSql(`drop table if exists "customers"."password_reset" cascade;`);

    this.addSql(`drop table if exists "customers"."registration" cascade;`);

    this.addSql(`alter table "customers"."company" drop column "document_preference";`);

    this.addSql(`alter table "customers"."user_account" drop column "contact_id", drop column "token_version";`);
  }

}
