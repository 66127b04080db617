import { randomUUID } from 'node:crypto';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { productsSubgraph } from '../index';
import { StockDisplayPolicyEntity } from '../stock/stock-display-policy.entity';
import { CustomerPriceProfileEntity } from './customer-price-profile.entity';
import { CustomerProfileRepository } from './customer-profile.repository';
import { PriceRuleEntity } from '../price/price-rule.entity';

const WITH_BOTH = randomUUID();
const PROFILE_ONLY = randomUUID();
const POLICY_ONLY = randomUUID();
const UNKNOWN = randomUUID();
const OWN_PRICES = randomUUID();

describe('CustomerProfileRepository (real PostgreSQL)', () => {
  let db: SpecDatabase;
  const repository = () => new CustomerProfileRepository(db.em());

  beforeAll(async () => {
    db = await createSpecDatabase([productsSubgraph]);
    const em = db.em();
    em.create(CustomerPriceProfileEntity, { companyId: WITH_BOTH, customerNumber: 'C-1', customerGroup: 'WHOLESALE', currency: 'SEK', country: 'SE' });
    em.create(CustomerPriceProfileEntity, { companyId: PROFILE_ONLY, customerNumber: 'C-2', customerGroup: null, currency: 'EUR' });
    em.create(StockDisplayPolicyEntity, { companyId: WITH_BOTH, policy: 'QUANTITY' });
    // A policy outliving its profile (the ERP dropped the customer): the policy is still read.
    em.create(StockDisplayPolicyEntity, { companyId: POLICY_ONLY, policy: 'HIDDEN' });
    await em.flush();
  });
  afterAll(() => db?.drop());

  it('reads the price profile and the stock display policy together', async () => {
    expect(await repository().settingsOf(WITH_BOTH)).toEqual({
      profile: { companyId: WITH_BOTH, customerNumber: 'C-1', customerGroup: 'WHOLESALE', currency: 'SEK', country: 'SE' },
      stockDisplayPolicy: 'QUANTITY',
      ownPrices: false,
    });
  });

  it('says whether the ERP gives the company prices of its own', async () => {
    const em = db.em();
    em.create(PriceRuleEntity, { key: `own-${OWN_PRICES}`, productId: randomUUID(), sku: 'OWN-1', companyId: OWN_PRICES, customerGroup: null, minQuantity: '1', price: '9.50', currency: 'EUR', validFrom: null, validTo: null, promotion: false });
    await em.flush();
    expect((await repository().settingsOf(OWN_PRICES)).ownPrices).toBe(true);
    expect((await repository().settingsOf(WITH_BOTH)).ownPrices).toBe(false);
  });

  it('gives null for whichever part the company does not have', async () => {
    expect(await repository().settingsOf(PROFILE_ONLY)).toEqual({ profile: { companyId: PROFILE_ONLY, customerNumber: 'C-2', customerGroup: null, currency: 'EUR', country: null }, stockDisplayPolicy: null, ownPrices: false });
    expect(await repository().settingsOf(POLICY_ONLY)).toEqual({ profile: null, stockDisplayPolicy: 'HIDDEN', ownPrices: false });
    expect(await repository().settingsOf(UNKNOWN)).toEqual({ profile: null, stockDisplayPolicy: null, ownPrices: false });
  });
});
