import { randomUUID } from 'node:crypto';
import { Decimal } from '@hub/money';
import { as, client, demo } from './support/hub-client';
import { erpAdmin, eventually } from './support/staff-client';

const PASSWORD = 'currency-password-1';
const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
const PRICE = `query($sku: String!) { product(sku: $sku) {
  price { amount currency }
  priceDetail { source unitPrice { amount currency } listPrice { amount currency } basePrice { amount currency } rate rateDate }
} }`;

/**
 * P3 end to end: a new customer invoiced in SEK registers, staff approve it, the ERP creates it
 * (through the outbox, which reads the new customer back at once), and its users see
 * prices converted with the ERP's own EUR:SEK rate, rounded to öre, with the rate and its date.
 */
describe('prices in the company currency (P3)', () => {
  it('a company invoiced in SEK sees EUR prices converted with the ERP rate, with the rate and its date', async () => {
    const email = `sek-${randomUUID().slice(0, 8)}@example.com`;
    const { register } = await client().request<{ register: { id: string } }>('mutation($i: RegistrationInput!) { register(input: $i) { id } }', {
      i: {
        companyName: `Svensk Verktyg ${randomUUID().slice(0, 6)}`,
        country: 'SE',
        currency: 'SEK',
        contactName: 'Sara Ek',
        email,
        invoiceAddress: { street: `Kronagatan ${Math.floor(Math.random() * 10_000)}`, postalCode: '411 01', city: 'Göteborg', country: 'SE' },
        password: PASSWORD,
      },
    });
    const staff = await as('admin@hub.example');
    await staff.request('mutation($i: ApproveRegistrationInput!) { approveRegistration(input: $i) { status } }', { i: { registrationId: register.id } });
    await eventually(async () => {
      const { registration } = await staff.request<{ registration: { erpStatus: string } }>('query($id: ID!) { registration(id: $id) { erpStatus } }', { id: register.id });
      return registration.erpStatus === 'CREATED';
    }, 30_000, 'the ERP to create the customer');

    const token = (await client().request<{ login: { token: string } }>(LOGIN, { e: email, p: PASSWORD })).login.token;
    const buyer = client(token);
    const product = demo.products[0];
    // The customer's own terms arrive with its creation (read back from the ERP in the transaction that
    // creates its user), so the first request after sign-in is priced in SEK, with no customers sync in between.
    const { product: detail } = await buyer.request<{ product: { price: { amount: string; currency: string }; priceDetail: any } }>(PRICE, { sku: product.sku });
    expect(detail.price.currency).toBe('SEK');

    const rate = await erpAdmin('GET', '/admin/records/exchangeRates/EUR%3ASEK');
    const { priceDetail } = detail;
    expect(priceDetail.source).toBe('LIST'); // a new customer has no group and no prices of its own yet
    expect(priceDetail.basePrice).toEqual({ amount: new Decimal(product.listPrice).toFixed(2), currency: 'EUR' });
    expect(new Decimal(priceDetail.rate).eq(rate.rate)).toBe(true);
    expect(priceDetail.rateDate).toBe(rate.date);
    const converted = new Decimal(product.listPrice).mul(rate.rate).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    expect(priceDetail.unitPrice).toEqual({ amount: converted.toFixed(2), currency: 'SEK' });
    expect(detail.price).toEqual(priceDetail.unitPrice);
    expect(priceDetail.listPrice.currency).toBe('SEK');
  }, 90_000);
});
