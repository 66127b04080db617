import { randomUUID } from 'node:crypto';
import { GraphQLClient } from 'graphql-request';
import { as, client, gatewayUrl, failure } from './support/hub-client';
import { caughtMail } from './support/mail-catcher';
import { eventually } from './support/staff-client';

const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
const REQUEST = 'mutation($e: String!) { requestPasswordReset(email: $e) }';
const RESET = 'mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }';
const PASSWORD = 'first-password-1';

async function newUser(prefix: string): Promise<{ id: string; email: string }> {
  const email = `${prefix}-${randomUUID().slice(0, 8)}@baltic-build.example`;
  const admin = await as('kati@baltic-build.example');
  const { createCoworker } = await admin.request<{ createCoworker: { id: string } }>(
    'mutation($input: CreateCoworkerInput!) { createCoworker(input: $input) { id } }', { input: { email, name: prefix, roles: ['BUYER'], password: PASSWORD } });
  return { id: createCoworker.id, email };
}

function resetTokenIn(text: string): string {
  const match = /Reset token: ([A-Za-z0-9_-]+)/.exec(text);
  if (!match) throw new Error(`no reset token in:\n${text}`);
  return match[1];
}

/** A client behind the (trusted, local) proxy that says the request came from `address`. */
const from = (address: string) => new GraphQLClient(gatewayUrl(), { headers: { 'x-forwarded-for': address } });

describe('password reset by e-mail', () => {
  it('sends a single-use link over SMTP; the answer is the same for unknown addresses', async () => {
    const user = await newUser('forgetful');
    const known = await client().request<{ requestPasswordReset: boolean }>(REQUEST, { e: user.email.toUpperCase() });
    const unknown = await client().request<{ requestPasswordReset: boolean }>(REQUEST, { e: `nobody-${randomUUID()}@nowhere.example` });
    expect(known).toEqual(unknown);
    const mail = await eventually(async () => caughtMail(user.email)[0], 10_000, 'the reset mail');
    expect(mail.raw).toMatch(/Subject: Reset your password/);
    const token = resetTokenIn(mail.text);
    const sessionBefore = client((await client().request<{ login: { token: string } }>(LOGIN, { e: user.email, p: PASSWORD })).login.token);

    // The policy applies, and a refused password leaves the token usable.
    expect((await failure(client().request(RESET, { t: token, p: 'short' }))).codes).toEqual(['BAD_USER_INPUT']);
    expect(await client().request(RESET, { t: token, p: 'second-password-2' })).toEqual({ resetPassword: true });
    // Single use.
    expect((await failure(client().request(RESET, { t: token, p: 'third-password-3' }))).codes).toEqual(['BAD_USER_INPUT']);
    expect((await failure(client().request(RESET, { t: 'not-a-real-token-at-all-000000', p: 'third-password-3' }))).codes).toEqual(['BAD_USER_INPUT']);

    await client().request(LOGIN, { e: user.email, p: 'second-password-2' });
    expect((await failure(client().request(LOGIN, { e: user.email, p: PASSWORD }))).codes).toEqual(['UNAUTHENTICATED']);
    // Sessions from before the reset end.
    await eventually(async () => (await failure(sessionBefore.request('{ me { id } }'))).codes.includes('UNAUTHENTICATED'), 5000, 'revocation');

    const staff = await as('admin@hub.example');
    const { auditLog } = await staff.request<{ auditLog: Array<{ action: string; actorId: string | null }> }>(
      'query($u: ID) { auditLog(userId: $u) { action actorId } }', { u: user.id });
    expect(auditLog.map((a) => a.action)).toEqual(expect.arrayContaining(['password.reset.request', 'password.reset']));
  });

  it('sends at most five reset mails per address and window, and still answers the same', async () => {
    const user = await newUser('bombed');
    for (let i = 0; i < 7; i++) expect(await client().request(REQUEST, { e: user.email })).toEqual({ requestPasswordReset: true });
    // Whether a request sends a mail is settled before it answers: each mail sent is one audited reset request,
    // recorded before the mail goes out. So the audit log says how many mails there will be, and no more can come.
    const staff = await as('admin@hub.example');
    const { auditLog } = await staff.request<{ auditLog: Array<{ action: string }> }>('query($u: ID) { auditLog(userId: $u) { action } }', { u: user.id });
    expect(auditLog.filter((a) => a.action === 'password.reset.request')).toHaveLength(5);
    await eventually(async () => caughtMail(user.email).length >= 5, 10_000, 'five mails');
    expect(caughtMail(user.email)).toHaveLength(5);
  });

  it('changePassword checks the current password and the policy, and ends other sessions', async () => {
    const user = await newUser('changer');
    const token = (await client().request<{ login: { token: string } }>(LOGIN, { e: user.email, p: PASSWORD })).login.token;
    const api = client(token);
    const change = 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { token } }';
    expect((await failure(api.request(change, { c: 'wrong-password-0', n: 'new-password-22' }))).codes).toEqual(['BAD_USER_INPUT']);
    expect((await failure(api.request(change, { c: PASSWORD, n: 'aaaaaaaaaaaaaa' }))).codes).toEqual(['BAD_USER_INPUT']);
    const { changePassword } = await api.request<{ changePassword: { token: string } }>(change, { c: PASSWORD, n: 'new-password-22' });
    await eventually(async () => (await failure(api.request('{ me { id } }'))).codes.includes('UNAUTHENTICATED'), 5000, 'revocation');
    await expect(client(changePassword.token).request('{ me { id } }')).resolves.toEqual({ me: { id: user.id } });
  });
});

describe('sign-in throttling', () => {
  it('locks an account after repeated failures, even for the right password, with retryAfterSeconds', async () => {
    const user = await newUser('guessed');
    const address = `198.51.100.${Math.floor(Math.random() * 200) + 1}`;
    for (let i = 0; i < 5; i++) {
      expect((await failure(from(address).request(LOGIN, { e: user.email, p: `wrong-${i}-password` }))).codes).toEqual(['UNAUTHENTICATED']);
    }
    const locked = await failure(from('203.0.113.9').request(LOGIN, { e: user.email, p: PASSWORD }));
    expect(locked.codes).toEqual(['RATE_LIMITED']);
    // From yet another address too, saying when to try again (within the 15-minute lock).
    const again = await failure(client().request(LOGIN, { e: user.email, p: PASSWORD }));
    expect(again.codes).toEqual(['RATE_LIMITED']);
    expect(again.extensions[0].retryAfterSeconds).toBeGreaterThan(0);
    expect(again.extensions[0].retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    // Other accounts are not affected.
    await client().request(LOGIN, { e: 'kati@baltic-build.example', p: 'demo-password' });
  });

  it('locks a client address that fails on many accounts, and only that address', async () => {
    const address = `192.0.2.${Math.floor(Math.random() * 200) + 1}`;
    // 50 failures per address and window by default (HUB_LOGIN_MAX_FAILURES_PER_ADDRESS).
    for (let i = 0; i < 50; i++) {
      await failure(from(address).request(LOGIN, { e: `probe-${i}-${randomUUID().slice(0, 6)}@nowhere.example`, p: 'some-password-1' }));
    }
    expect((await failure(from(address).request(LOGIN, { e: 'kati@baltic-build.example', p: 'demo-password' }))).codes).toEqual(['RATE_LIMITED']);
    await expect(from('192.0.2.250').request(LOGIN, { e: 'kati@baltic-build.example', p: 'demo-password' })).resolves.toBeTruthy();
  });
});
