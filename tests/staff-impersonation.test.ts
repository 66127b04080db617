import { randomUUID } from 'node:crypto';
import { as, client, demo, demoUser, failure } from './support/hub-client';

const IMPERSONATE = 'mutation($id: ID!) { impersonate(userId: $id) { token expiresAt user { id email } } }';
const AUDIT = 'query($u: ID) { auditLog(first: 50, userId: $u) { action actorId onBehalfOfId targetUserId details } }';

interface AuditRow { action: string; actorId: string | null; onBehalfOfId: string | null; targetUserId: string | null; details: string | null }

describe('staff "sign in as" a customer user (C4)', () => {
  const target = demoUser(2, 'customer admin');
  // A coworker of the target's own, so that the demo users other tests rely on stay as they are.
  const coworker = { id: '' };
  beforeAll(async () => {
    const admin = await as(target.email);
    const email = `temp-${Date.now()}@ferreteria-garcia.example`;
    const { createCoworker } = await admin.request<{ createCoworker: { id: string } }>(
      'mutation($input: CreateCoworkerInput!) { createCoworker(input: $input) { id } }', { input: { email, name: 'Temp', roles: ['READ_ONLY'] } });
    coworker.id = createCoworker.id;
  });

  it('staff with staff.users get a token that names both identities; me shows who acts', async () => {
    const staff = await as('admin@hub.example');
    const { me: admin } = await staff.request<{ me: { id: string } }>('{ me { id } }');
    const { impersonate } = await staff.request<{ impersonate: { token: string; expiresAt: string; user: { id: string } } }>(IMPERSONATE, { id: target.id });
    expect(impersonate.user.id).toBe(target.id);
    // Short-lived: at most an hour.
    expect(new Date(impersonate.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(3600_000 + 5000);

    const acting = client(impersonate.token);
    const { me } = await acting.request<{ me: { id: string; impersonatedBy: { id: string; email: string } | null; company: { id: string } } }>(
      '{ me { id impersonatedBy { id email } company { id } } }',
    );
    expect(me).toEqual({ id: target.id, impersonatedBy: { id: admin.id, email: 'admin@hub.example' }, company: { id: target.companyId } });
    // A normal session has no impersonator.
    const own = await (await as(target.email)).request<{ me: { impersonatedBy: unknown } }>('{ me { impersonatedBy { id } } }');
    expect(own.me.impersonatedBy).toBeNull();

    // Acting as the customer admin works on the customer's data, and is audited with both identities.
    await acting.request('mutation($id: ID!) { setUserPermissions(userId: $id, permissions: ["catalog.view"]) { id } }', { id: coworker.id });
    const { auditLog } = await staff.request<{ auditLog: AuditRow[] }>(AUDIT, { u: admin.id });
    expect(auditLog).toEqual(expect.arrayContaining([
      expect.objectContaining({ action: 'impersonation.start', actorId: admin.id, onBehalfOfId: null, targetUserId: target.id }),
    ]));
    const { auditLog: aboutTarget } = await staff.request<{ auditLog: AuditRow[] }>(AUDIT, { u: target.id });
    expect(aboutTarget).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'impersonation.start', actorId: admin.id, targetUserId: target.id })]));

    // Some things stay the user's own: the password, staff rights, and nested "sign in as".
    const password = await failure(acting.request('mutation { changePassword(currentPassword: "demo-password", newPassword: "another-password-1") { token } }'));
    expect(password.codes).toEqual(['FORBIDDEN']);
    expect(password.messages[0]).toMatch(/signed in as another user/);
    expect((await failure(acting.request('mutation { refreshToken { token } }'))).codes).toEqual(['FORBIDDEN']);
    expect((await failure(acting.request(IMPERSONATE, { id: coworker.id }))).codes).toEqual(['FORBIDDEN']);
  });

  it('the impersonating session records the staff user as actor on the customer\'s actions', async () => {
    const staff = await as('admin@hub.example');
    const { me: admin } = await staff.request<{ me: { id: string } }>('{ me { id } }');
    const { impersonate } = await staff.request<{ impersonate: { token: string } }>(IMPERSONATE, { id: target.id });
    const acting = client(impersonate.token);
    await acting.request('mutation($id: ID!) { setUserPermissions(userId: $id, roles: ["BUYER"]) { id } }', { id: coworker.id });
    const { auditLog } = await staff.request<{ auditLog: AuditRow[] }>(AUDIT, { u: coworker.id });
    expect(auditLog[0]).toEqual(expect.objectContaining({ action: 'user.permissions', actorId: admin.id, onBehalfOfId: target.id, targetUserId: coworker.id }));
  });

  it('an order placed while signed in as a customer user keeps who really placed it; only staff see which staff user', async () => {
    const staff = await as('admin@hub.example');
    const { me: admin } = await staff.request<{ me: { id: string } }>('{ me { id } }');
    const { impersonate } = await staff.request<{ impersonate: { token: string } }>(IMPERSONATE, { id: target.id });
    const FIELDS = 'id placedOnBehalf placedBy { id } placedOnBehalfBy { id email }';
    const place = (api: ReturnType<typeof client>) =>
      api
        .request<{ placeOrder: any }>(`mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { ${FIELDS} } }`, {
          input: { idempotencyKey: `behalf-${randomUUID()}`, lines: [{ productId: demo.products[0].id, quantity: 1 }] },
        })
        .then((r) => r.placeOrder);
    const read = (api: ReturnType<typeof client>, id: string) => api.request<{ order: any }>(`query($id: ID!) { order(id: $id) { ${FIELDS} } }`, { id }).then((r) => r.order);

    const forThem = await place(client(impersonate.token));
    // The customer's side (the acting session included) learns that staff placed it, not who.
    expect(forThem).toEqual({ id: expect.any(String), placedOnBehalf: true, placedBy: { id: target.id }, placedOnBehalfBy: null });
    const own = await as(target.email);
    expect(await read(own, forThem.id)).toEqual(forThem);
    expect(await read(staff, forThem.id)).toEqual({ ...forThem, placedOnBehalfBy: { id: admin.id, email: 'admin@hub.example' } });

    const byThemselves = await place(own);
    expect(byThemselves).toEqual({ id: expect.any(String), placedOnBehalf: false, placedBy: { id: target.id }, placedOnBehalfBy: null });
    expect(await read(staff, byThemselves.id)).toEqual(byThemselves);
  });

  it('customers and staff without staff.users cannot sign in as anyone or read the audit log', async () => {
    for (const email of [target.email, 'sync@hub.example', 'orders@hub.example']) {
      const api = await as(email);
      expect((await failure(api.request(IMPERSONATE, { id: coworker.id }))).codes).toEqual(['FORBIDDEN']);
      expect((await failure(api.request(AUDIT, {}))).codes).toEqual(['FORBIDDEN']);
    }
    expect((await failure(client().request(AUDIT, {}))).codes).toEqual(['UNAUTHENTICATED']);
  });

  it('staff accounts cannot be signed in as; a missing user is NOT_FOUND', async () => {
    const staff = await as('admin@hub.example');
    const { me: sync } = await (await as('sync@hub.example')).request<{ me: { id: string } }>('{ me { id } }');
    expect((await failure(staff.request(IMPERSONATE, { id: sync.id }))).codes).toEqual(['FORBIDDEN']);
    expect((await failure(staff.request(IMPERSONATE, { id: '00000000-0000-4000-8000-000000000000' }))).codes).toEqual(['NOT_FOUND']);
  });
});
