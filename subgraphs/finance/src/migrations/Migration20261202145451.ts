import { Migration } from '@mikro-orm/migrations';

export class Migration20261202145451 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "finance"."credit_note" ("number" text not null, "company_id" uuid not null, "invoice_number" text null, "issued_at" timestamptz not null, "currency" char(3) not null, "net_total" numeric(14,2) not null, "tax_total" numeric(14,2) not null, "total" numeric(14,2) not null, constraint "credit_note_pkey" primary key ("number"));`);
    this.addSql(`create index "credit_note_company_id_issued_at_index" on "finance"."credit_note" ("company_id", "issued_at");`);

    this.addSql(`create table "finance"."payment" ("payment_number" text not null, "company_id" uuid not null, "invoice_number" text null, "paid_at" timestamptz not null, "currency" char(3) not null, "amount" numeric(14,2) not null, constraint "payment_pkey" primary key ("payment_number"));`);
    this.addSql(`create index "payment_company_id_paid_at_index" on "finance"."payment" ("company_id", "paid_at");`);

    this.addSql(`create index "invoice_company_id_issued_at_id_index" on "finance"."invoice" ("company_id", "issued_at", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "finance"."credit_note" cascade;`);

    this.addSql(`drop table if exists "finance"."payment" cascade;`);

    this.addSql(`drop index "finance"."invoice_company_id_issued_at_id_index";`);
  }

}
