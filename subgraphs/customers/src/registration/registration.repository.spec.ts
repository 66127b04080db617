import { randomUUID } from 'node:crypto';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { customersSubgraph } from '../index';
import { CompanyEntity } from '../company/company.entity';
import { ContactEntity } from '../contact/contact.entity';
import { normalizeAddress, normalizeCompanyName } from './normalize-text';
import { RegistrationRepository } from './registration.repository';

const address = (street: string, postalCode: string, city: string) => ({ street, postalCode, city, country: 'SE' });

/** The registration compared: normalised as RegistrationService.register stores it. */
const REGISTRATION = {
  normalizedName: normalizeCompanyName('Nordic Tools'),
  normalizedAddress: normalizeAddress(address('Hamngatan 5', '211 20', 'Malmo')),
  email: 'buyer@example.com',
};
const THRESHOLDS = { name: 0.45, address: 0.6 };

describe('RegistrationRepository.duplicateCandidates (real PostgreSQL, pg_trgm)', () => {
  let db: SpecDatabase;
  const repository = () => new RegistrationRepository(db.em());
  const names = (candidates: Array<{ name: string }>) => candidates.map((c) => c.name);

  beforeAll(async () => {
    db = await createSpecDatabase([customersSubgraph]);
    const em = db.em();
    const company = (erpNumber: string, name: string, invoiceAddress: Record<string, string> | null, deliveryAddresses: Array<Record<string, string>> = []) =>
      em.create(CompanyEntity, { erpNumber, name, currency: 'SEK', country: 'SE', invoiceAddress, deliveryAddresses });
    company('C1', 'Nordic Tools AB', address('Storgatan 1', '111 22', 'Stockholm'));
    company('C2', 'Nordic', null);
    company('C3', 'Baltic Fasteners', address('Storgatan 1', '111 22', 'Stockholm'), [address('Hamngatan 5', '21120', 'Malmo')]);
    const emailOnly = company('C4', 'Something Else', null);
    company('C5', 'Baltic Bolts', address('Hamngatan 7', '211 20', 'Malmo'));
    company('C6', 'Unrelated', null);
    em.create(ContactEntity, { id: randomUUID(), contactNumber: 'K1', companyId: emailOnly.id, name: 'Buyer', email: 'Buyer@Example.com', phone: null });
    await em.flush();
  });
  afterAll(() => db?.drop());

  it('finds companies by e-mail contact, by address (invoice or delivery) and by name; e-mail first, then the best score', async () => {
    const candidates = await repository().duplicateCandidates(REGISTRATION, THRESHOLDS);
    expect(names(candidates)).toEqual(['Something Else', 'Baltic Fasteners', 'Baltic Bolts', 'Nordic Tools AB', 'Nordic']);
    expect(candidates[0]).toEqual({ companyId: expect.any(String), erpNumber: 'C4', name: 'Something Else', nameScore: 0, addressScore: 0, emailMatch: true });
    expect(candidates[1]).toMatchObject({ erpNumber: 'C3', addressScore: 1, emailMatch: false });
    expect(candidates[3].nameScore).toBeGreaterThan(0.8);
    expect(candidates[4].nameScore).toBeGreaterThanOrEqual(0.45);
    expect(candidates[4].nameScore).toBeLessThan(0.54);
    expect(candidates[2].addressScore).toBeGreaterThanOrEqual(0.6);
    expect(candidates[2].addressScore).toBeLessThan(0.85);
  });

  it('leaves out what falls below the thresholds; an e-mail match stays', async () => {
    expect(names(await repository().duplicateCandidates(REGISTRATION, { name: 0.54, address: 0.6 }))).toEqual(['Something Else', 'Baltic Fasteners', 'Baltic Bolts', 'Nordic Tools AB']);
    expect(names(await repository().duplicateCandidates(REGISTRATION, { name: 0.45, address: 0.85 }))).toEqual(['Something Else', 'Baltic Fasteners', 'Nordic Tools AB', 'Nordic']);
    expect(names(await repository().duplicateCandidates(REGISTRATION, { name: 1.01, address: 1.01 }))).toEqual(['Something Else']);
    expect(await repository().duplicateCandidates({ ...REGISTRATION, email: 'nobody@example.com' }, { name: 1.01, address: 1.01 })).toEqual([]);
  });

  it('gives at most `limit` candidates', async () => {
    expect(names(await repository().duplicateCandidates(REGISTRATION, THRESHOLDS, 2))).toEqual(['Something Else', 'Baltic Fasteners']);
  });
});
