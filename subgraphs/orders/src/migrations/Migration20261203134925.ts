import { Migration } from '@mikro-orm/migrations';

export class Migration20261203134925 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "customer_order_placed_at_index" on "orders"."customer_order" ("placed_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "orders"."customer_order_placed_at_index";`);
  }

}
