import { randomUUID } from 'node:crypto';
import { loadAuthSecrets, Viewer } from '@hub/auth';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { BaseContext, SubgraphRuntime } from '@hub/subgraph-kit';
import { CompanyEntity } from '../company/company.entity';
import { buildCustomersContext, CustomersContext } from '../context';
import { customersSubgraph } from '../index';
import { UserEntity } from './user.entity';
import { UserKind } from './user-kind';

const secrets = loadAuthSecrets({});

/** A request's context on the spec database, as the subgraph builds it, for `viewer`. */
function contextFor(db: SpecDatabase, viewer: Viewer | null): CustomersContext {
  return buildCustomersContext({ viewer, bearer: undefined, em: db.em() } as BaseContext, { secrets } as SubgraphRuntime);
}

async function failure(promise: Promise<unknown>): Promise<{ code: unknown; message: string }> {
  try {
    await promise;
  } catch (error) {
    return { code: (error as { extensions?: { code?: unknown } }).extensions?.code, message: (error as Error).message };
  }
  throw new Error('expected a refusal');
}

describe('UserService (real PostgreSQL)', () => {
  let db: SpecDatabase;
  let nordic: CompanyEntity;
  let anna: UserEntity;
  let erik: UserEntity;
  let marta: UserEntity;
  let gone: UserEntity;
  let staff: UserEntity;
  const viewerOf = (user: UserEntity, overrides: Partial<Viewer> = {}): Viewer => ({
    userId: user.id, kind: user.kind as Viewer['kind'], companyId: user.company?.id ?? null, supplierId: null, permissions: user.permissions, tokenVersion: user.tokenVersion, ...overrides,
  });
  const users = (viewer: Viewer | null) => contextFor(db, viewer).services.users;

  beforeAll(async () => {
    db = await createSpecDatabase([customersSubgraph]);
    const em = db.em();
    nordic = em.create(CompanyEntity, { erpNumber: 'C-1', name: 'Nordic Tools AB', currency: 'SEK', country: 'SE' });
    const kowalski = em.create(CompanyEntity, { erpNumber: 'C-2', name: 'Kowalski Hurt', currency: 'PLN', country: 'PL' });
    const user = (name: string, kind: UserKind, company: CompanyEntity | null, extra: Partial<UserEntity> = {}) =>
      em.create(UserEntity, { email: `${name}-${randomUUID().slice(0, 6)}@example.com`, passwordHash: 'x', name, kind, company, ...extra });
    anna = user('Anna', UserKind.CUSTOMER, nordic, { tokenVersion: 2 });
    erik = user('Erik', UserKind.CUSTOMER, nordic);
    marta = user('Marta', UserKind.CUSTOMER, kowalski);
    gone = user('Gone', UserKind.CUSTOMER, nordic, { active: false });
    staff = user('Staff', UserKind.STAFF, null, { permissions: ['staff.admin'] });
    await em.flush();
  });
  afterAll(() => db?.drop());

  it('me: the signed-in user, while the account is active and the token of its current version', async () => {
    expect((await users(viewerOf(anna)).me(viewerOf(anna))).id).toBe(anna.id);
    expect(await failure(users(null).me(null))).toEqual({ code: 'UNAUTHENTICATED', message: 'You must be signed in.' });
    expect(await failure(users(viewerOf(gone)).me(viewerOf(gone)))).toEqual({ code: 'UNAUTHENTICATED', message: 'This account is no longer active.' });
    expect(await failure(users(null).me(viewerOf(anna, { tokenVersion: 1 })))).toEqual({ code: 'UNAUTHENTICATED', message: 'This session has ended; sign in again.' });
    // A token without a version is version 0.
    expect((await users(null).me(viewerOf(erik, { tokenVersion: undefined }))).id).toBe(erik.id);
    expect(await failure(users(null).me(viewerOf(anna, { tokenVersion: undefined })))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await failure(users(null).me({ ...viewerOf(anna), userId: randomUUID() }))).toMatchObject({ message: 'This account is no longer active.' });
  });

  it('findVisible: yourself and coworkers of your company, anyone for staff; null for everything else', async () => {
    expect((await users(null).findVisible(viewerOf(anna), anna.id))?.id).toBe(anna.id);
    expect((await users(null).findVisible(viewerOf(anna), erik.id))?.id).toBe(erik.id);
    expect(await users(null).findVisible(viewerOf(anna), marta.id)).toBeNull();
    expect(await users(null).findVisible(viewerOf(marta), anna.id)).toBeNull();
    expect((await users(null).findVisible(viewerOf(staff), marta.id))?.id).toBe(marta.id);
    // A staff user has no company: a customer does not see it, but it sees itself.
    expect(await users(null).findVisible(viewerOf(anna), staff.id)).toBeNull();
    expect((await users(null).findVisible(viewerOf(staff), staff.id))?.id).toBe(staff.id);
    expect(await users(null).findVisible(null, anna.id)).toBeNull();
    expect(await users(null).findVisible(viewerOf(staff), 'not-a-uuid')).toBeNull();
    expect(await users(null).findVisible(viewerOf(staff), randomUUID())).toBeNull();
  });

  it("listForCompany: a company's users by name for that company and staff; NOT_FOUND for another company (as for no company)", async () => {
    expect((await users(null).listForCompany(viewerOf(anna), nordic.id)).map((u) => u.name)).toEqual(['Anna', 'Erik', 'Gone']);
    expect((await users(null).listForCompany(viewerOf(staff), nordic.id)).map((u) => u.name)).toEqual(['Anna', 'Erik', 'Gone']);
    expect(await failure(users(null).listForCompany(viewerOf(marta), nordic.id))).toEqual({ code: 'NOT_FOUND', message: `Company ${nordic.id} was not found.` });
  });

  it('impersonator: the staff user acting, only to the user it acts as', async () => {
    const actingAsAnna = viewerOf(anna, { actorId: staff.id });
    expect((await users(null).impersonator(actingAsAnna, anna.id))?.id).toBe(staff.id);
    expect(await users(null).impersonator(actingAsAnna, erik.id)).toBeNull();
    expect(await users(null).impersonator(viewerOf(anna), anna.id)).toBeNull();
    expect(await users(null).impersonator(null, anna.id)).toBeNull();
  });
});
