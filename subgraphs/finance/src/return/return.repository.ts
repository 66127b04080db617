import { EntityManager } from '@mikro-orm/postgresql';
import Decimal from 'decimal.js';
import { ReturnStatus } from './return-status';

/** A delivery note as a return is checked against it, locked until the filing commits. */
export interface LockedDeliveryNote {
  id: string;
  number: string;
  companyId: string;
  customerNumber: string | null;
  shippedAt: Date;
  deliveredAt: Date | null;
  lines: Array<{ lineNo: number; sku: string; quantity: string; serialNumbers?: string[] | null }>;
}

/** What earlier returns (not rejected) already claim of one delivery note line. */
export interface ClaimedLine {
  quantity: Decimal;
  serialNumbers: Set<string>;
}

/** The SQL of returns beyond plain finds; every method runs on the caller's (transactional) EntityManager. */
export class ReturnRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * The delivery note, row-locked: two filings against one note wait for each other, so together
   * they never return more than was delivered.
   */
  async lockDeliveryNote(id: string): Promise<LockedDeliveryNote | null> {
    const rows = await this.em.execute<Array<Record<string, any>>>(
      `select id, number, company_id, customer_number, shipped_at, delivered_at, lines from finance.delivery_note where id = ? for update`,
      [id],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id, number: r.number, companyId: r.company_id, customerNumber: r.customer_number,
      shippedAt: new Date(r.shipped_at), deliveredAt: r.delivered_at ? new Date(r.delivered_at) : null, lines: r.lines,
    };
  }

  /** Per delivery note line: the quantity and serial numbers returns not rejected already claim. */
  async claimedLines(deliveryNoteId: string): Promise<Map<number, ClaimedLine>> {
    const rows = await this.em.execute<Array<{ line_no: number; quantity: string; serials: string[][] }>>(
      `select l.delivery_line_no as line_no, sum(l.quantity)::text as quantity,
              coalesce(jsonb_agg(l.serial_numbers) filter (where l.serial_numbers is not null), '[]'::jsonb) as serials
         from finance.return_line l
         join finance.return_request r on r.id = l.return_id
        where r.delivery_note_id = ? and r.status <> ?
        group by l.delivery_line_no`,
      [deliveryNoteId, ReturnStatus.REJECTED],
    );
    return new Map(rows.map((r) => [r.line_no, { quantity: new Decimal(r.quantity), serialNumbers: new Set(r.serials.flat()) }]));
  }
}
