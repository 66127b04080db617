import { Migration } from '@mikro-orm/migrations';

export class Migration20261203135013 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "return_request_status_index" on "finance"."return_request" ("status");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "finance"."return_request_status_index";`);
  }

}
