import { randomUUID } from 'node:crypto';
import { loadAuthSecrets, Viewer } from '@hub/auth';
import { createSpecDatabase, SpecDatabase } from '@hub/database-testing';
import { BaseContext, SubgraphRuntime } from '@hub/subgraph-kit';
import { buildCustomersContext } from '../context';
import { customersSubgraph } from '../index';
import { AuditLogEntity } from './audit-log.entity';
import { recordAudit } from './audit.service';

const secrets = loadAuthSecrets({});
const staffWith = (permissions: string[], overrides: Partial<Viewer> = {}): Viewer => ({ userId: randomUUID(), kind: 'STAFF', companyId: null, supplierId: null, permissions, ...overrides });

describe('recordAudit and AuditService (real PostgreSQL)', () => {
  let db: SpecDatabase;
  const audit = () => buildCustomersContext({ viewer: null, bearer: undefined, em: db.em() } as BaseContext, { secrets } as SubgraphRuntime).services.audit;
  const ANNA = randomUUID();
  const STAFF = randomUUID();
  const COMPANY = randomUUID();

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
  });
  afterAll(() => db?.drop());

  it('records who did it: the user, or for "sign in as" the staff user on behalf of the user; nobody for anonymous actions', async () => {
    const em = db.em();
    const own = recordAudit(em, { userId: ANNA, kind: 'CUSTOMER', companyId: COMPANY, supplierId: null, permissions: [] }, 'consent.change', { companyId: COMPANY, details: { email: true } });
    const acting = recordAudit(em, { userId: ANNA, kind: 'CUSTOMER', companyId: COMPANY, supplierId: null, permissions: [], actorId: STAFF }, 'order.place', { targetUserId: ANNA });
    const anonymous = recordAudit(em, null, 'password.reset.request', { targetUserId: ANNA });
    await em.flush();
    const stored = async (id: string) => (await db.pool.query('select action, actor_id, on_behalf_of_id, target_user_id, company_id, details from customers.audit_log where id = $1', [id])).rows[0];
    expect(await stored(own.id)).toEqual({ action: 'consent.change', actor_id: ANNA, on_behalf_of_id: null, target_user_id: null, company_id: COMPANY, details: { email: true } });
    expect(await stored(acting.id)).toEqual({ action: 'order.place', actor_id: STAFF, on_behalf_of_id: ANNA, target_user_id: ANNA, company_id: null, details: null });
    expect(await stored(anonymous.id)).toEqual({ action: 'password.reset.request', actor_id: null, on_behalf_of_id: null, target_user_id: ANNA, company_id: null, details: null });
  });

  it("lists the newest entries first, a user's as actor, on behalf of or target, for staff with staff.users or staff.admin", async () => {
    const em = db.em();
    const someone = randomUUID();
    const at = (minute: number) => new Date(Date.UTC(2030, 0, 1, 10, minute)); // newer than the entries above
    em.create(AuditLogEntity, { action: 'a.first', details: null, actorId: someone, at: at(1) });
    em.create(AuditLogEntity, { action: 'a.third', details: null, targetUserId: someone, at: at(3) });
    em.create(AuditLogEntity, { action: 'a.second', details: null, onBehalfOfId: someone, actorId: STAFF, at: at(2) });
    em.create(AuditLogEntity, { action: 'a.other', details: null, actorId: randomUUID(), at: at(4) });
    await em.flush();
    expect((await audit().list(staffWith(['staff.users']), 10, someone)).map((e) => e.action)).toEqual(['a.third', 'a.second', 'a.first']);
    expect((await audit().list(staffWith(['staff.admin']), 2, someone)).map((e) => e.action)).toEqual(['a.third', 'a.second']);
    expect((await audit().list(staffWith(['staff.users']), 500)).length).toBeGreaterThanOrEqual(7);
    expect((await audit().list(staffWith(['staff.users']), 1, null)).map((e) => e.action)).toEqual(['a.other']);
  });

  it('refuses staff without the right, other kinds of users, bad page sizes and a userId that is not a UUID', async () => {
    expect((await failure(audit().list(staffWith(['staff.sync']), 10))).code).toBe('FORBIDDEN');
    expect((await failure(audit().list({ userId: ANNA, kind: 'CUSTOMER', companyId: COMPANY, supplierId: null, permissions: ['users.manage'] }, 10))).code).toBe('FORBIDDEN');
    expect((await failure(audit().list(null, 10))).code).toBe('UNAUTHENTICATED');
    expect((await failure(audit().list(staffWith(['staff.users']), 501))).code).toBe('BAD_USER_INPUT');
    expect((await failure(audit().list(staffWith(['staff.users']), 0))).code).toBe('BAD_USER_INPUT');
    expect(await failure(audit().list(staffWith(['staff.users']), 10, 'anna'))).toEqual({ code: 'BAD_USER_INPUT', message: 'userId must be a UUID.' });
  });
});
