import { randomUUID } from 'node:crypto';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { ordersSubgraph } from '../index';
import { CompanyAccountEntity } from '../account/company-account.entity';
import { BasketRepository } from '../basket/basket.repository';
import { DeliveryDestinationEntity } from '../delivery-cost/delivery-destination.entity';
import { ProductLogisticsEntity } from '../delivery-cost/product-logistics.entity';
import { BasketDiscountCodeEntity } from '../discount-code/discount-code.entity';
import { LoyaltyRedemptionEntity, LoyaltyRedemptionStatus, LoyaltyRewardKind } from '../loyalty/loyalty.entity';
import { OrderEntity } from './order.entity';
import { OrderPlacementRepository } from './order-placement.repository';
import { OrderStatus } from './order-status';

const A = randomUUID();
const B = randomUUID();
const USER = randomUUID();
const IN_BASKET = randomUUID();
const ELSEWHERE = randomUUID();
const CODE = randomUUID();

describe('OrderPlacementRepository (real PostgreSQL)', () => {
  let db: SpecDatabase;

  beforeAll(async () => {
    db = await createSpecDatabase([ordersSubgraph]);
    const em = db.em();
    em.create(CompanyAccountEntity, { companyId: A, customerNumber: 'C1', currency: 'EUR', creditLimit: '100.00', balance: '0.00', blocked: false, deliveryAddressCodes: ['D1'] });
    em.create(OrderEntity, { number: 'W-1', companyId: A, status: OrderStatus.PENDING, idempotencyKey: 'used-key-1', placedAt: new Date(), currency: 'EUR', total: '1.00' });
    em.create(BasketDiscountCodeEntity, { userId: USER, codeId: CODE });
    em.create(ProductLogisticsEntity, { productId: IN_BASKET, sku: 'S1', weightKg: '1.500', volumeM3: null, unitsPerParcel: 10, unitsPerPallet: null });
    em.create(ProductLogisticsEntity, { productId: ELSEWHERE, sku: 'S2', weightKg: '9.000', volumeM3: null, unitsPerParcel: 1, unitsPerPallet: null });
    em.create(DeliveryDestinationEntity, { companyId: A, country: 'DE', addressCountries: { D1: 'AT' } });
    const redemption = (companyId: string, status: LoyaltyRedemptionStatus, amount: string, createdAt: Date) =>
      em.create(LoyaltyRedemptionEntity, {
        companyId, userId: USER, rewardId: randomUUID(), rewardName: `Reward ${amount}`, kind: LoyaltyRewardKind.DISCOUNT, points: 100, amount, currency: 'EUR', status, idempotencyKey: randomUUID(), createdAt,
      });
    redemption(A, LoyaltyRedemptionStatus.OPEN, '20.00', new Date('2026-02-01T00:00:00Z'));
    redemption(A, LoyaltyRedemptionStatus.OPEN, '5.00', new Date('2026-01-01T00:00:00Z'));
    redemption(A, LoyaltyRedemptionStatus.USED, '7.00', new Date('2026-01-15T00:00:00Z'));
    redemption(B, LoyaltyRedemptionStatus.OPEN, '9.00', new Date('2026-01-15T00:00:00Z'));
    await em.flush();
    await new BasketRepository(db.em()).writeLines(USER, A, [{ productId: IN_BASKET, sku: 'S1', quantity: '2' }], 'add');
  });
  afterAll(() => db?.drop());

  it("reads in one statement whether the company used the key, the placer's basket and the company's facts", async () => {
    const read = await new OrderPlacementRepository(db.em()).read(A, USER, 'used-key-1');
    expect(read.keyUsed).toBe(true);
    expect(read.basket!.lines.map((l) => [l.sku, l.quantity])).toEqual([['S1', '2.000']]);
    expect(read.basket!.updatedAt).toBeInstanceOf(Date);
    expect(read.facts.account).toMatchObject({ customerNumber: 'C1', deliveryAddressCodes: ['D1'] });
  });

  it("reads with them the basket's discount code, the company's open loyalty discounts oldest first, and the delivery facts of the basket's products", async () => {
    const read = await new OrderPlacementRepository(db.em()).read(A, USER, 'new-key');
    expect(read.keyUsed).toBe(false);
    expect(read.basketCodeId).toBe(CODE);
    expect(read.loyaltyDiscounts).toEqual([
      { id: expect.any(String), rewardName: 'Reward 5.00', amount: '5.00', currency: 'EUR' },
      { id: expect.any(String), rewardName: 'Reward 20.00', amount: '20.00', currency: 'EUR' },
    ]);
    expect([...read.basketDelivery.logistics.keys()]).toEqual([IN_BASKET]);
    expect(read.basketDelivery.logistics.get(IN_BASKET)).toEqual({ weightKg: '1.500', volumeM3: null, unitsPerParcel: 10, unitsPerPallet: null });
    expect(read.basketDelivery.destination).toEqual({ country: 'DE', addressCountries: { D1: 'AT' } });
  });

  it("does not see another company's key, and has no basket for a user without one", async () => {
    const read = await new OrderPlacementRepository(db.em()).read(B, randomUUID(), 'used-key-1');
    expect(read).toMatchObject({ keyUsed: false, basket: null, basketCodeId: null, loyaltyDiscounts: [{ rewardName: 'Reward 9.00' }], facts: { account: null, settings: null, rules: [] } });
    expect(read.basketDelivery.logistics.size).toBe(0);
    expect(read.basketDelivery.destination).toBeNull();
  });
});
