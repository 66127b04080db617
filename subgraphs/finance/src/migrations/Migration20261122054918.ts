import { Migration } from '@mikro-orm/migrations';

export class Migration20261122054918 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "finance";`);
    this.addSql(`create table "finance"."invoice" ("id" uuid not null, "number" text not null, "company_id" uuid not null, "order_id" uuid null, "issued_at" timestamptz not null, "due_at" timestamptz not null, "currency" char(3) not null, "total" numeric(14,2) not null, "status" text check ("status" in ('OPEN', 'PAID')) not null, constraint "invoice_pkey" primary key ("id"));`);
    this.addSql(`alter table "finance"."invoice" add constraint "invoice_number_unique" unique ("number");`);
    this.addSql(`create index "invoice_company_id_index" on "finance"."invoice" ("company_id");`);
    this.addSql(`create index "invoice_order_id_index" on "finance"."invoice" ("order_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "finance"."invoice" cascade;`);

    this.addSql(`drop schema if exists "finance";`);
  }

}
