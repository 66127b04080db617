import { Migration } from '@mikro-orm/migrations';

export class Migration20261203135036 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "sync_run_status_started_at_index" on "integrator"."sync_run" ("status", "started_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "integrator"."sync_run_status_started_at_index";`);
  }

}
