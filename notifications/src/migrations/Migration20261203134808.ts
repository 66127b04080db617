import { Migration } from '@mikro-orm/migrations';

export class Migration20261203134808 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "notifications"."message_attachment" ("message_id" uuid not null, "position" int not null, "file_name" text not null, "content_type" text not null, "content" bytea not null, constraint "message_attachment_pkey" primary key ("message_id", "position"));`);

    this.addSql(`alter table "notifications"."message_attachment" add constraint "message_attachment_message_id_foreign" foreign key ("message_id") references "notifications"."message" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notifications"."message_attachment" cascade;`);
  }

}
