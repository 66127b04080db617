import { EntityManager } from '@mikro-orm/postgresql';
import { OfferEntity } from './offer.entity';
import { OfferVersionEntity } from './offer-version.entity';
import { SalesRepCustomerEntity } from './offer-catalogue.entity';
import { OfferStatus, statusesBefore } from './offer.state-machine';

export interface OfferListQuery {
  /** Only these companies (a rep's customers, a customer's own); null: every company (staff.admin). */
  companyIds: readonly string[] | null;
  statuses: readonly OfferStatus[] | null;
  /** Part of the number, the title or a line's SKU or product name (case-insensitive). */
  search: string | null;
  first: number;
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export class OfferRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * The next number of `year`, taken in the caller's transaction (its EntityManager): the upsert
   * locks the year's counter row until that transaction ends, so concurrent creators take turns and
   * a rolled-back creation leaves no gap.
   */
  async nextNumber(year: number): Promise<number> {
    const rows: Array<{ last: number }> = await this.em.execute(
      `insert into orders.offer_number_counter (year, last) values (?, 1)
         on conflict (year) do update set last = offer_number_counter.last + 1 returning last`,
      [year],
    );
    return Number(rows[0].last);
  }

  /** Offers newest first, filtered in SQL. */
  async list(query: OfferListQuery): Promise<OfferEntity[]> {
    const where: Record<string, unknown> = {};
    if (query.companyIds) where.companyId = { $in: [...query.companyIds] };
    if (query.statuses) where.status = { $in: [...query.statuses] };
    const qb = this.em.createQueryBuilder(OfferEntity, 'o').select('*').where(where).orderBy({ createdAt: 'desc', id: 'desc' }).limit(query.first);
    if (query.search) {
      const pattern = likePattern(query.search);
      qb.andWhere(
        `(o.number ilike ? or o.title ilike ? or exists (select 1 from jsonb_array_elements(o.content -> 'lines') l where l ->> 'sku' ilike ? or l ->> 'name' ilike ?))`,
        [pattern, pattern, pattern, pattern],
      );
    }
    return qb.getResult();
  }

  findById(id: string): Promise<OfferEntity | null> {
    return this.em.fork().findOne(OfferEntity, { id });
  }

  versionsOf(offerId: string): Promise<OfferVersionEntity[]> {
    return this.em.find(OfferVersionEntity, { offerId }, { orderBy: { version: 'asc' } });
  }

  /** The companies a rep is assigned to. */
  async customersOf(repUserId: string): Promise<string[]> {
    return (await this.em.find(SalesRepCustomerEntity, { repUserId }, { orderBy: { companyId: 'asc' } })).map((a) => a.companyId);
  }

  /** SENT → VIEWED the first time a customer user opens it (one statement: concurrent views write once). */
  async markViewed(offerId: string, version: number): Promise<boolean> {
    const updated = await this.em.nativeUpdate(OfferEntity, { id: offerId, status: OfferStatus.SENT, version }, { status: OfferStatus.VIEWED, viewedAt: new Date() });
    return updated === 1;
  }

  /**
   * Takes an open, valid offer of this version for a decision, in the caller's transaction: false
   * when someone decided first, it changed (a new version) or it expired, so one offer is decided once.
   */
  async decide(
    offerId: string, version: number, today: string, to: OfferStatus,
    decision: { decidedByUserId: string; acceptedLineNos?: number[] | null; orderId?: string | null; rejectionReason?: string | null },
  ): Promise<boolean> {
    const updated = await this.em.nativeUpdate(
      OfferEntity,
      { id: offerId, version, status: { $in: statusesBefore(to) }, validUntil: { $gte: today } },
      { status: to, decidedAt: new Date(), ...decision },
    );
    return updated === 1;
  }

  /** Writes EXPIRED on open offers past their last day (what effectiveStatus already shows). */
  async expire(offerIds: readonly string[], today: string): Promise<number> {
    if (offerIds.length === 0) return 0;
    return this.em.nativeUpdate(OfferEntity, { id: { $in: [...offerIds] }, status: { $in: statusesBefore(OfferStatus.EXPIRED) }, validUntil: { $lt: today } }, { status: OfferStatus.EXPIRED });
  }
}
