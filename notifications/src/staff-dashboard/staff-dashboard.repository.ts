import { EntityManager } from '@mikro-orm/postgresql';

/** The notifications figures of the staff dashboard: each one aggregate over an index. */
export class NotificationsDashboardRepository {
  constructor(private readonly em: EntityManager) {}

  async tasks(from: Date, to: Date): Promise<{ open: number; inProgress: number; openedOnDay: number; unassignedMailOnDay: number }> {
    const [row]: Array<{ open: number; in_progress: number; opened: number; unassigned: number }> = await this.em.execute(
      `select (select count(*) from notifications.task where status = 'OPEN')::int as open,
              (select count(*) from notifications.task where status = 'IN_PROGRESS')::int as in_progress,
              (select count(*) from notifications.task where created_at >= ? and created_at < ?)::int as opened,
              (select count(*) from notifications.mailbox_message where task_id is null and received_at >= ? and received_at < ?)::int as unassigned`,
      [from, to, from, to],
    );
    return { open: row.open, inProgress: row.in_progress, openedOnDay: row.opened, unassignedMailOnDay: row.unassigned };
  }

  /** Messages to users queued on the day that did not reach them (bounced or failed for good). */
  async undelivered(from: Date, to: Date): Promise<number> {
    const [row]: Array<{ n: number }> = await this.em.execute(
      `select count(*)::int as n from notifications.message where created_at >= ? and created_at < ? and status in ('BOUNCED', 'FAILED')`,
      [from, to],
    );
    return row.n;
  }
}
