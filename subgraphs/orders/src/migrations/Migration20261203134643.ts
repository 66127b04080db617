import { Migration } from '@mikro-orm/migrations';

export class Migration20261203134643 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "orders"."guest_basket" ("id" uuid not null, "lines" jsonb not null, "order_id" uuid null, "checkout_attempts" int not null default 0, "claimed_by_user_id" uuid null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "guest_basket_pkey" primary key ("id"));`);
    this.addSql(`alter table "orders"."guest_basket" add constraint "guest_basket_order_id_unique" unique ("order_id");`);

    this.addSql(`alter table "orders"."customer_order" drop constraint if exists "customer_order_status_check";`);

    this.addSql(`alter table "orders"."order_status_event" drop constraint if exists "order_status_event_status_check";`);
    this.addSql(`alter table "orders"."order_status_event" drop constraint if exists "order_status_event_previous_status_check";`);

    this.addSql(`alter table "orders"."customer_order" add column "guest_contact" jsonb null, add column "payment_method" text null;`);
    this.addSql(`alter table "orders"."customer_order" add constraint "customer_order_status_check" check("status" in ('AWAITING_PAYMENT', 'AWAITING_APPROVAL', 'ON_HOLD', 'REJECTED', 'PENDING', 'ERP_REFUSED', 'CONFIRMED', 'PICKED', 'SHIPPED', 'DELIVERED', 'READY_FOR_PICKUP', 'COLLECTED', 'INVOICED', 'CANCELLED'));`);

    this.addSql(`alter table "orders"."order_status_event" add constraint "order_status_event_status_check" check("status" in ('AWAITING_PAYMENT', 'AWAITING_APPROVAL', 'ON_HOLD', 'REJECTED', 'PENDING', 'ERP_REFUSED', 'CONFIRMED', 'PICKED', 'SHIPPED', 'DELIVERED', 'READY_FOR_PICKUP', 'COLLECTED', 'INVOICED', 'CANCELLED'));`);
    this.addSql(`alter table "orders"."order_status_event" add constraint "order_status_event_previous_status_check" check("previous_status" in ('AWAITING_PAYMENT', 'AWAITING_APPROVAL', 'ON_HOLD', 'REJECTED', 'PENDING', 'ERP_REFUSED', 'CONFIRMED', 'PICKED', 'SHIPPED', 'DELIVERED', 'READY_FOR_PICKUP', 'COLLECTED', 'INVOICED', 'CANCELLED'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "orders"."guest_basket" cascade;`);

    this.addSql(`alter table "orders"."customer_order" drop constraint if exists "customer_order_status_check";`);

    this.addSql(`alter table "orders"."order_status_event" drop constraint if exists "order_status_event_status_check";`);
    this.addSql(`alter table "orders"."order_status_event" drop constraint if exists "order_status_event_previous_status_check";`);

    this.addSql(`alter table "orders"."customer_order" drop column "guest_contact", drop column "payment_method";`);

    this.addSql(`alter table "orders"."customer_order" add constraint "customer_order_status_check" check("status" in ('AWAITING_APPROVAL', 'ON_HOLD', 'REJECTED', 'PENDING', 'ERP_REFUSED', 'CONFIRMED', 'PICKED', 'SHIPPED', 'DELIVERED', 'READY_FOR_PICKUP', 'COLLECTED', 'INVOICED', 'CANCELLED'));`);

    this.addSql(`alter table "orders"."order_status_event" add constraint "order_status_event_status_check" check("status" in ('AWAITING_APPROVAL', 'ON_HOLD', 'REJECTED', 'PENDING', 'ERP_REFUSED', 'CONFIRMED', 'PICKED', 'SHIPPED', 'DELIVERED', 'READY_FOR_PICKUP', 'COLLECTED', 'INVOICED', 'CANCELLED'));`);
    this.addSql(`alter table "orders"."order_status_event" add constraint "order_status_event_previous_status_check" check("previous_status" in ('AWAITING_APPROVAL', 'ON_HOLD', 'REJECTED', 'PENDING', 'ERP_REFUSED', 'CONFIRMED', 'PICKED', 'SHIPPED', 'DELIVERED', 'READY_FOR_PICKUP', 'COLLECTED', 'INVOICED', 'CANCELLED'));`);
  }

}
