import { Migration } from '@mikro-orm/migrations';

export class Migration20261202225643 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "notifications"."payment_reminder_schedule" ("id" text not null default 'deployment', "reminder_days_before" int not null default 3, "dunning_days" jsonb not null, "changed_by" uuid null, "updated_at" timestamptz not null default now(), constraint "payment_reminder_schedule_pkey" primary key ("id"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notifications"."payment_reminder_schedule" cascade;`);
  }

}
