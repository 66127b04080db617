import { Migration } from '@mikro-orm/migrations';

export class Migration20261122054739 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "orders";`);
    this.addSql(`create table "orders"."customer_order" ("id" uuid not null, "number" text not null, "company_id" uuid not null, "placed_by_user_id" uuid not null, "status" text check ("status" in ('PENDING', 'CONFIRMED', 'PICKED', 'SHIPPED', 'DELIVERED', 'INVOICED', 'CANCELLED')) not null, "placed_at" timestamptz not null, "currency" char(3) not null, "total" numeric(14,2) not null, "updated_at" timestamptz not null, constraint "customer_order_pkey" primary key ("id"));`);
    this.addSql(`alter table "orders"."customer_order" add constraint "customer_order_number_unique" unique ("number");`);
    this.addSql(`create index "customer_order_company_id_placed_at_index" on "orders"."customer_order" ("company_id", "placed_at");`);

    this.addSql(`create table "orders"."order_line" ("id" uuid not null, "order_id" uuid not null, "line_no" int not null, "product_id" uuid not null, "sku" text not null, "quantity" numeric(14,3) not null, "unit_price" numeric(14,4) not null, "line_total" numeric(14,2) not null, constraint "order_line_pkey" primary key ("id"));`);
    this.addSql(`create index "order_line_order_id_index" on "orders"."order_line" ("order_id");`);

    this.addSql(`alter table "orders"."order_line" add constraint "order_line_order_id_foreign" foreign key ("order_id") references "orders"."customer_order" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "orders"."order_line" drop constraint "order_line_order_id_foreign";`);

    this.addSql(`drop table if exists "orders"."customer_order" cascade;`);

    this.addSql(`drop table if exists "orders"."order_line" cascade;`);

    this.addSql(`drop schema if exists "orders";`);
  }

}
