import { randomUUID } from 'node:crypto';
import { loadAuthSecrets, signUnsubscribeToken, Viewer } from '@hub/auth';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { customersSubgraph } from '../index';
import { UserEntity } from '../user/user.entity';
import { UserKind } from '../user/user-kind';
import { ConsentRepository } from './consent.repository';
import { ConsentService } from './consent.service';

const secrets = loadAuthSecrets({});

describe('ConsentService (real PostgreSQL)', () => {
  let db: SpecDatabase;
  let user: UserEntity;
  let inactive: UserEntity;
  const consents = () => {
    const em = db.em();
    return new ConsentService(em, new ConsentRepository(em), secrets);
  };
  const viewerOf = (u: UserEntity, overrides: Partial<Viewer> = {}): Viewer => ({ userId: u.id, kind: 'CUSTOMER', companyId: null, supplierId: null, permissions: [], ...overrides });
  const staff: Viewer = { userId: randomUUID(), kind: 'STAFF', companyId: null, supplierId: null, permissions: [] };
  const events = async (userId: string) =>
    (await db.pool.query('select channel, granted, source from customers.consent_event where user_id = $1 order by at, channel', [userId])).rows;

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
    user = em.create(UserEntity, { email: `c-${randomUUID().slice(0, 6)}@example.com`, passwordHash: 'x', name: 'Consenting', kind: UserKind.CUSTOMER });
    inactive = em.create(UserEntity, { email: `i-${randomUUID().slice(0, 6)}@example.com`, passwordHash: 'x', name: 'Gone', kind: UserKind.CUSTOMER, active: false });
    await em.flush();
  });
  afterAll(() => db?.drop());

  it('starts with nothing given, records only what changes, and answers with the latest per channel', async () => {
    expect(await consents().current(viewerOf(user), user.id)).toEqual({ email: false, sms: false, newsletter: false });
    expect(await consents().set(viewerOf(user), { email: true, sms: false, newsletter: null as unknown as boolean })).toEqual({ email: true, sms: false, newsletter: false });
    // sms false and newsletter unset change nothing: one event, for e-mail.
    expect(await events(user.id)).toEqual([{ channel: 'EMAIL', granted: true, source: 'USER' }]);
    expect(await consents().set(viewerOf(user), { email: true, newsletter: true })).toEqual({ email: true, sms: false, newsletter: true });
    expect(await events(user.id)).toHaveLength(2);
    expect((await consents().history(viewerOf(user), user.id))?.map((e) => [e.channel, e.granted])).toEqual([['NEWSLETTER', true], ['EMAIL', true]]);
  });

  it("shows a user's consents to the user and to staff only", async () => {
    const someoneElse = viewerOf(user, { userId: randomUUID() });
    expect(await consents().current(someoneElse, user.id)).toBeNull();
    expect(await consents().history(someoneElse, user.id)).toBeNull();
    expect(await consents().current(null, user.id)).toBeNull();
    expect(await consents().current(staff, user.id)).toMatchObject({ email: true });
    expect(await consents().history(staff, user.id)).toHaveLength(2);
  });

  it('lets nobody give consent for someone else: not staff signed in as the user, not a deactivated account, not anonymous', async () => {
    expect(await failure(consents().set(viewerOf(user, { actorId: staff.userId }), { sms: true }))).toEqual({
      code: 'FORBIDDEN',
      message: 'You cannot change contact consents while signed in as another user; only the user can.',
    });
    expect(await failure(consents().set(viewerOf(inactive), { sms: true }))).toEqual({ code: 'UNAUTHENTICATED', message: 'This account is no longer active.' });
    expect((await failure(consents().set(null, { sms: true }))).code).toBe('UNAUTHENTICATED');
    expect(await consents().current(viewerOf(user), user.id)).toEqual({ email: true, sms: false, newsletter: true });
  });

  it('unsubscribes with the signed link, without signing in; twice changes nothing; a forged link nothing at all', async () => {
    const link = await signUnsubscribeToken(user.id, 'NEWSLETTER', secrets);
    const before = (await events(user.id)).length;
    await consents().unsubscribe(link);
    await consents().unsubscribe(link);
    expect((await events(user.id)).slice(before)).toEqual([{ channel: 'NEWSLETTER', granted: false, source: 'UNSUBSCRIBE_LINK' }]);
    expect(await consents().current(viewerOf(user), user.id)).toEqual({ email: true, sms: false, newsletter: false });
    // A channel never granted is not written either.
    await consents().unsubscribe(await signUnsubscribeToken(user.id, 'SMS', secrets));
    expect(await events(user.id)).toHaveLength(before + 1);
    const forged = await signUnsubscribeToken(user.id, 'EMAIL', loadAuthSecrets({ HUB_TOKEN_SECRET: 'some-other-token-secret-of-32-characters-or-more' }));
    await expect(consents().unsubscribe(forged)).rejects.toThrow();
    expect(await consents().current(viewerOf(user), user.id)).toMatchObject({ email: true });
  });
});
