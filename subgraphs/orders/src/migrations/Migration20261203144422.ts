import { Migration } from '@mikro-orm/migrations';

export class Migration20261203144422 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "offer_decided_at_index" on "orders"."offer" ("decided_at");`);
    this.addSql(`create index "offer_sent_at_index" on "orders"."offer" ("sent_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "orders"."offer_decided_at_index";`);
    this.addSql(`drop index "orders"."offer_sent_at_index";`);
  }

}
