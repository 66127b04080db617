import { Migration } from '@mikro-orm/migrations';

export class Migration20261203133800 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "finance"."card_payment" ("id" uuid not null, "purpose" text check ("purpose" in ('ORDER', 'INVOICE')) not null, "company_id" uuid null, "order_id" uuid null, "invoice_number" text null, "customer_number" text null, "payer_email" text null, "amount" numeric(14,2) not null, "currency" char(3) not null, "capture_method" text not null, "status" text check ("status" in ('CREATED', 'REQUIRES_ACTION', 'AUTHORIZED', 'CAPTURED', 'REFUNDED', 'DECLINED', 'CANCELLED')) not null, "provider_intent_id" text null, "card_last4" text null, "card_brand" text null, "redirect_url" text null, "failure_reason" text null, "captured_amount" numeric(14,2) null, "refunded_amount" numeric(14,2) not null, "capture_requested_at" timestamptz null, "capture_attempts" int not null default 0, "erp_payment_number" text null, "created_by_user_id" uuid null, "idempotency_key" text not null, "request_fingerprint" text not null, "authorized_at" timestamptz null, "captured_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "card_payment_pkey" primary key ("id"));`);
    this.addSql(`alter table "finance"."card_payment" add constraint "card_payment_provider_intent_id_unique" unique ("provider_intent_id");`);
    this.addSql(`alter table "finance"."card_payment" add constraint "card_payment_idempotency_key_unique" unique ("idempotency_key");`);
    this.addSql(`create index "card_payment_capture_due" on "finance"."card_payment" ("capture_requested_at") where "status" = 'AUTHORIZED' and "capture_requested_at" is not null;`);
    this.addSql(`create index "card_payment_invoice_number_index" on "finance"."card_payment" ("invoice_number");`);
    this.addSql(`create index "card_payment_order_id_index" on "finance"."card_payment" ("order_id");`);
    this.addSql(`create index "card_payment_company_id_created_at_index" on "finance"."card_payment" ("company_id", "created_at");`);

    this.addSql(`create table "finance"."payment_webhook_event" ("event_id" text not null, "type" text not null, "intent_id" text not null, "occurred_at" timestamptz not null, "received_at" timestamptz not null, "applied" boolean not null, constraint "payment_webhook_event_pkey" primary key ("event_id"));`);
    this.addSql(`create index "payment_webhook_event_intent_id_index" on "finance"."payment_webhook_event" ("intent_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "finance"."card_payment" cascade;`);

    this.addSql(`drop table if exists "finance"."payment_webhook_event" cascade;`);
  }

}
