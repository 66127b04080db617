import { Migration } from '@mikro-orm/migrations';

export class Migration20261203081949 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "products"."product" add column "warranty_months" int null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "products"."product" drop column "warranty_months";`);
  }

}
