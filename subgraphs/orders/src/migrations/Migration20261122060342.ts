import { Migration } from '@mikro-orm/migrations';

export class Migration20261122060342 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "orders"."outbox_message" ("id" uuid not null, "topic" text not null, "key" text not null, "payload" jsonb not null, "status" text not null default 'PENDING', "attempts" int not null default 0, "next_attempt_at" timestamptz not null, "last_error" text null, "result" jsonb null, "created_at" timestamptz not null, "delivered_at" timestamptz null, constraint "outbox_message_pkey" primary key ("id"));`);
    this.addSql(`alter table "orders"."outbox_message" add constraint "outbox_message_key_unique" unique ("key");`);
    this.addSql(`create index "outbox_message_status_next_attempt_at_index" on "orders"."outbox_message" ("status", "next_attempt_at");`);

    this.addSql(`alter table "orders"."customer_order" add column "erp_number" text null, add column "idempotency_key" text null;`);
    this.addSql(`alter table "orders"."customer_order" alter column "placed_by_user_id" drop default;`);
    this.addSql(`alter table "orders"."customer_order" alter column "placed_by_user_id" type uuid using ("placed_by_user_id"::text::uuid);`);
    this.addSql(`alter table "orders"."customer_order" alter column "placed_by_user_id" drop not null;`);
    this.addSql(`alter table "orders"."customer_order" add constraint "customer_order_erp_number_unique" unique ("erp_number");`);
    this.addSql(`alter table "orders"."customer_order" add constraint "customer_order_company_id_idempotency_key_unique" unique ("company_id", "idempotency_key");`);

    this.addSql(`alter table "orders"."order_line" add constraint "order_line_order_id_line_no_unique" unique ("order_id", "line_no");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "orders"."outbox_message" cascade;`);

    this.addSql(`alter table "orders"."customer_order" drop constraint "customer_order_erp_number_unique";`);
    this.addSql(`alter table "orders"."customer_order" drop constraint "customer_order_company_id_idempotency_key_unique";`);
    this.addSql(`alter table "orders"."customer_order" drop column "erp_number", drop column "idempotency_key";`);

    this.addSql(`alter table "orders"."customer_order" alter column "placed_by_user_id" drop default;`);
    this.addSql(`alter table "orders"."customer_order" alter column "placed_by_user_id" type uuid using ("placed_by_user_id"::text::uuid);`);
    this.addSql(`alter table "orders"."customer_order" alter column "placed_by_user_id" set not null;`);

    this.addSql(`alter table "orders"."order_line" drop constraint "order_line_order_id_line_no_unique";`);
  }

}
