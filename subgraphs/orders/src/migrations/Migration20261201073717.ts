import { Migration } from '@mikro-orm/migrations';

export class Migration20261201073717 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "orders"."customer_order" add column "placed_by_actor_id" uuid null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "orders"."customer_order" drop column "placed_by_actor_id";`);
  }

}
