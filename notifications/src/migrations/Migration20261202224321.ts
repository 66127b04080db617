import { Migration } from '@mikro-orm/migrations';

export class Migration20261202224321 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "notifications";`);
    this.addSql(`create table "notifications"."branding" ("id" text not null default 'deployment', "name" text not null default 'ERP hub', "logo_url" text null, "primary_color" text not null default '#1f4e79', "accent_color" text not null default '#f2a900', "sender_address" text not null default 'ERP hub <no-reply@hub.example>', "legal_footer" text not null default 'ERP hub · Example Street 1 · 000 00 Example City', "web_url" text not null default 'http://localhost:3000', "updated_at" timestamptz not null default now(), constraint "branding_pkey" primary key ("id"));`);

    this.addSql(`create table "notifications"."message" ("id" uuid not null, "idempotency_key" text not null, "ref" text not null, "topic" text null, "template" text not null, "channel" text check ("channel" in ('EMAIL', 'SMS')) not null, "recipient_user_id" uuid null, "company_id" uuid null, "recipient_address" text not null, "language" text not null, "values" jsonb not null, "status" text check ("status" in ('QUEUED', 'SENDING', 'ACCEPTED', 'BOUNCED', 'FAILED', 'OPTED_OUT')) not null, "attempts" int not null default 0, "next_attempt_at" timestamptz not null default now(), "claimed_at" timestamptz null, "last_response" text null, "subject" text null, "created_at" timestamptz not null default now(), "sent_at" timestamptz null, constraint "message_pkey" primary key ("id"));`);
    this.addSql(`create index "message_created_at_index" on "notifications"."message" ("created_at");`);
    this.addSql(`create index "message_recipient_user_id_created_at_index" on "notifications"."message" ("recipient_user_id", "created_at");`);
    this.addSql(`create index "message_status_next_attempt_at_index" on "notifications"."message" ("status", "next_attempt_at");`);
    this.addSql(`alter table "notifications"."message" add constraint "message_idempotency_key_unique" unique ("idempotency_key");`);

    this.addSql(`create table "notifications"."message_template" ("key" text not null, "language" text not null, "subject" text not null, "body" text not null, "action_label" text null, "action_url" text null, "changed_by" uuid not null, "updated_at" timestamptz not null default now(), constraint "message_template_pkey" primary key ("key", "language"));`);

    this.addSql(`create table "notifications"."notification_preference" ("user_id" uuid not null, "category" text not null, "email" boolean not null, "sms" boolean not null, "changed_by" uuid not null, "updated_at" timestamptz not null default now(), constraint "notification_preference_pkey" primary key ("user_id", "category"));`);

    this.addSql(`create table "notifications"."recipient_language" ("user_id" uuid not null, "language" text not null, "updated_at" timestamptz not null default now(), constraint "recipient_language_pkey" primary key ("user_id"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notifications"."branding" cascade;`);

    this.addSql(`drop table if exists "notifications"."message" cascade;`);

    this.addSql(`drop table if exists "notifications"."message_template" cascade;`);

    this.addSql(`drop table if exists "notifications"."notification_preference" cascade;`);

    this.addSql(`drop table if exists "notifications"."recipient_language" cascade;`);

    this.addSql(`drop schema if exists "notifications";`);
  }

}
