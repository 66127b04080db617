import { Migration } from '@mikro-orm/migrations';

export class Migration20261203081550 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "orders"."pickup_store" ("code" text not null, "name" text not null, "is_store" boolean not null, constraint "pickup_store_pkey" primary key ("code"));`);

    this.addSql(`alter table "orders"."customer_order" drop constraint if exists "customer_order_status_check";`);

    this.addSql(`alter table "orders"."order_status_event" drop constraint if exists "order_status_event_status_check";`);
    this.addSql(`alter table "orders"."order_status_event" drop constraint if exists "order_status_event_previous_status_check";`);
    this.addSql(`alter table "orders"."order_status_event" drop constraint if exists "order_status_event_source_check";`);

    this.addSql(`alter table "orders"."customer_order" add column "pickup_store_code" text null, add column "pickup_code" text null, add column "handed_over_at" timestamptz null, add column "handed_over_by_user_id" uuid null;`);
    this.addSql(`alter table "orders"."customer_order" add constraint "customer_order_status_check" check("status" in ('AWAITING_APPROVAL', 'ON_HOLD', 'REJECTED', 'PENDING', 'ERP_REFUSED', 'CONFIRMED', 'PICKED', 'SHIPPED', 'DELIVERED', 'READY_FOR_PICKUP', 'COLLECTED', 'INVOICED', 'CANCELLED'));`);

    this.addSql(`alter table "orders"."order_status_event" add constraint "order_status_event_status_check" check("status" in ('AWAITING_APPROVAL', 'ON_HOLD', 'REJECTED', 'PENDING', 'ERP_REFUSED', 'CONFIRMED', 'PICKED', 'SHIPPED', 'DELIVERED', 'READY_FOR_PICKUP', 'COLLECTED', 'INVOICED', 'CANCELLED'));`);
    this.addSql(`alter table "orders"."order_status_event" add constraint "order_status_event_previous_status_check" check("previous_status" in ('AWAITING_APPROVAL', 'ON_HOLD', 'REJECTED', 'PENDING', 'ERP_REFUSED', 'CONFIRMED', 'PICKED', 'SHIPPED', 'DELIVERED', 'READY_FOR_PICKUP', 'COLLECTED', 'INVOICED', 'CANCELLED'));`);
    this.addSql(`alter table "orders"."order_status_event" add constraint "order_status_event_source_check" check("source" in ('WEB', 'APPROVAL', 'HOLD_RULES', 'STAFF_REVIEW', 'ERP_RECEIPT', 'ERP_REFUSAL', 'ERP_SYNC', 'ERP_CORRECTION', 'STORE_HANDOVER'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "orders"."pickup_store" cascade;`);

    this.addSql(`alter table "orders"."customer_order" drop constraint if exists "customer_order_status_check";`);

    this.addSql(`alter table "orders"."order_status_event" drop constraint if exists "order_status_event_status_check";`);
    this.addSql(`alter table "orders"."order_status_event" drop constraint if exists "order_status_event_previous_status_check";`);
    this.addSql(`alter table "orders"."order_status_event" drop constraint if exists "order_status_event_source_check";`);

    this.addSql(`alter table "orders"."customer_order" drop column "pickup_store_code", drop column "pickup_code", drop column "handed_over_at", drop column "handed_over_by_user_id";`);

    this.addSql(`alter table "orders"."customer_order" add constraint "customer_order_status_check" check("status" in ('AWAITING_APPROVAL', 'ON_HOLD', 'REJECTED', 'PENDING', 'ERP_REFUSED', 'CONFIRMED', 'PICKED', 'SHIPPED', 'DELIVERED', 'INVOICED', 'CANCELLED'));`);

    this.addSql(`alter table "orders"."order_status_event" add constraint "order_status_event_status_check" check("status" in ('AWAITING_APPROVAL', 'ON_HOLD', 'REJECTED', 'PENDING', 'ERP_REFUSED', 'CONFIRMED', 'PICKED', 'SHIPPED', 'DELIVERED', 'INVOICED', 'CANCELLED'));`);
    this.addSql(`alter table "orders"."order_status_event" add constraint "order_status_event_previous_status_check" check("previous_status" in ('AWAITING_APPROVAL', 'ON_HOLD', 'REJECTED', 'PENDING', 'ERP_REFUSED', 'CONFIRMED', 'PICKED', 'SHIPPED', 'DELIVERED', 'INVOICED', 'CANCELLED'));`);
    this.addSql(`alter table "orders"."order_status_event" add constraint "order_status_event_source_check" check("source" in ('WEB', 'APPROVAL', 'HOLD_RULES', 'STAFF_REVIEW', 'ERP_RECEIPT', 'ERP_REFUSAL', 'ERP_SYNC', 'ERP_CORRECTION'));`);
  }

}
