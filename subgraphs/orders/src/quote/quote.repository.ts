import { EntityManager } from '@mikro-orm/postgresql';
import { QuoteEntity, QuoteStatus } from './quote.entity';

export class QuoteRepository {
  constructor(private readonly em: EntityManager) {}

  /** The company's quotes, newest first, lines included, at most `first`; one status or any. */
  list(companyId: string, status: QuoteStatus | null, first: number): Promise<QuoteEntity[]> {
    return this.em.find(QuoteEntity, { companyId, ...(status ? { status } : {}) }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: first, populate: ['lines'] });
  }

  /** One quote with its lines, freshly read. */
  withLines(id: string): Promise<QuoteEntity | null> {
    return this.em.fork().findOne(QuoteEntity, { id }, { populate: ['lines'] });
  }

  /**
   * Marks an OPEN quote as ordered, in the ordering transaction (its EntityManager); false when it
   * was not OPEN any more (ordered meanwhile by someone else), so one quote becomes one order.
   */
  async markOrdered(quoteId: string, orderId: string): Promise<boolean> {
    const updated = await this.em.nativeUpdate(QuoteEntity, { id: quoteId, status: QuoteStatus.OPEN }, { status: QuoteStatus.ORDERED, orderId, updatedAt: new Date() });
    return updated === 1;
  }
}
