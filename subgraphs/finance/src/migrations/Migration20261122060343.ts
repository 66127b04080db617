import { Migration } from '@mikro-orm/migrations';

export class Migration20261122060343 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "finance"."delivery_note" ("id" uuid not null, "number" text not null, "company_id" uuid not null, "order_id" uuid null, "order_number" text not null, "shipped_at" timestamptz not null, "delivered_at" timestamptz null, "carrier" text not null, "tracking_number" text not null, "lines" jsonb not null, constraint "delivery_note_pkey" primary key ("id"));`);
    this.addSql(`alter table "finance"."delivery_note" add constraint "delivery_note_number_unique" unique ("number");`);
    this.addSql(`create index "delivery_note_company_id_index" on "finance"."delivery_note" ("company_id");`);
    this.addSql(`create index "delivery_note_order_id_index" on "finance"."delivery_note" ("order_id");`);

    this.addSql(`create table "finance"."open_item" ("document_number" text not null, "company_id" uuid not null, "document_type" text not null, "due_date" date not null, "amount" numeric(14,2) not null, "open_amount" numeric(14,2) not null, "currency" char(3) not null, constraint "open_item_pkey" primary key ("document_number"));`);
    this.addSql(`create index "open_item_company_id_index" on "finance"."open_item" ("company_id");`);

    this.addSql(`alter table "finance"."invoice" add column "order_number" text null, add column "net_total" numeric(14,2) null, add column "tax_total" numeric(14,2) null, add column "open_amount" numeric(14,2) null, add column "digitally_signed" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "finance"."delivery_note" cascade;`);

    this.addSql(`drop table if exists "finance"."open_item" cascade;`);

    this.addSql(`alter table "finance"."invoice" drop column "order_number", drop column "net_total", drop column "tax_total", drop column "open_amount", drop column "digitally_signed";`);
  }

}
