import { loadAuthSecrets, signUnsubscribeToken } from '@hub/auth';
import { as, client, demoUser, failure } from './support/hub-client';

const PREFS = '{ me { id contactPreferences { email sms newsletter } consentHistory { channel granted source } } }';

describe('contact preferences and consents (C7)', () => {
  const user = demoUser(2, 'buyer');

  it('a user gives and withdraws consents, with history; a signed link unsubscribes without signing in', async () => {
    const api = await as(user.email);
    const first = await api.request<{ me: { contactPreferences: Record<string, boolean> } }>(PREFS);
    expect(first.me.contactPreferences).toEqual({ email: false, sms: false, newsletter: false });
    await api.request('mutation { setContactPreferences(input: { email: true, newsletter: true }) { email } }');
    const { setContactPreferences } = await api.request<{ setContactPreferences: Record<string, boolean> }>('mutation { setContactPreferences(input: { sms: true }) { email sms newsletter } }');
    expect(setContactPreferences).toEqual({ email: true, sms: true, newsletter: true });

    const token = await signUnsubscribeToken(user.id, 'NEWSLETTER', loadAuthSecrets());
    expect(await client().request('mutation($t: String!) { unsubscribe(token: $t) }', { t: token })).toEqual({ unsubscribe: true });
    // Twice is harmless.
    await client().request('mutation($t: String!) { unsubscribe(token: $t) }', { t: token });
    const after = await api.request<{ me: { contactPreferences: Record<string, boolean>; consentHistory: Array<{ channel: string; granted: boolean; source: string }> } }>(PREFS);
    expect(after.me.contactPreferences).toEqual({ email: true, sms: true, newsletter: false });
    expect(after.me.consentHistory.filter((h) => h.channel === 'NEWSLETTER')).toEqual([
      { channel: 'NEWSLETTER', granted: false, source: 'UNSUBSCRIBE_LINK' },
      { channel: 'NEWSLETTER', granted: true, source: 'USER' },
    ]);
  });

  it('a forged or tampered link is BAD_USER_INPUT; coworkers do not see your consents', async () => {
    const token = await signUnsubscribeToken(user.id, 'EMAIL', loadAuthSecrets());
    expect((await failure(client().request('mutation($t: String!) { unsubscribe(token: $t) }', { t: `${token.slice(0, -2)}xx` }))).codes).toEqual(['BAD_USER_INPUT']);
    // An access token is not an unsubscribe token.
    const api = await as(user.email);
    const { refreshToken } = await api.request<{ refreshToken: { token: string } }>('mutation { refreshToken { token } }');
    expect((await failure(client().request('mutation($t: String!) { unsubscribe(token: $t) }', { t: refreshToken.token }))).codes).toEqual(['BAD_USER_INPUT']);
    const admin = await as(demoUser(2, 'customer admin').email);
    const { company } = await admin.request<{ company: { users: Array<{ id: string; contactPreferences: unknown }> } }>(
      'query($id: ID!) { company(id: $id) { users { id contactPreferences { email } } } }', { id: user.companyId });
    expect(company.users.find((u) => u.id === user.id)!.contactPreferences).toBeNull();
  });

  it('staff signed in as the user cannot give consent for them', async () => {
    const staff = await as('admin@hub.example');
    const { impersonate } = await staff.request<{ impersonate: { token: string } }>('mutation($id: ID!) { impersonate(userId: $id) { token } }', { id: user.id });
    expect((await failure(client(impersonate.token).request('mutation { setContactPreferences(input: { sms: false }) { sms } }'))).codes).toEqual(['FORBIDDEN']);
  });
});
