import { randomUUID } from 'node:crypto';
import { GraphQLClient } from 'graphql-request';
import { as, client, demo, failure, gatewayUrl } from './support/hub-client';
import { eventually, outboxMessages } from './support/staff-client';

const REGISTER = 'mutation($i: RegistrationInput!) { register(input: $i) { id status } }';
const REGISTRATION = `query($id: ID!) { registration(id: $id) { id status companyId userId erpStatus erpCustomerNumber
  duplicates { companyId name nameScore addressScore emailMatch } } }`;
const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
const PASSWORD = 'registered-password-1';

function registration(overrides: Record<string, unknown> = {}) {
  return {
    companyName: 'Nordic Tools',
    country: 'SE',
    currency: 'SEK',
    contactName: 'New Person',
    email: `new-${randomUUID().slice(0, 8)}@example.com`,
    invoiceAddress: { street: 'Somewhere 1', postalCode: '111 22', city: 'Stockholm', country: 'SE' },
    password: PASSWORD,
    ...overrides,
  };
}

describe('self-registration with duplicate check and approval (C5, C6)', () => {
  it('anyone registers; staff see likely duplicates, bind to the existing customer, and the user signs in', async () => {
    const nordic = demo.companies[0];
    const input = registration({ companyName: `${nordic.name.replace(/ AB$/, '')}, ab` });
    const { register } = await client().request<{ register: { id: string; status: string } }>(REGISTER, { i: input });
    expect(register.status).toBe('PENDING');
    // Not yet: pending registrations cannot sign in.
    expect((await failure(client().request(LOGIN, { e: input.email, p: PASSWORD }))).codes).toEqual(['UNAUTHENTICATED']);

    const staff = await as('admin@hub.example');
    const { registration: r } = await staff.request<{ registration: { duplicates: Array<{ companyId: string; nameScore: number }> } }>(REGISTRATION, { id: register.id });
    expect(r.duplicates[0]).toEqual(expect.objectContaining({ companyId: nordic.id }));
    expect(r.duplicates[0].nameScore).toBeGreaterThan(0.8);

    const { approveRegistration } = await staff.request<{ approveRegistration: { status: string; userId: string; companyId: string } }>(
      'mutation($i: ApproveRegistrationInput!) { approveRegistration(input: $i) { status userId companyId } }',
      { i: { registrationId: register.id, companyId: nordic.id, roles: ['BUYER'] } },
    );
    expect(approveRegistration).toEqual(expect.objectContaining({ status: 'APPROVED', companyId: nordic.id }));
    const token = (await client().request<{ login: { token: string } }>(LOGIN, { e: input.email, p: PASSWORD })).login.token;
    const { me } = await client(token).request<{ me: { company: { id: string }; permissions: string[] } }>('{ me { company { id } permissions } }');
    expect(me.company.id).toBe(nordic.id);
    expect(me.permissions).toContain('orders.place');
    // Decided once.
    expect((await failure(staff.request('mutation($id: ID!) { rejectRegistration(id: $id, reason: "late") { id } }', { id: register.id }))).codes).toEqual(['CONFLICT']);
  });

  it('a new customer approved by staff goes to the ERP through the outbox; the ERP number comes back and the user signs in', async () => {
    const input = registration({ companyName: `Brand New Trading ${randomUUID().slice(0, 6)}`, invoiceAddress: { street: 'Unique Street 99', postalCode: '99999', city: 'Nowhere', country: 'SE' } });
    const { register } = await client().request<{ register: { id: string } }>(REGISTER, { i: input });
    const staff = await as('admin@hub.example');
    const { registration: r } = await staff.request<{ registration: { duplicates: unknown[] } }>(REGISTRATION, { id: register.id });
    expect(r.duplicates).toEqual([]);
    await staff.request('mutation($i: ApproveRegistrationInput!) { approveRegistration(input: $i) { status erpStatus } }', { i: { registrationId: register.id } });

    const done = await eventually(async () => {
      const { registration: now } = await staff.request<{ registration: { erpStatus: string; erpCustomerNumber: string | null; companyId: string | null } }>(REGISTRATION, { id: register.id });
      return now.erpStatus === 'CREATED' ? now : undefined;
    }, 20_000, 'the ERP to create the customer');
    expect(done.erpCustomerNumber).toMatch(/^C\d+/);
    const messages = await outboxMessages();
    expect(messages.find((m) => m.key === `registration:${register.id}`)).toEqual(expect.objectContaining({ source: 'customers', topic: 'customer.registered', status: 'DELIVERED' }));

    const token = (await client().request<{ login: { token: string } }>(LOGIN, { e: input.email, p: PASSWORD })).login.token;
    const { me } = await client(token).request<{ me: { company: { id: string; erpNumber: string; name: string }; permissions: string[] } }>('{ me { company { id erpNumber name } permissions } }');
    expect(me.company).toEqual({ id: done.companyId, erpNumber: done.erpCustomerNumber, name: input.companyName });
    expect(me.permissions).toContain('users.manage');
  });

  it('one client address may register ten companies an hour; the eleventh is RATE_LIMITED and stored nowhere; other addresses go on', async () => {
    const from = (address: string) => new GraphQLClient(gatewayUrl(), { headers: { 'x-forwarded-for': address } });
    const flooder = from('198.51.100.77');
    // Bad input is refused before it counts.
    expect((await failure(flooder.request(REGISTER, { i: registration({ password: 'short' }) }))).codes).toEqual(['BAD_USER_INPUT']);
    for (let i = 0; i < 10; i++) await flooder.request(REGISTER, { i: registration() });
    const eleventh = registration();
    const refused = await failure(flooder.request(REGISTER, { i: eleventh }));
    expect(refused.codes).toEqual(['RATE_LIMITED']);
    expect(refused.messages[0]).toMatch(/^Too many registrations from this address; try again in \d+ seconds\.$/);
    const staff = await as('admin@hub.example');
    const { registrations } = await staff.request<{ registrations: Array<{ email: string }> }>('{ registrations(first: 100, status: PENDING) { email } }');
    expect(registrations.map((r) => r.email)).not.toContain(eleventh.email);
    await expect(from('198.51.100.78').request(REGISTER, { i: registration() })).resolves.toEqual({ register: expect.objectContaining({ status: 'PENDING' }) });
  });

  it('currencies and countries must be ISO codes that are assigned: each refusal names its field and stores nothing', async () => {
    const staff = await as('admin@hub.example');
    const stored = async (email: string) =>
      (await staff.request<{ registrations: Array<{ email: string }> }>('{ registrations(first: 500) { email } }')).registrations.filter((r) => r.email === email);
    for (const [overrides, field] of [
      [{ currency: 'ABC' }, 'currency'],
      [{ country: 'ZZ' }, 'country'],
      [{ invoiceAddress: { street: 'Somewhere 1', postalCode: '111 22', city: 'Stockholm', country: 'ZZ' } }, 'invoiceAddress.country'],
    ] as const) {
      const input = registration(overrides);
      const refused = await failure(client().request(REGISTER, { i: input }));
      expect({ codes: refused.codes, fields: refused.fields }).toEqual({ codes: ['BAD_USER_INPUT'], fields: [field] });
      expect(await stored(input.email)).toEqual([]);
    }
    // Lower-case codes are still accepted, and stored upper-cased (from an address of its own: it counts towards the rate limit).
    const input = registration({ currency: 'sek', country: 'se', invoiceAddress: { street: 'Somewhere 1', postalCode: '111 22', city: 'Stockholm', country: 'se' } });
    const { register } = await new GraphQLClient(gatewayUrl(), { headers: { 'x-forwarded-for': '198.51.100.90' } }).request<{ register: { id: string } }>(REGISTER, { i: input });
    const { registration: r } = await staff.request<{ registration: { country: string; currency: string; invoiceAddress: { country: string } } }>(
      'query($id: ID!) { registration(id: $id) { country currency invoiceAddress { country } } }', { id: register.id });
    expect(r).toEqual({ country: 'SE', currency: 'SEK', invoiceAddress: { country: 'SE' } });
  });

  it('bad input is BAD_USER_INPUT; staff reject; customers cannot see or decide registrations', async () => {
    expect((await failure(client().request(REGISTER, { i: registration({ country: 'Sweden' }) }))).codes).toEqual(['BAD_USER_INPUT']);
    expect((await failure(client().request(REGISTER, { i: registration({ password: 'short' }) }))).codes).toEqual(['BAD_USER_INPUT']);
    const { register } = await client().request<{ register: { id: string } }>(REGISTER, { i: registration() });
    const customer = await as(demo.users.find((u) => u.role === 'customer admin')!.email);
    expect((await failure(customer.request(REGISTRATION, { id: register.id }))).codes).toEqual(['FORBIDDEN']);
    expect((await failure(customer.request('mutation($i: ApproveRegistrationInput!) { approveRegistration(input: $i) { id } }', { i: { registrationId: register.id } }))).codes).toEqual(['FORBIDDEN']);
    const staff = await as('admin@hub.example');
    const { rejectRegistration } = await staff.request<{ rejectRegistration: { status: string } }>('mutation($id: ID!) { rejectRegistration(id: $id, reason: "Not a business") { status } }', { id: register.id });
    expect(rejectRegistration.status).toBe('REJECTED');
  });
});
