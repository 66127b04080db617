import { Migration } from '@mikro-orm/migrations';

/** Written from the schema generator's output for the memo entities; tests/schema-and-migrations.test.ts checks it does not drift. */
export class Migration20261201090000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "memos";`);
    this.addSql(`create table "memos"."memo" ("id" uuid not null, "erp_key" text not null, "company_id" uuid not null, "text" text not null, "published_at" timestamptz not null, "acknowledged_at" timestamptz null, "erp_acknowledgement" text null, constraint "memo_pkey" primary key ("id"));`);
    this.addSql(`alter table "memos"."memo" add constraint "memo_erp_key_unique" unique ("erp_key");`);
    this.addSql(`create index "memo_company_id_index" on "memos"."memo" ("company_id");`);

    this.addSql(`create table "memos"."outbox_message" ("id" uuid not null, "topic" text not null, "key" text not null, "payload" jsonb not null, "status" text not null default 'PENDING', "attempts" int not null default 0, "next_attempt_at" timestamptz not null, "last_error" text null, "result" jsonb null, "created_at" timestamptz not null, "delivered_at" timestamptz null, constraint "outbox_message_pkey" primary key ("id"));`);
    this.addSql(`alter table "memos"."outbox_message" add constraint "outbox_message_key_unique" unique ("key");`);
    this.addSql(`create index "outbox_message_status_next_attempt_at_index" on "memos"."outbox_message" ("status", "next_attempt_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "memos"."memo" cascade;`);
    this.addSql(`drop table if exists "memos"."outbox_message" cascade;`);
    this.addSql(`drop schema if exists "memos";`);
  }
}
