import { Migration } from '@mikro-orm/migrations';

export class Migration20261202235054 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "products"."customer_price_profile" add column "country" char(2) null;`);

    this.addSql(`alter table "products"."product" add column "translations" jsonb not null default '{}';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "products"."customer_price_profile" drop column "country";`);

    this.addSql(`alter table "products"."product" drop column "translations";`);
  }

}
