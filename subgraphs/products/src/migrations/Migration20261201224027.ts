import { Migration } from '@mikro-orm/migrations';

export class Migration20261201224027 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "products"."product" add column "min_order_quantity" numeric(14,3) not null default '1';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "products"."product" drop column "min_order_quantity";`);
  }

}
