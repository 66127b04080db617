import { Migration } from '@mikro-orm/migrations';

export class Migration20261122060340 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "customers"."contact" ("id" uuid not null, "contact_number" text not null, "company_id" uuid not null, "name" text not null, "email" text not null, "phone" text null, constraint "contact_pkey" primary key ("id"));`);
    this.addSql(`alter table "customers"."contact" add constraint "contact_contact_number_unique" unique ("contact_number");`);
    this.addSql(`create index "contact_company_id_index" on "customers"."contact" ("company_id");`);

    this.addSql(`alter table "customers"."company" add column "customer_group" text null, add column "credit_limit" numeric(14,2) not null default '0', add column "balance" numeric(14,2) not null default '0', add column "blocked" boolean not null default false, add column "payment_terms_days" int not null default 30, add column "invoice_address" jsonb null, add column "delivery_addresses" jsonb not null default '[]', add column "active" boolean not null default true;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "customers"."contact" cascade;`);

    this.addSql(`alter table "customers"."company" drop column "customer_group", drop column "credit_limit", drop column "balance", drop column "blocked", drop column "payment_terms_days", drop column "invoice_address", drop column "delivery_addresses", drop column "active";`);
  }

}
