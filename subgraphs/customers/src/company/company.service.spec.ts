import { randomUUID } from 'node:crypto';
import { loadAuthSecrets, Viewer } from '@hub/auth';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { BaseContext, SubgraphRuntime } from '@hub/subgraph-kit';
import { buildCustomersContext } from '../context';
import { customersSubgraph } from '../index';
import { CompanyEntity } from './company.entity';

const secrets = loadAuthSecrets({});

describe('CompanyService (real PostgreSQL)', () => {
  let db: SpecDatabase;
  let nordic: CompanyEntity;
  let kowalski: CompanyEntity;
  const companies = () => buildCustomersContext({ viewer: null, bearer: undefined, em: db.em() } as BaseContext, { secrets } as SubgraphRuntime).services.companies;
  const customerOf = (company: CompanyEntity): Viewer => ({ userId: randomUUID(), kind: 'CUSTOMER', companyId: company.id, supplierId: null, permissions: [] });
  const staff: Viewer = { userId: randomUUID(), kind: 'STAFF', companyId: null, supplierId: null, permissions: [] };
  const supplier: Viewer = { userId: randomUUID(), kind: 'SUPPLIER', companyId: null, supplierId: randomUUID(), permissions: [] };

  async function failure(promise: Promise<unknown>): Promise<{ code: unknown; message: string }> {
    try {
      await promise;
    } catch (error) {
      return { code: (error as { extensions?: { code?: unknown } }).extensions?.code, message: (error as Error).message };
    }
    throw new Error('expected a refusal');
  }

  beforeAll(async () => {
    db = await createSpecDatabase([customersSubgraph]);
    const em = db.em();
    nordic = em.create(CompanyEntity, { erpNumber: 'C-1', name: 'Nordic Tools AB', currency: 'SEK', country: 'SE' });
    kowalski = em.create(CompanyEntity, { erpNumber: 'C-2', name: 'Kowalski Hurt', currency: 'PLN', country: 'PL' });
    em.create(CompanyEntity, { erpNumber: 'C-3', name: 'Baltic Build', currency: 'EUR', country: 'EE' });
    await em.flush();
  });
  afterAll(() => db?.drop());

  it("findVisible: a customer user's own company, any company for staff, null for the rest (references must not leak)", async () => {
    expect((await companies().findVisible(customerOf(nordic), nordic.id))?.name).toBe('Nordic Tools AB');
    expect(await companies().findVisible(customerOf(nordic), kowalski.id)).toBeNull();
    expect((await companies().findVisible(staff, kowalski.id))?.name).toBe('Kowalski Hurt');
    expect(await companies().findVisible(supplier, nordic.id)).toBeNull();
    expect(await companies().findVisible(null, nordic.id)).toBeNull();
    expect(await companies().findVisible(staff, 'C-1')).toBeNull();
    expect(await companies().findVisible(staff, randomUUID())).toBeNull();
  });

  it("getVisible: the same NOT_FOUND for another tenant's company as for one that does not exist; BAD_USER_INPUT for a non-UUID", async () => {
    expect((await companies().getVisible(customerOf(nordic), nordic.id)).id).toBe(nordic.id);
    const foreign = await failure(companies().getVisible(customerOf(nordic), kowalski.id));
    const missingId = randomUUID();
    const missing = await failure(companies().getVisible(customerOf(nordic), missingId));
    expect(foreign).toEqual({ code: 'NOT_FOUND', message: `Company ${kowalski.id} was not found.` });
    expect(missing).toEqual({ code: 'NOT_FOUND', message: `Company ${missingId} was not found.` });
    expect(await failure(companies().getVisible(staff, 'C-2'))).toEqual({ code: 'BAD_USER_INPUT', message: 'Company id must be a UUID.' });
  });

  it('listAll: every company by name, for staff only', async () => {
    expect((await companies().listAll(staff)).map((c) => c.name)).toEqual(['Baltic Build', 'Kowalski Hurt', 'Nordic Tools AB']);
    expect((await failure(companies().listAll(customerOf(nordic)))).code).toBe('FORBIDDEN');
  });
});
