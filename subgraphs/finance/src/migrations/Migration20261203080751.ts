import { Migration } from '@mikro-orm/migrations';

export class Migration20261203080751 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "finance"."shipment" ("id" uuid not null, "delivery_note_id" uuid not null, "delivery_note_number" text not null, "company_id" uuid not null, "order_id" uuid null, "status" text not null, "carrier" text null, "parcel_number" text null, "tracking_url" text null, "consignee" jsonb not null, "weight_grams" int not null, "currency" char(3) null, "cod_amount" numeric(14,2) null, "cod_collected_amount" numeric(14,2) null, "cod_collected_at" timestamptz null, "packaging_fee" numeric(14,2) null, "delivered_at" timestamptz null, "signed_by" text null, "problem" text null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "shipment_pkey" primary key ("id"));`);
    this.addSql(`alter table "finance"."shipment" add constraint "shipment_delivery_note_id_unique" unique ("delivery_note_id");`);
    this.addSql(`create index "shipment_company_id_index" on "finance"."shipment" ("company_id");`);
    this.addSql(`create index "shipment_order_id_index" on "finance"."shipment" ("order_id");`);
    this.addSql(`create index "shipment_status_index" on "finance"."shipment" ("status");`);
    this.addSql(`alter table "finance"."shipment" add constraint "shipment_parcel_number_unique" unique ("parcel_number");`);

    this.addSql(`create table "finance"."shipment_tracking_event" ("id" uuid not null, "shipment_id" uuid not null, "carrier_sequence" bigint not null, "status" text not null, "occurred_at" timestamptz not null, "location" text not null, "description" text not null, constraint "shipment_tracking_event_pkey" primary key ("id"));`);
    this.addSql(`alter table "finance"."shipment_tracking_event" add constraint "shipment_tracking_event_carrier_sequence_unique" unique ("carrier_sequence");`);
    this.addSql(`create index "shipment_tracking_event_shipment_id_occurred_at_index" on "finance"."shipment_tracking_event" ("shipment_id", "occurred_at");`);

    this.addSql(`alter table "finance"."delivery_note" add column "ship_to" jsonb null, add column "weight_grams" int null, add column "cod_amount" numeric(14,2) null, add column "packaging_fee" numeric(14,2) null, add column "currency" char(3) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "finance"."shipment" cascade;`);

    this.addSql(`drop table if exists "finance"."shipment_tracking_event" cascade;`);

    this.addSql(`alter table "finance"."delivery_note" drop column "ship_to", drop column "weight_grams", drop column "cod_amount", drop column "packaging_fee", drop column "currency";`);
  }

}
