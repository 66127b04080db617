import { Pool, PoolClient } from 'pg';
import { threadAncestors } from './mail-thread';

/** An e-mail as read from IMAP and parsed, ready to store. */
export interface IncomingMail {
  mailbox: string;
  uidValidity: string;
  uid: string;
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  fromAddress: string;
  fromName: string | null;
  toAddresses: string[];
  subject: string;
  threadSubject: string;
  text: string;
  sentAt: Date | null;
  attachments: Array<{ fileName: string; contentType: string; content: Buffer }>;
}

export interface StoredMail {
  id: string;
  /** The task its thread joined, null when none. */
  taskId: string | null;
  /** True when the task was DONE and this mail reopened it. */
  reopened: boolean;
}

/** The mailbox tables' SQL: storing read mail once, attaching it to its thread's task, the read cursor. */
export class MailboxRepository {
  constructor(private readonly db: Pool | PoolClient) {}

  async cursor(mailbox: string): Promise<{ uidValidity: string; lastUid: string } | null> {
    const { rows } = await this.db.query(`select uid_validity::text, last_uid::text from notifications.mailbox_cursor where mailbox = $1`, [mailbox]);
    return rows[0] ? { uidValidity: rows[0].uid_validity, lastUid: rows[0].last_uid } : null;
  }

  async moveCursor(mailbox: string, uidValidity: string, lastUid: string): Promise<void> {
    await this.db.query(
      `insert into notifications.mailbox_cursor (mailbox, uid_validity, last_uid, read_at) values ($1, $2, $3, now())
       on conflict (mailbox) do update set uid_validity = excluded.uid_validity, last_uid = excluded.last_uid, read_at = now()`,
      [mailbox, uidValidity, lastUid],
    );
  }

  /**
   * Stores the mail unless this (mailbox, UIDVALIDITY, UID) is stored already (then null), and
   * attaches it to the task of its thread; call inside a transaction.
   */
  async store(mail: IncomingMail): Promise<StoredMail | null> {
    const inserted = await this.db.query(
      `insert into notifications.mailbox_message
         (id, mailbox, uid_validity, uid, message_id, in_reply_to, "references", from_address, from_name, to_addresses, subject, thread_subject, text, sent_at, received_at)
       values (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, now())
       on conflict (mailbox, uid_validity, uid) do nothing
       returning id`,
      [mail.mailbox, mail.uidValidity, mail.uid, mail.messageId, mail.inReplyTo, mail.references, mail.fromAddress, mail.fromName, mail.toAddresses, mail.subject, mail.threadSubject, mail.text, mail.sentAt],
    );
    if (inserted.rowCount !== 1) return null;
    const id = inserted.rows[0].id as string;
    if (mail.attachments.length > 0) {
      await this.db.query(
        `insert into notifications.mailbox_attachment (id, message_id, file_name, content_type, size, content, created_at)
         select gen_random_uuid(), $1, f, t, octet_length(c), c, now() from unnest($2::text[], $3::text[], $4::bytea[]) as x(f, t, c)`,
        [id, mail.attachments.map((a) => a.fileName), mail.attachments.map((a) => a.contentType), mail.attachments.map((a) => a.content)],
      );
    }
    const taskId = await this.threadTask(mail);
    if (!taskId) return { id, taskId: null, reopened: false };
    const reopened = await this.attach(taskId, [id], mail.fromAddress);
    return { id, taskId, reopened };
  }

  /**
   * The task a new mail's thread belongs to: a stored mail it answers (In-Reply-To, References)
   * that is on a task; else an open task with the same subject whose correspondents include the sender.
   */
  private async threadTask(mail: IncomingMail): Promise<string | null> {
    const ancestors = threadAncestors(mail.inReplyTo, mail.references);
    if (ancestors.length > 0) {
      const { rows } = await this.db.query(
        `select m.task_id from notifications.mailbox_message m
          where m.message_id = any($1::text[]) and m.task_id is not null
          order by array_position($1::text[], m.message_id), m.received_at desc limit 1`,
        [ancestors],
      );
      if (rows[0]) return rows[0].task_id;
    }
    if (mail.threadSubject.length === 0) return null;
    const { rows } = await this.db.query(
      `select id from notifications.task
        where thread_subject = $1 and $2 = any(correspondents) and status in ('OPEN', 'IN_PROGRESS')
        order by created_at desc limit 1`,
      [mail.threadSubject, mail.fromAddress.toLowerCase()],
    );
    return rows[0]?.id ?? null;
  }

  /**
   * Puts mail on a task, adds the sender to its correspondents, and reopens it when it was DONE
   * (a cancelled task takes the mail but stays cancelled). True when it reopened.
   */
  async attach(taskId: string, messageIds: readonly string[], fromAddress: string | null): Promise<boolean> {
    await this.db.query(`update notifications.mailbox_message set task_id = $1 where id = any($2::uuid[])`, [taskId, messageIds]);
    const { rows } = await this.db.query(
      `update notifications.task t
          set correspondents = case when $2::text is null or $2 = any(t.correspondents) then t.correspondents else t.correspondents || $2::text end,
              status = case when t.status = 'DONE' then 'OPEN' else t.status end,
              closed_at = case when t.status = 'DONE' then null else t.closed_at end,
              updated_at = now()
         from notifications.task old_task where old_task.id = t.id and t.id = $1
       returning old_task.status as previous`,
      [taskId, fromAddress?.toLowerCase() ?? null],
    );
    const reopened = rows[0]?.previous === 'DONE';
    if (reopened) {
      await this.db.query(
        `insert into notifications.task_comment (id, task_id, author_user_id, text, created_at) values (gen_random_uuid(), $1, null, $2, now())`,
        [taskId, `Reopened: a new e-mail from ${fromAddress ?? 'the correspondent'} arrived on its thread.`],
      );
    }
    return reopened;
  }

  /**
   * The stored mail of a message's thread that is on no task yet: the mail it answers and the
   * mail that answers it (by Message-ID, In-Reply-To and References), for a task opened from it.
   */
  async unattachedThreadOf(messageId: string): Promise<Array<{ id: string; fromAddress: string }>> {
    const { rows } = await this.db.query(
      `with root as (
         select array_remove(array[message_id, in_reply_to] || "references", null) as ids from notifications.mailbox_message where id = $1
       )
       select m.id, m.from_address from notifications.mailbox_message m, root
        where m.task_id is null and m.id <> $1
          and (m.message_id = any(root.ids) or m.in_reply_to = any(root.ids) or m."references" && root.ids)
        order by m.received_at`,
      [messageId],
    );
    return rows.map((r) => ({ id: r.id, fromAddress: r.from_address }));
  }
}
