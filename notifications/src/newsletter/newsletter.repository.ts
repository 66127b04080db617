import { Pool } from 'pg';

export interface NewsletterCounts {
  queued: number;
  sent: number;
  bounced: number;
  failed: number;
  unsubscribed: number;
}

/** A newsletter's counts, read from the message log (one row per recipient). */
export class NewsletterRepository {
  constructor(private readonly db: Pool) {}

  async counts(refs: readonly string[]): Promise<Map<string, NewsletterCounts>> {
    const { rows } = await this.db.query(
      `select ref,
              count(*) filter (where status in ('QUEUED', 'SENDING'))::int as queued,
              count(*) filter (where status = 'ACCEPTED')::int as sent,
              count(*) filter (where status = 'BOUNCED')::int as bounced,
              count(*) filter (where status = 'FAILED')::int as failed,
              count(*) filter (where unsubscribed_at is not null)::int as unsubscribed
         from notifications.message where ref = any($1::text[]) group by ref`,
      [refs],
    );
    const byRef = new Map(rows.map((r) => [r.ref as string, r]));
    return new Map(refs.map((ref) => {
      const r = byRef.get(ref);
      return [ref.slice('newsletter:'.length), { queued: r?.queued ?? 0, sent: r?.sent ?? 0, bounced: r?.bounced ?? 0, failed: r?.failed ?? 0, unsubscribed: r?.unsubscribed ?? 0 }];
    }));
  }
}
