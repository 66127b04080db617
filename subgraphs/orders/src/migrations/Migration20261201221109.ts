import { Migration } from '@mikro-orm/migrations';

export class Migration20261201221109 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "orders"."outbox_message" add column "traceparent" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "orders"."outbox_message" drop column "traceparent";`);
  }

}
