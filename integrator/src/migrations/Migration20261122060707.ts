import { Migration } from '@mikro-orm/migrations';

export class Migration20261122060707 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "integrator";`);
    this.addSql(`create table "integrator"."sync_operation" ("name" text not null, "interval_seconds" int not null, "paused" boolean not null default false, "next_run_at" timestamptz null, "run_once_at" timestamptz null, "run_requested" boolean not null default false, "cursor" text null, "cursor_updated_at" timestamptz null, "last_run_id" uuid null, "last_run_at" timestamptz null, "last_success_at" timestamptz null, constraint "sync_operation_pkey" primary key ("name"));`);

    this.addSql(`create table "integrator"."sync_run" ("id" uuid not null, "operation" text not null, "trigger" text not null, "status" text not null, "started_at" timestamptz not null, "finished_at" timestamptz null, "pages" int not null, "rows_read" int not null, "rows_inserted" int not null, "rows_updated" int not null, "rows_deleted" int not null, "error" text null, constraint "sync_run_pkey" primary key ("id"));`);
    this.addSql(`create index "sync_run_status_index" on "integrator"."sync_run" ("status");`);
    this.addSql(`create index "sync_run_operation_started_at_index" on "integrator"."sync_run" ("operation", "started_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "integrator"."sync_operation" cascade;`);

    this.addSql(`drop table if exists "integrator"."sync_run" cascade;`);

    this.addSql(`drop schema if exists "integrator";`);
  }

}
