import { Migration } from '@mikro-orm/migrations';

export class Migration20261203080004 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "notifications"."hub_text" ("kind" text not null, "key" text not null, "language" text not null, "text" text not null, "updated_by" uuid not null, "updated_at" timestamptz not null default now(), constraint "hub_text_pkey" primary key ("kind", "key", "language"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notifications"."hub_text" cascade;`);
  }

}
