import { EntityManager } from '@mikro-orm/postgresql';

/** A delivery note line that carried a serial number, as registration finds it. */
export interface DeliveredUnit {
  deliveryNoteId: string;
  deliveryNoteNumber: string;
  customerNumber: string | null;
  sku: string;
  shippedAt: Date;
  deliveredAt: Date | null;
}

/** The SQL of registration beyond plain finds; it runs on the caller's EntityManager. */
export class WarrantyRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * The company's delivery notes that delivered this serial number (optionally only the note of
   * that number), newest first: the unit's purchase. Other companies' notes are never looked at.
   */
  async deliveredUnits(companyId: string, serialNumber: string, deliveryNoteNumber: string | null): Promise<DeliveredUnit[]> {
    const rows = await this.em.execute<Array<Record<string, any>>>(
      `select d.id, d.number, d.customer_number, l->>'sku' as sku, d.shipped_at, d.delivered_at
         from finance.delivery_note d
        cross join lateral jsonb_array_elements(d.lines) l
        where d.company_id = ? and (?::text is null or d.number = ?)
          and jsonb_typeof(l->'serialNumbers') = 'array' and l->'serialNumbers' @> jsonb_build_array(?::text)
        order by coalesce(d.delivered_at, d.shipped_at) desc, d.number desc`,
      [companyId, deliveryNoteNumber, deliveryNoteNumber, serialNumber],
    );
    return rows.map((r) => ({
      deliveryNoteId: r.id, deliveryNoteNumber: r.number, customerNumber: r.customer_number, sku: r.sku,
      shippedAt: new Date(r.shipped_at), deliveredAt: r.delivered_at ? new Date(r.delivered_at) : null,
    }));
  }
}
