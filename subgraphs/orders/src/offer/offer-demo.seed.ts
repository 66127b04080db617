import { EntityManager } from '@mikro-orm/postgresql';
import { DemoDataset } from '@hub/demo-data';
import { OfferExtraServiceEntity, OfferTermEntity, OfferTermKind, SalesRepCustomerEntity } from './offer-catalogue.entity';

export const DEMO_SALES_REP_EMAIL = 'sales@hub.example';
/** The customers the demo rep looks after (ERP numbers). */
const DEMO_REP_CUSTOMERS = ['C10001', 'C10002'];

const TERMS: Array<[OfferTermKind, string]> = [
  [OfferTermKind.PAYMENT, '30 days net from the invoice date.'],
  [OfferTermKind.PAYMENT, '2 % discount for payment within 10 days, otherwise 30 days net.'],
  [OfferTermKind.TRANSPORT, 'Delivered free to your address (DAP) for orders above 500 EUR.'],
  [OfferTermKind.TRANSPORT, 'Ex works, collected from our warehouse.'],
  [OfferTermKind.VALIDITY, 'Prices hold until the offer\'s last valid day, for the quantities offered.'],
  [OfferTermKind.NOTES, 'Delivery 5-10 working days after the order, subject to stock.'],
];

const SERVICES: Array<[string, string, string]> = [
  ['ASSEMBLY', 'Assembly on site (per hour)', '55.00'],
  ['DELIVERY-SITE', 'Delivery to the building site', '120.00'],
  ['TRAINING', 'Product training for your staff (half day)', '350.00'],
];

/** The demo sales rep's customers, and a few terms and services to pick from; written once. */
export async function seedOfferDemoData(em: EntityManager, data: DemoDataset): Promise<void> {
  if ((await em.count(OfferTermEntity)) > 0) return;
  const rep = data.users.find((u) => u.email === DEMO_SALES_REP_EMAIL);
  await em.transactional(async (tx) => {
    for (const [kind, text] of TERMS) tx.create(OfferTermEntity, { kind, text });
    for (const [code, name, unitPrice] of SERVICES) tx.create(OfferExtraServiceEntity, { code, name, unitPrice, currency: 'EUR' });
    if (rep) {
      for (const company of data.companies.filter((c) => DEMO_REP_CUSTOMERS.includes(c.erpNumber))) tx.create(SalesRepCustomerEntity, { repUserId: rep.id, companyId: company.id });
    }
  });
}
