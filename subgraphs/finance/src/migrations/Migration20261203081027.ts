import { Migration } from '@mikro-orm/migrations';

export class Migration20261203081027 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "finance"."registered_product" ("id" uuid not null, "company_id" uuid not null, "serial_number" text not null, "sku" text not null, "delivery_note_id" uuid not null, "delivery_note_number" text not null, "customer_number" text not null, "purchased_on" date not null, "warranty_months" int null, "registered_by_user_id" uuid not null, "created_at" timestamptz not null, constraint "registered_product_pkey" primary key ("id"));`);
    this.addSql(`create index "registered_product_company_id_created_at_index" on "finance"."registered_product" ("company_id", "created_at");`);
    this.addSql(`alter table "finance"."registered_product" add constraint "registered_product_sku_serial_number_unique" unique ("sku", "serial_number");`);

    this.addSql(`create table "finance"."service_request" ("id" uuid not null, "company_id" uuid not null, "registered_product_id" uuid not null, "description" text not null, "status" text check ("status" in ('OPENED', 'RECEIVED', 'IN_REPAIR', 'REPAIRED', 'SHIPPED_BACK', 'CLOSED', 'REJECTED', 'CANCELLED')) not null, "under_warranty" boolean not null, "opened_by_user_id" uuid not null, "opened_by_actor_id" uuid null, "status_reason" text null, "erp_service_order_number" text null, "received_at" timestamptz null, "shipped_back_at" timestamptz null, "repair_history" jsonb not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "service_request_pkey" primary key ("id"));`);
    this.addSql(`create index "service_request_registered_product_id_index" on "finance"."service_request" ("registered_product_id");`);
    this.addSql(`create index "service_request_company_id_created_at_index" on "finance"."service_request" ("company_id", "created_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "finance"."registered_product" cascade;`);

    this.addSql(`drop table if exists "finance"."service_request" cascade;`);
  }

}
