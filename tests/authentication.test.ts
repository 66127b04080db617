import { SignJWT } from 'jose';
import { GraphQLClient } from 'graphql-request';
import { GatewayAssertionSigner, loadAuthSecrets, signAccessToken } from '@hub/auth';
import { directSubgraphClient } from './support/direct-subgraph';
import { DEMO_PASSWORD } from '@hub/demo-data';
import { client, demoUser, failure, subgraphUrls, tokenFor } from './support/hub-client';

const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token expiresAt user { email kind } } }';
const ME = '{ me { id email kind company { name } } }';

describe('login', () => {
  const user = demoUser(1, 'buyer');

  it('returns a token that identifies the user', async () => {
    const { login } = await client().request<{ login: { token: string; expiresAt: string; user: { email: string; kind: string } } }>(LOGIN, { e: user.email.toUpperCase(), p: DEMO_PASSWORD });
    expect(login.user).toEqual({ email: user.email, kind: 'CUSTOMER' });
    expect(new Date(login.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const { me } = await client(login.token).request<{ me: { id: string; company: { name: string } } }>(ME);
    expect(me.id).toBe(user.id);
  });

  it('answers a wrong password and an unknown e-mail the same way: UNAUTHENTICATED', async () => {
    const wrong = await failure(client().request(LOGIN, { e: user.email, p: 'not-the-password' }));
    const unknown = await failure(client().request(LOGIN, { e: 'nobody@nowhere.example', p: DEMO_PASSWORD }));
    expect(wrong.codes).toEqual(['UNAUTHENTICATED']);
    expect(unknown.codes).toEqual(['UNAUTHENTICATED']);
    expect(wrong.messages).toEqual(unknown.messages);
  });

  it('rejects a malformed e-mail and an empty password with BAD_USER_INPUT', async () => {
    expect((await failure(client().request(LOGIN, { e: 'not-an-email', p: 'x' }))).codes).toEqual(['BAD_USER_INPUT']);
    expect((await failure(client().request(LOGIN, { e: user.email, p: '' }))).codes).toEqual(['BAD_USER_INPUT']);
  });
});

describe('tokens at the gateway', () => {
  it('requires a token for me: UNAUTHENTICATED', async () => {
    expect((await failure(client().request(ME))).codes).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses a token signed with another key with HTTP 401', async () => {
    const forged = await new SignJWT({ kind: 'STAFF', perm: ['staff.admin'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(demoUser(0, 'buyer').id)
      .setIssuer('erp-hub')
      .setAudience('erp-hub')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('an-attacker-secret-that-is-long-enough-000000'));
    const result = await failure(client(forged).request(ME));
    expect(result.status).toBe(401);
    expect(result.codes).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses an expired token and a malformed Authorization header', async () => {
    const secrets = loadAuthSecrets();
    const past = new Date(Date.now() - 10 * 3600_000);
    const { token } = await signAccessToken({ userId: demoUser(0, 'buyer').id, kind: 'CUSTOMER', companyId: null, supplierId: null, permissions: [] }, { ...secrets, tokenTtlSeconds: 60 }, past);
    const expired = await failure(client(token).request(ME));
    expect(expired.codes).toEqual(['UNAUTHENTICATED']);
    expect(expired.messages[0]).toMatch(/expired/);
    const basic = new GraphQLClient(process.env.HUB_TEST_GATEWAY_URL!, { headers: { authorization: 'Basic abc' } });
    expect((await failure(basic.request(ME))).codes).toEqual(['UNAUTHENTICATED']);
  });
});

describe('subgraphs refuse requests that did not come through the gateway', () => {
  it('without the gateway assertion: HTTP 403 FORBIDDEN, even with a valid user token', async () => {
    const token = await tokenFor(demoUser(0, 'customer admin').email);
    for (const url of Object.values(subgraphUrls())) {
      const result = await failure(new GraphQLClient(url, { headers: { authorization: `Bearer ${token}` } }).request('{ __typename }'));
      expect(result.status).toBe(403);
      expect(result.codes).toEqual(['FORBIDDEN']);
    }
  });

  it('with an assertion signed by another key: FORBIDDEN', async () => {
    const fake = new GatewayAssertionSigner({ ...loadAuthSecrets(), gatewaySecret: new TextEncoder().encode('x'.repeat(48)) });
    const result = await failure(directSubgraphClient('customers', undefined, () => ({}), fake).request('{ __typename }'));
    expect(result.codes).toEqual(['FORBIDDEN']);
  });

  it('with a genuine assertion replayed for another token: FORBIDDEN', async () => {
    const token = await tokenFor(demoUser(0, 'buyer').email);
    const result = await failure(directSubgraphClient('customers', token, () => ({ bearer: undefined })).request(ME));
    expect(result.codes).toEqual(['FORBIDDEN']);
  });

  it('with a genuine assertion captured for another operation (or other variables): FORBIDDEN', async () => {
    const token = await tokenFor(demoUser(0, 'buyer').email);
    const captured = JSON.stringify({ query: '{ __typename }' });
    expect((await failure(directSubgraphClient('customers', token, () => ({ body: captured })).request(ME))).codes).toEqual(['FORBIDDEN']);
    const withOtherVariables = (body: string) => ({ body: body.replace('"n":1', '"n":2') });
    expect((await failure(directSubgraphClient('orders', token, withOtherVariables).request('query($n: Int!) { orders(first: $n) { totalCount } }', { n: 1 }))).codes).toEqual(['FORBIDDEN']);
  });

  it('with a genuine assertion for another subgraph: FORBIDDEN', async () => {
    const token = await tokenFor(demoUser(0, 'buyer').email);
    for (const [subgraph, other] of [['customers', 'orders'], ['orders', 'customers'], ['products', 'finance']]) {
      const result = await failure(directSubgraphClient(subgraph, token, () => ({ subgraph: other })).request('{ __typename }'));
      expect({ subgraph, codes: result.codes }).toEqual({ subgraph, codes: ['FORBIDDEN'] });
    }
  });

  it('with a genuine assertion for exactly this subgraph, body and token: answers (the positive control)', async () => {
    const token = await tokenFor(demoUser(0, 'buyer').email);
    const { me } = await directSubgraphClient('customers', token).request<{ me: { id: string } }>('{ me { id } }');
    expect(me.id).toBe(demoUser(0, 'buyer').id);
  });
});
