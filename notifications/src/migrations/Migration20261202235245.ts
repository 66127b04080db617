import { Migration } from '@mikro-orm/migrations';

export class Migration20261202235245 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "notifications"."newsletter" ("id" uuid not null, "title" text not null, "intro" text not null, "product_ids" text[] not null, "discount_codes" text[] not null, "status" text check ("status" in ('DRAFT', 'SENT')) not null default 'DRAFT', "recipients" int not null default 0, "created_by" uuid not null, "created_at" timestamptz not null default now(), "sent_at" timestamptz null, constraint "newsletter_pkey" primary key ("id"));`);

    this.addSql(`alter table "notifications"."message" add column "unsubscribed_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notifications"."newsletter" cascade;`);

    this.addSql(`alter table "notifications"."message" drop column "unsubscribed_at";`);
  }

}
