import { Migration } from '@mikro-orm/migrations';

export class Migration20261203132655 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "notifications"."department" ("id" uuid not null, "code" text not null, "name" text not null, "active" boolean not null default true, "created_at" timestamptz not null default now(), constraint "department_pkey" primary key ("id"));`);
    this.addSql(`alter table "notifications"."department" add constraint "department_code_unique" unique ("code");`);

    this.addSql(`create table "notifications"."mailbox_attachment" ("id" uuid not null, "message_id" uuid not null, "file_name" text not null, "content_type" text not null, "size" int not null, "content" bytea not null, "created_at" timestamptz not null default now(), constraint "mailbox_attachment_pkey" primary key ("id"));`);
    this.addSql(`create index "mailbox_attachment_message_id_index" on "notifications"."mailbox_attachment" ("message_id");`);

    this.addSql(`create table "notifications"."mailbox_cursor" ("mailbox" text not null, "uid_validity" bigint not null, "last_uid" bigint not null, "read_at" timestamptz not null default now(), constraint "mailbox_cursor_pkey" primary key ("mailbox"));`);

    this.addSql(`create table "notifications"."mailbox_message" ("id" uuid not null, "mailbox" text not null, "uid_validity" bigint not null, "uid" bigint not null, "message_id" text null, "in_reply_to" text null, "references" text[] not null, "from_address" text not null, "from_name" text null, "to_addresses" text[] not null, "subject" text not null, "thread_subject" text not null, "text" text not null, "sent_at" timestamptz null, "received_at" timestamptz not null default now(), "task_id" uuid null, constraint "mailbox_message_pkey" primary key ("id"));`);
    this.addSql(`create index "mailbox_message_received_at_index" on "notifications"."mailbox_message" ("received_at");`);
    this.addSql(`create index "mailbox_message_task_id_received_at_index" on "notifications"."mailbox_message" ("task_id", "received_at");`);
    this.addSql(`create index "mailbox_message_message_id_index" on "notifications"."mailbox_message" ("message_id");`);
    this.addSql(`alter table "notifications"."mailbox_message" add constraint "mailbox_message_mailbox_uid_validity_uid_unique" unique ("mailbox", "uid_validity", "uid");`);

    this.addSql(`create table "notifications"."task_comment" ("id" uuid not null, "task_id" uuid not null, "author_user_id" uuid null, "text" text not null, "created_at" timestamptz not null default now(), constraint "task_comment_pkey" primary key ("id"));`);
    this.addSql(`create index "task_comment_task_id_created_at_index" on "notifications"."task_comment" ("task_id", "created_at");`);

    this.addSql(`create table "notifications"."task" ("id" uuid not null, "kind" text check ("kind" in ('PREPARE_OFFER', 'COMPLAINT_RETURN', 'CALL_BACK', 'OTHER')) not null, "title" text not null, "status" text check ("status" in ('OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED')) not null default 'OPEN', "department_id" uuid null, "assignee_user_id" uuid null, "thread_subject" text not null, "correspondents" text[] not null, "link_kind" text check ("link_kind" in ('OFFER', 'RETURN', 'ORDER')) null, "link_id" uuid null, "resolution" text null, "created_by" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "closed_at" timestamptz null, constraint "task_pkey" primary key ("id"));`);
    this.addSql(`create index "task_link_kind_link_id_index" on "notifications"."task" ("link_kind", "link_id");`);
    this.addSql(`create index "task_thread_subject_index" on "notifications"."task" ("thread_subject");`);
    this.addSql(`create index "task_department_id_status_index" on "notifications"."task" ("department_id", "status");`);
    this.addSql(`create index "task_assignee_user_id_status_index" on "notifications"."task" ("assignee_user_id", "status");`);
    this.addSql(`create index "task_status_created_at_index" on "notifications"."task" ("status", "created_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notifications"."department" cascade;`);

    this.addSql(`drop table if exists "notifications"."mailbox_attachment" cascade;`);

    this.addSql(`drop table if exists "notifications"."mailbox_cursor" cascade;`);

    this.addSql(`drop table if exists "notifications"."mailbox_message" cascade;`);

    this.addSql(`drop table if exists "notifications"."task_comment" cascade;`);

    this.addSql(`drop table if exists "notifications"."task" cascade;`);
  }

}
