import { Migration } from '@mikro-orm/migrations';

export class Migration20261203135527 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "finance"."delivery_note" add column "drop_shipped_by" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "finance"."delivery_note" drop column "drop_shipped_by";`);
  }

}
