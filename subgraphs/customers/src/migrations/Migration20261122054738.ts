import { Migration } from '@mikro-orm/migrations';

export class Migration20261122054738 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "customers";`);
    this.addSql(`create table "customers"."company" ("id" uuid not null, "erp_number" text not null, "name" text not null, "currency" char(3) not null, "country" char(2) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "company_pkey" primary key ("id"));`);
    this.addSql(`alter table "customers"."company" add constraint "company_erp_number_unique" unique ("erp_number");`);

    this.addSql(`create table "customers"."user_account" ("id" uuid not null, "email" text not null, "password_hash" text not null, "name" text not null, "kind" text check ("kind" in ('CUSTOMER', 'STAFF', 'SUPPLIER')) not null, "company_id" uuid null, "supplier_id" uuid null, "permissions" text[] not null, "active" boolean not null default true, "created_at" timestamptz not null, constraint "user_account_pkey" primary key ("id"));`);
    this.addSql(`alter table "customers"."user_account" add constraint "user_account_email_unique" unique ("email");`);
    this.addSql(`create index "user_account_company_id_index" on "customers"."user_account" ("company_id");`);

    this.addSql(`alter table "customers"."user_account" add constraint "user_account_company_id_foreign" foreign key ("company_id") references "customers"."company" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "customers"."user_account" drop constraint "user_account_company_id_foreign";`);

    this.addSql(`drop table if exists "customers"."company" cascade;`);

    this.addSql(`drop table if exists "customers"."user_account" cascade;`);

    this.addSql(`drop schema if exists "customers";`);
  }

}
