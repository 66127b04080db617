import { Migration } from '@mikro-orm/migrations';

export class Migration20261203132643 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "orders"."basket_line" add column "configuration" jsonb null;`);

    this.addSql(`alter table "orders"."order_line" add column "configuration" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "orders"."basket_line" drop column "configuration";`);

    this.addSql(`alter table "orders"."order_line" drop column "configuration";`);
  }

}
