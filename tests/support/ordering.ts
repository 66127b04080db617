import { randomInt, randomUUID } from 'node:crypto';
import { GraphQLClient } from 'graphql-request';
import { as, client, gatewayUrl } from './hub-client';
import { eventually } from './staff-client';

const PASSWORD = 'ordering-test-password-1';
const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';

export interface TestUser {
  id: string;
  email: string;
  token: string;
  api: GraphQLClient;
}

export interface FreshCompany {
  id: string;
  erpNumber: string;
  name: string;
  /** Its first user: the customer admin (every customer permission). */
  admin: TestUser;
  /** A coworker with these roles and permissions. */
  coworker(label: string, grant: { roles?: string[]; permissions?: string[] }): Promise<TestUser>;
}

async function signIn(email: string): Promise<{ token: string; api: GraphQLClient }> {
  const token = (await client().request<{ login: { token: string } }>(LOGIN, { e: email, p: PASSWORD })).login.token;
  return { token, api: client(token) };
}

/**
 * A customer company of a test's own: registered on the web, approved by staff and created in the
 * demo ERP through the outbox (RETAIL group, EUR, credit limit 5,000.00, one delivery address D1),
 * so a test can set its ordering settings and hold rules, and count its orders, without meeting
 * another test file's. Each registration comes from an address of its own (registrations are
 * throttled per address). `phone` is the registering contact's (and so its admin's) phone number.
 */
export async function freshCompany(label: string, options: { phone?: string } = {}): Promise<FreshCompany> {
  const suffix = randomUUID().slice(0, 8);
  const name = `${label} Trading ${suffix}`;
  const email = `admin-${suffix}@${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.example`;
  const from = new GraphQLClient(gatewayUrl(), { headers: { 'x-forwarded-for': `198.18.${randomInt(0, 255)}.${randomInt(1, 254)}` } });
  const { register } = await from.request<{ register: { id: string } }>('mutation($i: RegistrationInput!) { register(input: $i) { id } }', {
    i: {
      companyName: name, country: 'EE', currency: 'EUR', contactName: `${label} Admin`, email, password: PASSWORD, ...(options.phone ? { phone: options.phone } : {}),
      invoiceAddress: { street: `${label} tee ${randomInt(1, 999)}`, postalCode: '10111', city: 'Tallinn', country: 'EE' },
    },
  });
  const staff = await as('admin@hub.example');
  await staff.request('mutation($i: ApproveRegistrationInput!) { approveRegistration(input: $i) { id } }', { i: { registrationId: register.id } });
  const created = await eventually(async () => {
    const { registration } = await staff.request<{ registration: { erpStatus: string; companyId: string | null; erpCustomerNumber: string | null } }>(
      'query($id: ID!) { registration(id: $id) { erpStatus companyId erpCustomerNumber } }', { id: register.id });
    return registration.erpStatus === 'CREATED' && registration.companyId ? registration : undefined;
  }, 30_000, `the ERP to create ${name}`);
  const admin = await signIn(email);
  const { me } = await admin.api.request<{ me: { id: string } }>('{ me { id } }');
  return {
    id: created.companyId!,
    erpNumber: created.erpCustomerNumber!,
    name,
    admin: { id: me.id, email, ...admin },
    async coworker(who, grant) {
      const coworkerEmail = `${who}-${randomUUID().slice(0, 8)}@${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.example`;
      const { createCoworker } = await admin.api.request<{ createCoworker: { id: string } }>(
        'mutation($input: CreateCoworkerInput!) { createCoworker(input: $input) { id } }',
        { input: { email: coworkerEmail, name: `${label} ${who}`, roles: grant.roles ?? [], permissions: grant.permissions ?? [], password: PASSWORD } },
      );
      return { id: createCoworker.id, email: coworkerEmail, ...(await signIn(coworkerEmail)) };
    },
  };
}

/**
 * Runs a sync operation now (as staff) and waits until a run of it that started after this call
 * has succeeded (a manual one, or a scheduled one that came first: either read the ERP after the
 * call). Other test files put the shared demo ERP into an outage for a while: a run that failed
 * meanwhile answers nothing, so the run is asked for again.
 */
export async function syncNow(operation: string): Promise<void> {
  const staff = await as('sync@hub.example');
  // No slack: a run counts only if it started after this (a scheduled run a moment before may have read the ERP before the change the caller just made).
  const asked = Date.now();
  const ask = () => staff.request('mutation($op: String!) { runSyncNow(operation: $op) { runRequested } }', { op: operation });
  await ask();
  let askedAgain = Date.now();
  await eventually(async () => {
    const { syncRuns } = await staff.request<{ syncRuns: Array<{ trigger: string; status: string; startedAt: string }> }>(
      'query($op: String!) { syncRuns(operation: $op, first: 10) { trigger status startedAt } }', { op: operation });
    const since = syncRuns.filter((r) => Date.parse(r.startedAt) >= asked);
    if (since.some((r) => r.status === 'SUCCEEDED')) return true;
    const lastFailed = since.length > 0 && since[0].status === 'FAILED';
    if ((lastFailed && Date.now() - askedAgain > 1_000) || Date.now() - askedAgain > 10_000) {
      askedAgain = Date.now();
      await ask();
    }
    return false;
  }, 90_000, `a ${operation} sync after the request`);
}

/** A fresh idempotency key. */
export const key = (): string => `test-${randomUUID()}`;
