import { Migration } from '@mikro-orm/migrations';

/** The outbox base entity's traceparent column (the writing request's trace, linked from the delivery span). */
export class Migration20261201230000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "memos"."outbox_message" add column "traceparent" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "memos"."outbox_message" drop column "traceparent";`);
  }
}
