import { Migration } from '@mikro-orm/migrations';

export class Migration20261203081824 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "notifications"."customer_message_template" ("id" uuid not null, "key" text not null, "scope" text check ("scope" in ('GROUP', 'COMPANY')) not null, "scope_value" text not null, "language" text not null, "subject" text not null, "body" text not null, "action_label" text null, "action_url" text null, "changed_by" uuid not null, "updated_at" timestamptz not null default now(), constraint "customer_message_template_pkey" primary key ("id"));`);
    this.addSql(`alter table "notifications"."customer_message_template" add constraint "customer_message_template_key_scope_scope_value_language_unique" unique ("key", "scope", "scope_value", "language");`);

    this.addSql(`alter table "notifications"."message" add column "template_variant" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notifications"."customer_message_template" cascade;`);

    this.addSql(`alter table "notifications"."message" drop column "template_variant";`);
  }

}
