import { Migration } from '@mikro-orm/migrations';

export class Migration20261203082858 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "finance"."debt_collection_case" ("id" uuid not null, "number" text not null, "company_id" uuid not null, "agency" text not null, "document_numbers" text[] not null, "handed_over_by" uuid not null, "handed_over_at" timestamptz not null default now(), constraint "debt_collection_case_pkey" primary key ("id"));`);
    this.addSql(`alter table "finance"."debt_collection_case" add constraint "debt_collection_case_number_unique" unique ("number");`);
    this.addSql(`create index "debt_collection_case_company_id_index" on "finance"."debt_collection_case" ("company_id");`);

    this.addSql(`create table "finance"."debt_collection_export" ("id" uuid not null, "case_id" uuid not null, "downloaded_by" uuid not null, "downloaded_at" timestamptz not null default now(), constraint "debt_collection_export_pkey" primary key ("id"));`);
    this.addSql(`create index "debt_collection_export_case_id_index" on "finance"."debt_collection_export" ("case_id");`);

    this.addSql(`create table "finance"."dunning_step" ("document_number" text not null, "level" int not null, "company_id" uuid not null, "last_level" boolean not null, "dunned_on" date not null, "days_overdue" int not null, constraint "dunning_step_pkey" primary key ("document_number", "level"));`);
    this.addSql(`create index "dunning_step_company_id_index" on "finance"."dunning_step" ("company_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "finance"."debt_collection_case" cascade;`);

    this.addSql(`drop table if exists "finance"."debt_collection_export" cascade;`);

    this.addSql(`drop table if exists "finance"."dunning_step" cascade;`);
  }

}
