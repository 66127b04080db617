import { Migration } from '@mikro-orm/migrations';

export class Migration20261202145953 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "finance"."stored_document" ("kind" text not null, "number" text not null, "original" bytea not null, "stamped" bytea null, "digitally_signed" boolean not null, "sha256" text not null, "fetched_at" timestamptz not null, constraint "stored_document_pkey" primary key ("kind", "number"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "finance"."stored_document" cascade;`);
  }

}
