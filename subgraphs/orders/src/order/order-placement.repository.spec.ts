import { randomUUID } from 'node:crypto';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { ordersSubgraph } from '../index';
import { CompanyAccountEntity } from '../account/company-account.entity';
import { BasketRepository } from '../basket/basket.repository';
import { OrderEntity } from './order.entity';
import { OrderPlacementRepository } from './order-placement.repository';
import { OrderStatus } from './order-status';

const A = randomUUID();
const B = randomUUID();
const USER = randomUUID();

describe('OrderPlacementRepository (real PostgreSQL)', () => {
  let db: SpecDatabase;

  beforeAll(async () => {
    db = await createSpecDatabase([ordersSubgraph]);
    const em = db.em();
    em.create(CompanyAccountEntity, { companyId: A, customerNumber: 'C1', currency: 'EUR', creditLimit: '100.00', balance: '0.00', blocked: false, deliveryAddressCodes: ['D1'] });
    em.create(OrderEntity, { number: 'W-1', companyId: A, status: OrderStatus.PENDING, idempotencyKey: 'used-key-1', placedAt: new Date(), currency: 'EUR', total: '1.00' });
    await em.flush();
    await new BasketRepository(db.em()).writeLines(USER, A, [{ productId: randomUUID(), sku: 'S1', quantity: '2' }], 'add');
  });
  afterAll(() => db?.drop());

  it("reads in one statement whether the company used the key, the placer's basket and the company's facts", async () => {
    const read = await new OrderPlacementRepository(db.em()).read(A, USER, 'used-key-1');
    expect(read.keyUsed).toBe(true);
    expect(read.basket!.lines.map((l) => [l.sku, l.quantity])).toEqual([['S1', '2.000']]);
    expect(read.basket!.updatedAt).toBeInstanceOf(Date);
    expect(read.facts.account).toMatchObject({ customerNumber: 'C1', deliveryAddressCodes: ['D1'] });
  });

  it("does not see another company's key, and has no basket for a user without one", async () => {
    const read = await new OrderPlacementRepository(db.em()).read(B, randomUUID(), 'used-key-1');
    expect(read).toEqual({ keyUsed: false, basket: null, facts: { account: null, settings: null, rules: [] } });
  });
});
