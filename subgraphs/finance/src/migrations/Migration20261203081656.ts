import { Migration } from '@mikro-orm/migrations';

export class Migration20261203081656 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "finance"."return_store" ("code" text not null, "name" text not null, "is_store" boolean not null, constraint "return_store_pkey" primary key ("code"));`);

    this.addSql(`alter table "finance"."return_request" add column "received_at_store_code" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "finance"."return_store" cascade;`);

    this.addSql(`alter table "finance"."return_request" drop column "received_at_store_code";`);
  }

}
