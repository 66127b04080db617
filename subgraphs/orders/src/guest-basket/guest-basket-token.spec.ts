import { loadAuthSecrets } from '@hub/auth';
import { signGuestBasketToken, verifyGuestBasketToken } from './guest-basket-token';

describe('guest basket tokens', () => {
  const secrets = loadAuthSecrets({});
  const id = '6f1c1e2a-3b4c-4d5e-8f90-123456789abc';

  it('gives back the basket id of a token it signed', () => {
    expect(verifyGuestBasketToken(signGuestBasketToken(id, secrets), secrets)).toBe(id);
  });

  it('refuses a changed id, a changed signature, another secret and garbage', () => {
    const token = signGuestBasketToken(id, secrets);
    const other = signGuestBasketToken('00000000-0000-4000-8000-000000000000', secrets);
    expect(() => verifyGuestBasketToken(`${other.split('.').slice(0, 2).join('.')}.${token.split('.')[2]}`, secrets)).toThrow('not one of this shop');
    expect(() => verifyGuestBasketToken(`${token.slice(0, -2)}xx`, secrets)).toThrow('not one of this shop');
    const elsewhere = loadAuthSecrets({ HUB_TOKEN_SECRET: 'another-deployment-token-secret-0123456789' });
    expect(() => verifyGuestBasketToken(token, elsewhere)).toThrow('not one of this shop');
    expect(() => verifyGuestBasketToken('hello', secrets)).toThrow('not one of this shop');
  });
});
