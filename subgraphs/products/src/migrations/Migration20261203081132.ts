import { Migration } from '@mikro-orm/migrations';

export class Migration20261203081132 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "products"."warehouse" ("code" text not null, "name" text not null, "is_store" boolean not null, "street" text null, "postal_code" text null, "city" text null, "country" char(2) null, "phone" text null, "opening_hours" jsonb not null, constraint "warehouse_pkey" primary key ("code"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "products"."warehouse" cascade;`);
  }

}
