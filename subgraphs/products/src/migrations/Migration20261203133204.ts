import { Migration } from '@mikro-orm/migrations';

export class Migration20261203133204 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "products"."catalogue_change" ("version" bigserial primary key, "scope" text not null, "product_ids" text[] not null default '{}', "written_by" xid8 not null default pg_current_xact_id(), "changed_at" timestamptz not null default now());`);
    this.addSql(`create index "catalogue_change_written_by_index" on "products"."catalogue_change" ("written_by");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "products"."catalogue_change" cascade;`);
  }

}
