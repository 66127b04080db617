import { publishEvent } from '@hub/events';

/** The event behind `subscription { returnStatusChanged(returnId) }` and the e-mails Messages sends at each step; its key is the return id. */
export const RETURN_STATUS_CHANGED_TOPIC = 'returnStatusChanged';

/** What a notification about a return needs without reading the return again. */
export interface ReturnStatusChangedData {
  returnId: string;
  rmaNumber: string;
  companyId: string;
  /** Whom to tell besides the company's named recipients. */
  filedByUserId: string;
  status: string;
  statusReason: string | null;
  deliveryNoteNumber: string;
  waybillNumber: string | null;
  disposition: string | null;
  creditNoteNumber: string | null;
}

/** Runs SQL with `$n` placeholders on the caller's transaction: a pg client, or a MikroORM EntityManager wrapped by `onEntityManager`. */
export interface ReturnEventSql {
  query(sql: string, params: unknown[]): Promise<{ rows: any[] }>;
}

/** A MikroORM transactional EntityManager as ReturnEventSql (its `execute` takes `?` placeholders). */
export function onEntityManager(em: { execute(sql: string, params: unknown[]): Promise<unknown> }): ReturnEventSql {
  return {
    query: async (sql: string, params: unknown[]) => ({ rows: (await em.execute(sql.replace(/\$\d+/g, "?"), params)) as any[] }),
  };
}

/**
 * Announces the return's current state, in the transaction that changed it (PostgreSQL delivers
 * it on commit). The gateway re-reads `returnRequest(id)` for each subscriber; the data is for
 * listeners that are not subscribers (Messages' e-mails to the filer and the company's recipients).
 */
export async function publishReturnStatusChanged(sql: ReturnEventSql, returnId: string): Promise<void> {
  const { rows } = await sql.query(
    `select id as "returnId", number as "rmaNumber", company_id as "companyId", filed_by_user_id as "filedByUserId", status, status_reason as "statusReason",
            delivery_note_number as "deliveryNoteNumber", waybill_number as "waybillNumber", disposition, credit_note_number as "creditNoteNumber"
       from finance.return_request where id = $1`,
    [returnId],
  );
  const data = rows[0];
  if (!data) return;
  // Reasons are free text: keep the event well under NOTIFY's limit.
  const event = { ...data, statusReason: data.statusReason ? data.statusReason.slice(0, 500) : null };
  await publishEvent((text: string, params: unknown[]) => sql.query(text, params), RETURN_STATUS_CHANGED_TOPIC, { key: returnId, data: event });
}
