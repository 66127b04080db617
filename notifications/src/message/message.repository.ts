import { Pool, PoolClient } from 'pg';
import type { NotificationAttachment } from '@hub/subgraph-kit';
import { MessageChannel, MessageStatus } from './message-status';

/** A message about to be queued (or logged as opted out). */
export interface NewMessage {
  idempotencyKey: string;
  ref: string;
  topic: string | null;
  template: string;
  /** A customer's own text of the template (group:<code>, company:<id>). */
  templateVariant?: string | null;
  channel: MessageChannel;
  recipientUserId: string | null;
  companyId: string | null;
  recipientAddress: string;
  language: string;
  values: Record<string, string>;
  status: MessageStatus.QUEUED | MessageStatus.OPTED_OUT;
  /** Why it was not sent (OPTED_OUT). */
  reason?: string | null;
  /** Files its e-mail carries. */
  attachments?: readonly NotificationAttachment[];
}

export interface ClaimedMessage {
  id: string;
  template: string;
  templateVariant: string | null;
  channel: MessageChannel;
  recipientAddress: string;
  language: string;
  values: Record<string, string>;
  attempts: number;
  ref: string;
  recipientUserId: string | null;
}

/** The message table's SQL: queueing without duplicates, claiming with SKIP LOCKED, the outcome of each attempt. */
export class MessageRepository {
  constructor(private readonly db: Pool | PoolClient) {}

  /**
   * Inserts the messages whose idempotency key is new, with their files; returns how many were new.
   * One statement however many: a message and its files become visible together, so a sender
   * claiming due messages meanwhile never sends one before its files are there.
   */
  async enqueue(messages: readonly NewMessage[]): Promise<number> {
    if (messages.length === 0) return 0;
    const column = <K extends keyof NewMessage>(key: K) => messages.map((m) => m[key] ?? null);
    // The files by the key of their message (a repeat of a notice adds none: its message is not new).
    const files = messages.flatMap((m) => (m.attachments ?? []).map((a, position) => ({ key: m.idempotencyKey, position, ...a })));
    const result = await this.db.query(
      `with queued as (
         insert into notifications.message
           (id, idempotency_key, ref, topic, template, channel, recipient_user_id, company_id, recipient_address, language, "values", status, last_response, template_variant, attempts, next_attempt_at, created_at)
         select gen_random_uuid(), k, r, t, tp, ch, u, c, a, l, v, s, why, tv, 0, now(), now()
           from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::uuid[], $8::text[], $9::text[], $10::jsonb[], $11::text[], $12::text[], $13::text[])
             as x(k, r, t, tp, ch, u, c, a, l, v, s, why, tv)
         on conflict (idempotency_key) do nothing
         returning id, idempotency_key
       ), attached as (
         insert into notifications.message_attachment (message_id, position, file_name, content_type, content)
         select q.id, f.position, f.file_name, f.content_type, f.content
           from queued q join unnest($14::text[], $15::int[], $16::text[], $17::text[], $18::bytea[]) as f(k, position, file_name, content_type, content) on f.k = q.idempotency_key
       )
       select count(*)::int as queued from queued`,
      [
        column('idempotencyKey'), column('ref'), column('topic'), column('template'), column('channel'), column('recipientUserId'), column('companyId'),
        column('recipientAddress'), column('language'), messages.map((m) => JSON.stringify(m.values)), column('status'), column('reason'), column('templateVariant'),
        files.map((f) => f.key), files.map((f) => f.position), files.map((f) => f.fileName), files.map((f) => f.contentType), files.map((f) => f.content),
      ],
    );
    return result.rows[0].queued as number;
  }

  /** The files of these messages, in order, by message id (only those that have any). */
  async attachmentsOf(messageIds: readonly string[]): Promise<Map<string, NotificationAttachment[]>> {
    const byMessage = new Map<string, NotificationAttachment[]>();
    if (messageIds.length === 0) return byMessage;
    const { rows } = await this.db.query(
      `select message_id, file_name, content_type, content from notifications.message_attachment where message_id = any($1::uuid[]) order by message_id, position`,
      [messageIds],
    );
    for (const r of rows) {
      const list = byMessage.get(r.message_id) ?? [];
      list.push({ fileName: r.file_name, contentType: r.content_type, content: r.content });
      byMessage.set(r.message_id, list);
    }
    return byMessage;
  }

  /** Messages left SENDING by a sender that died (claimed longer ago than `olderThanMs`) go back to the queue. */
  async releaseStaleClaims(olderThanMs: number): Promise<number> {
    const result = await this.db.query(
      `update notifications.message set status = 'QUEUED', claimed_at = null where status = 'SENDING' and claimed_at < now() - make_interval(secs => $1::double precision / 1000)`,
      [olderThanMs],
    );
    return result.rowCount ?? 0;
  }

  /** Takes up to `limit` due messages for this sender (other senders skip them) and counts the attempt. Messages answering an event go before bulk sends (no topic), so a newsletter never delays an order mail for long. */
  async claimDue(limit: number): Promise<ClaimedMessage[]> {
    const { rows } = await this.db.query(
      `update notifications.message m set status = 'SENDING', claimed_at = now(), attempts = m.attempts + 1
        where m.id in (select id from notifications.message where status = 'QUEUED' and next_attempt_at <= now()
                        order by (topic is null), next_attempt_at limit $1 for update skip locked)
        returning m.id, m.template, m.template_variant, m.channel, m.recipient_address, m.language, m."values", m.attempts, m.ref, m.recipient_user_id`,
      [limit],
    );
    return rows.map((r) => ({
      id: r.id, template: r.template, templateVariant: r.template_variant, channel: r.channel, recipientAddress: r.recipient_address, language: r.language,
      values: r.values, attempts: r.attempts, ref: r.ref, recipientUserId: r.recipient_user_id,
    }));
  }

  async markAccepted(id: string, subject: string, response: string): Promise<void> {
    await this.db.query(`update notifications.message set status = 'ACCEPTED', subject = $2, last_response = $3, sent_at = now(), claimed_at = null where id = $1 and status = 'SENDING'`, [id, subject, response]);
  }

  /** Many ACCEPTED outcomes in one statement (the sender writes a batch's outcomes together). */
  async markAcceptedMany(outcomes: ReadonlyArray<{ id: string; subject: string; response: string }>): Promise<void> {
    if (outcomes.length === 0) return;
    await this.db.query(
      `update notifications.message m set status = 'ACCEPTED', subject = x.s, last_response = x.r, sent_at = now(), claimed_at = null
         from unnest($1::uuid[], $2::text[], $3::text[]) as x(id, s, r) where m.id = x.id and m.status = 'SENDING'`,
      [outcomes.map((o) => o.id), outcomes.map((o) => o.subject), outcomes.map((o) => o.response)],
    );
  }

  async markBounced(id: string, subject: string, response: string): Promise<void> {
    await this.db.query(`update notifications.message set status = 'BOUNCED', subject = $2, last_response = $3, claimed_at = null where id = $1 and status = 'SENDING'`, [id, subject, response]);
  }

  async markRetry(id: string, response: string, delayMs: number): Promise<void> {
    await this.db.query(
      `update notifications.message set status = 'QUEUED', last_response = $2, claimed_at = null, next_attempt_at = now() + make_interval(secs => $3::double precision / 1000) where id = $1 and status = 'SENDING'`,
      [id, response, delayMs],
    );
  }

  async markFailed(id: string, response: string): Promise<void> {
    await this.db.query(`update notifications.message set status = 'FAILED', last_response = $2, claimed_at = null where id = $1 and status = 'SENDING'`, [id, response]);
  }
}
