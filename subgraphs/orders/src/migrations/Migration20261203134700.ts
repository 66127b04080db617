import { Migration } from '@mikro-orm/migrations';

export class Migration20261203134700 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "orders"."offer_mail_file" ("offer_id" uuid not null, "sent_at" timestamptz not null, "version" int not null, "file_name" text not null, "content_type" text not null, "content" bytea not null, constraint "offer_mail_file_pkey" primary key ("offer_id", "sent_at"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "orders"."offer_mail_file" cascade;`);
  }

}
