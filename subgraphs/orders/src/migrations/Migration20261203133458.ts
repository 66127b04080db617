import { Migration } from '@mikro-orm/migrations';

export class Migration20261203133458 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "orders"."blanket_order" ("id" uuid not null, "number" text not null, "company_id" uuid not null, "customer_number" text not null, "currency" char(3) not null, "valid_from" date not null, "valid_to" date not null, "status" text not null, "lines" jsonb not null, "counted_hub_order_ids" text[] not null, constraint "blanket_order_pkey" primary key ("id"));`);
    this.addSql(`alter table "orders"."blanket_order" add constraint "blanket_order_number_unique" unique ("number");`);
    this.addSql(`create index "blanket_order_company_id_index" on "orders"."blanket_order" ("company_id");`);

    this.addSql(`create index "customer_order_blanket_order_id_index" on "orders"."customer_order" ("blanket_order_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "orders"."blanket_order" cascade;`);

    this.addSql(`drop index "orders"."customer_order_blanket_order_id_index";`);
  }

}
