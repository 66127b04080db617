import { Migration } from '@mikro-orm/migrations';

export class Migration20261203135819 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "customers"."marketing_material" ("id" uuid not null, "kind" text check ("kind" in ('BROCHURE', 'PRICE_SHEET', 'IMAGE', 'OTHER')) not null, "title" text not null, "description" text null, "file_name" text not null, "content_type" text not null, "size" int not null, "sha256" text not null, "content" bytea not null, "customer_groups" text[] not null, "valid_from" date not null, "valid_until" date null, "withdrawn_at" timestamptz null, "published_by" uuid not null, "created_at" timestamptz not null default now(), constraint "marketing_material_pkey" primary key ("id"));`);
    this.addSql(`create index "marketing_material_valid_from_valid_until_index" on "customers"."marketing_material" ("valid_from", "valid_until");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "customers"."marketing_material" cascade;`);
  }

}
