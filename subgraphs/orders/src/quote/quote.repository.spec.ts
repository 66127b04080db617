import { randomUUID } from 'node:crypto';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { ordersSubgraph } from '../index';
import { QuoteEntity, QuoteStatus } from './quote.entity';
import { QuoteLineEntity } from './quote-line.entity';
import { QuoteRepository } from './quote.repository';

const A = randomUUID();
const B = randomUUID();

describe('QuoteRepository (real PostgreSQL)', () => {
  let db: SpecDatabase;
  const repository = () => new QuoteRepository(db.em());
  const ids: string[] = [];

  beforeAll(async () => {
    db = await createSpecDatabase([ordersSubgraph]);
    const em = db.em();
    for (const [i, companyId] of [A, A, A, B].entries()) {
      const quote = em.create(QuoteEntity, {
        number: `Q-${i}`, companyId, createdByUserId: randomUUID(), validUntil: '2026-12-31', currency: 'EUR', total: '10.00', pricedAt: new Date(),
        createdAt: new Date(Date.parse('2026-11-01T00:00:00Z') + i * 60_000), status: i === 1 ? QuoteStatus.ORDERED : QuoteStatus.OPEN,
      });
      for (const lineNo of [2, 1]) em.create(QuoteLineEntity, { quote, lineNo, productId: randomUUID(), sku: `S${lineNo}`, quantity: '1', unitPrice: '5', lineTotal: '5.00' });
      ids.push(quote.id);
    }
    await em.flush();
  });
  afterAll(() => db?.drop());

  it("lists a company's quotes newest first with their lines in order, by status, up to the limit", async () => {
    const quotes = await repository().list(A, null, 10);
    expect(quotes.map((q) => q.number)).toEqual(['Q-2', 'Q-1', 'Q-0']);
    expect(quotes[0].lines.getItems().map((l) => l.lineNo)).toEqual([1, 2]);
    expect((await repository().list(A, QuoteStatus.OPEN, 10)).map((q) => q.number)).toEqual(['Q-2', 'Q-0']);
    expect((await repository().list(A, null, 1)).map((q) => q.number)).toEqual(['Q-2']);
    expect((await repository().list(B, null, 10)).map((q) => q.number)).toEqual(['Q-3']);
  });

  it('marks an open quote ordered once; a quote already ordered is not taken again', async () => {
    const order = randomUUID();
    expect(await repository().markOrdered(ids[0], order)).toBe(true);
    expect(await repository().markOrdered(ids[0], randomUUID())).toBe(false);
    expect(await repository().markOrdered(ids[1], randomUUID())).toBe(false);
    expect(await repository().withLines(ids[0])).toMatchObject({ status: QuoteStatus.ORDERED, orderId: order });
  });
});
