import { normalizeAddress, normalizeCompanyName } from './normalize-text';

describe('normalised text for the duplicate check', () => {
  it('drops accents, punctuation and legal forms', () => {
    expect(normalizeCompanyName('Ferretería García, S.L.')).toBe('ferreteria garcia');
    expect(normalizeCompanyName('Kowalski Hurtownia Sp. z o.o.')).toBe('kowalski hurtownia');
    expect(normalizeCompanyName('NORDIC  TOOLS AB')).toBe('nordic tools');
  });

  it('joins street, postal code and city', () => {
    expect(normalizeAddress({ street: 'Storgatan 1', postalCode: '111 22', city: 'Stockholm' })).toBe('storgatan 1 11122 stockholm');
  });
});
