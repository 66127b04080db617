import { jwtVerify, SignJWT } from 'jose';
import { GatewayAssertionSigner, verifyGatewayAssertion } from './gateway-assertion';
import { loadAuthSecrets } from './secrets';

const secrets = loadAuthSecrets({});
const request = { subgraph: 'orders', body: '{"query":"{ me { id } }"}', bearer: 'user-token' };
const refused = { extensions: { code: 'FORBIDDEN' } };
const part = (json: object) => Buffer.from(JSON.stringify(json)).toString('base64url');

describe('gateway assertion', () => {
  const signer = new GatewayAssertionSigner(secrets);

  it('verifies for exactly the subgraph, body and token it was signed for', async () => {
    const assertion = signer.sign(request);
    await expect(verifyGatewayAssertion(assertion, request, secrets)).resolves.toBeUndefined();
    for (const other of [{ ...request, subgraph: 'products' }, { ...request, body: '{"query":"{ me { email } }"}' }, { ...request, bearer: 'another-token' }, { ...request, bearer: undefined }]) {
      await expect(verifyGatewayAssertion(assertion, other, secrets)).rejects.toMatchObject(refused);
    }
  });

  it('is a standard HS256 JWT: jose verifies ours, and ours accepts one jose signed', async () => {
    const { payload, protectedHeader } = await jwtVerify(signer.sign(request), secrets.gatewaySecret, { issuer: 'erp-hub-gateway', audience: 'erp-hub-subgraph:orders', algorithms: ['HS256'] });
    expect(protectedHeader.alg).toBe('HS256');
    expect(payload.exp! - payload.iat!).toBe(60);
    const fromJose = await new SignJWT({ tok: payload.tok, body: payload.body }).setProtectedHeader({ alg: 'HS256' }).setIssuer('erp-hub-gateway').setAudience('erp-hub-subgraph:orders').setIssuedAt().setExpirationTime('60s').sign(secrets.gatewaySecret);
    await expect(verifyGatewayAssertion(fromJose, request, secrets)).resolves.toBeUndefined();
  });

  it('refuses a missing, malformed, tampered, foreign-key or unsigned assertion', async () => {
    const [header, payload] = signer.sign(request).split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const foreign = new GatewayAssertionSigner({ ...secrets, gatewaySecret: new TextEncoder().encode('x'.repeat(48)) }).sign(request);
    const tampered = `${header}.${part({ ...claims, aud: 'erp-hub-subgraph:finance' })}.${signer.sign(request).split('.')[2]}`;
    const unsigned = `${part({ alg: 'none' })}.${payload}.`;
    for (const bad of [undefined, '', 'a.b', 'a.b.c.d', 'not.a.jwt', tampered, foreign, unsigned]) {
      await expect(verifyGatewayAssertion(bad, request, secrets)).rejects.toMatchObject(refused);
    }
  });

  it('refuses another algorithm even when the HMAC over it is right', async () => {
    const { createHmac } = await import('node:crypto');
    const [, payload] = signer.sign(request).split('.');
    const header = part({ alg: 'HS512' });
    const signature = createHmac('sha256', secrets.gatewaySecret).update(`${header}.${payload}`).digest('base64url');
    await expect(verifyGatewayAssertion(`${header}.${payload}.${signature}`, request, secrets)).rejects.toMatchObject(refused);
  });

  it('ends after a minute (with a few seconds for clocks), and is not good before it was issued', async () => {
    const now = Date.parse('2026-12-02T12:00:00Z');
    const assertion = signer.sign(request, now);
    await expect(verifyGatewayAssertion(assertion, request, secrets, now + 59_000)).resolves.toBeUndefined();
    await expect(verifyGatewayAssertion(assertion, request, secrets, now + 66_000)).rejects.toMatchObject(refused);
    await expect(verifyGatewayAssertion(assertion, request, secrets, now - 10_000)).rejects.toMatchObject(refused);
  });
});
