import { as, client, demo, demoUser, failure } from './support/hub-client';
import { eventually } from './support/staff-client';
import { COWORKER_PASSWORD, createCoworker, login, uniqueEmail } from './support/coworkers';
import { directSubgraphClient } from './support/direct-subgraph';

const CREATE = `mutation($input: CreateCoworkerInput!) { createCoworker(input: $input) { id email permissions active } }`;
const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
const PASSWORD = COWORKER_PASSWORD;
const unique = uniqueEmail;

describe('customer admins manage coworkers (C1, C3)', () => {
  const admin = demoUser(0, 'customer admin');
  const buyer = demoUser(0, 'buyer');

  it('the permission catalogue names permissions and roles', async () => {
    const { permissionCatalogue } = await client().request<{ permissionCatalogue: { customerPermissions: string[]; roles: Array<{ name: string; permissions: string[] }> } }>(
      '{ permissionCatalogue { customerPermissions roles { name permissions } } }',
    );
    expect(permissionCatalogue.customerPermissions).toContain('orders.place');
    expect(permissionCatalogue.roles.map((r) => r.name)).toEqual(['ADMIN', 'BUYER', 'READ_ONLY']);
  });

  it('an admin creates a read-only coworker who signs in, reads, and cannot change anything', async () => {
    const email = unique('reader');
    const user = await createCoworker(admin.email, { email, name: 'New Reader', roles: ['READ_ONLY'], password: PASSWORD });
    expect(user.permissions).toEqual(['catalog.view', 'invoices.view', 'orders.view', 'prices.view']);
    const api = client(await login(email));
    const { me } = await api.request<{ me: { email: string; company: { id: string } } }>('{ me { email company { id } } }');
    expect(me).toEqual({ email, company: { id: demo.companies[0].id } });
    expect((await failure(api.request(CREATE, { input: { email: unique('x'), name: 'X', roles: ['READ_ONLY'] } }))).codes).toEqual(['FORBIDDEN']);
    expect((await failure(api.request('mutation { placeOrder(input: { idempotencyKey: "read-only-try", lines: [] }) { id } }'))).codes).toEqual(['FORBIDDEN']);
  });

  it('nobody grants more than they hold; unknown names are BAD_USER_INPUT and change nothing', async () => {
    // A limited manager: users.manage and catalog.view only.
    const managerEmail = unique('manager');
    await createCoworker(admin.email, { email: managerEmail, name: 'Limited Manager', permissions: ['users.manage', 'catalog.view'], password: PASSWORD });
    const manager = client(await login(managerEmail));
    const tooMuch = await failure(manager.request(CREATE, { input: { email: unique('y'), name: 'Y', permissions: ['invoices.view'] } }));
    expect(tooMuch.codes).toEqual(['FORBIDDEN']);
    const unknown = await failure(manager.request(CREATE, { input: { email: unique('z'), name: 'Z', permissions: ['orders.teleport'] } }));
    expect(unknown.codes).toEqual(['BAD_USER_INPUT']);
    const unknownRole = await failure(manager.request(CREATE, { input: { email: unique('z'), name: 'Z', roles: ['OWNER'] } }));
    expect(unknownRole.codes).toEqual(['BAD_USER_INPUT']);
    const staffPermission = await failure(manager.request(CREATE, { input: { email: unique('z'), name: 'Z', permissions: ['staff.admin'] } }));
    expect(staffPermission.codes).toEqual(['FORBIDDEN']);
    // Nor can the limited manager change or deactivate someone who holds more than it does.
    expect((await failure(manager.request('mutation($id: ID!) { deactivateUser(id: $id) { id } }', { id: buyer.id }))).codes).toEqual(['FORBIDDEN']);
    // Within its own rights it may.
    const ok = await manager.request<{ createCoworker: { permissions: string[] } }>(CREATE, { input: { email: unique('ok'), name: 'Ok', permissions: ['catalog.view'] } });
    expect(ok.createCoworker.permissions).toEqual(['catalog.view']);
    // Nothing was created by the refused attempts.
    const { company } = await (await as(admin.email)).request<{ company: { users: Array<{ email: string }> } }>('query($id: ID!) { company(id: $id) { users { email } } }', { id: demo.companies[0].id });
    expect(company.users.filter((u) => u.email.startsWith('z-') || u.email.startsWith('y-'))).toEqual([]);
  });

  it("another company's user is NOT_FOUND to an admin; a buyer without users.manage is FORBIDDEN", async () => {
    const api = await as(admin.email);
    const theirs = demoUser(1, 'buyer');
    expect((await failure(api.request('mutation($id: ID!) { deactivateUser(id: $id) { id } }', { id: theirs.id }))).codes).toEqual(['NOT_FOUND']);
    expect((await failure(api.request('mutation($id: ID!) { setUserPermissions(userId: $id, roles: ["READ_ONLY"]) { id } }', { id: theirs.id }))).codes).toEqual(['NOT_FOUND']);
    const asBuyer = await as(buyer.email);
    expect((await failure(asBuyer.request('mutation($id: ID!) { deactivateUser(id: $id) { id } }', { id: admin.id }))).codes).toEqual(['FORBIDDEN']);
    const users = await failure(asBuyer.request('query($id: ID!) { company(id: $id) { id users { id } } }', { id: demo.companies[0].id }));
    expect(users.codes).toEqual(['FORBIDDEN']);
    expect(users.data).toEqual({ company: { id: demo.companies[0].id, users: null } });
  });

  it("a deactivated user's token stops working everywhere, and reactivation does not revive it", async () => {
    const email = unique('leaver');
    const user = await createCoworker(admin.email, { email, name: 'Leaver', roles: ['BUYER'], password: PASSWORD });
    const token = await login(email);
    const api = client(token);
    await api.request('{ me { id } products(first: 1) { edges { node { id } } } orders(first: 1) { edges { node { id } } } }');

    const adminApi = await as(admin.email);
    await adminApi.request('mutation($id: ID!) { deactivateUser(id: $id) { active } }', { id: user.id });
    // Refused at the gateway on every path (the customers subgraph's own `me` and other subgraphs alike).
    for (const query of ['{ me { id } }', '{ products(first: 1) { edges { node { id } } } }', '{ orders(first: 1) { edges { node { id } } } }']) {
      await eventually(async () => (await failure(api.request(query))).codes.includes('UNAUTHENTICATED'), 5000, `refusal of ${query}`);
    }
    expect((await failure(client().request(LOGIN, { e: email, p: PASSWORD }))).codes).toEqual(['UNAUTHENTICATED']);
    // And by each subgraph itself, with a genuine gateway assertion: no gateway is trusted with revocation.
    for (const subgraph of ['customers', 'products', 'orders', 'finance', 'suppliers']) {
      const refused = await eventually(async () => {
        const result = await failure(directSubgraphClient(subgraph, token).request('{ __typename }'));
        return result.codes.includes('UNAUTHENTICATED') ? result : undefined;
      }, 5000, `${subgraph} to refuse the deactivated user's token`);
      expect({ subgraph, status: refused.status, codes: refused.codes }).toEqual({ subgraph, status: 401, codes: ['UNAUTHENTICATED'] });
    }

    await adminApi.request('mutation($id: ID!) { reactivateUser(id: $id) { active } }', { id: user.id });
    const fresh = client(await login(email));
    // The gateway hears of the reactivation by event, milliseconds after the commit: wait for that state.
    expect(await eventually(() => fresh.request('{ me { id } }'), 5000, 'the reactivation to reach the gateway')).toEqual({ me: { id: user.id } });
    expect((await failure(api.request('{ orders(first: 1) { edges { node { id } } } }'))).codes).toEqual(['UNAUTHENTICATED']);
  });

  it('taking a permission away ends the old token; refreshToken renews a good session', async () => {
    const email = unique('buyer');
    const user = await createCoworker(admin.email, { email, name: 'Buyer', roles: ['BUYER'], password: PASSWORD });
    const api = client(await login(email));
    const refreshed = await api.request<{ refreshToken: { token: string; user: { permissions: string[] } } }>('mutation { refreshToken { token user { permissions } } }');
    expect(refreshed.refreshToken.user.permissions).toContain('orders.place');
    const adminApi = await as(admin.email);
    const changed = await adminApi.request<{ setUserPermissions: { permissions: string[] } }>(
      'mutation($id: ID!) { setUserPermissions(userId: $id, roles: ["READ_ONLY"]) { permissions } }', { id: user.id });
    expect(changed.setUserPermissions.permissions).not.toContain('orders.place');
    const renewed = client(refreshed.refreshToken.token);
    await eventually(async () => (await failure(renewed.request('{ me { id } }'))).codes.includes('UNAUTHENTICATED'), 5000, 'revocation');
    expect((await failure(renewed.request('mutation { refreshToken { token } }'))).codes).toEqual(['UNAUTHENTICATED']);
    const again = client(await login(email));
    const { me } = await again.request<{ me: { permissions: string[] } }>('{ me { permissions } }');
    expect(me.permissions).toEqual(['catalog.view', 'invoices.view', 'orders.view', 'prices.view']);
  });

  it('an admin cannot deactivate itself, and duplicate e-mails are a CONFLICT', async () => {
    const api = await as(admin.email);
    expect((await failure(api.request('mutation($id: ID!) { deactivateUser(id: $id) { id } }', { id: admin.id }))).codes).toEqual(['BAD_USER_INPUT']);
    expect((await failure(api.request(CREATE, { input: { email: buyer.email, name: 'Dup', roles: ['READ_ONLY'] } }))).codes).toEqual(['CONFLICT']);
  });
});
