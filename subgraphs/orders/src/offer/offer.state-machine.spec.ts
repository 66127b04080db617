import { HubError } from '@hub/errors';
import { assertTransition, canTransition, changeMakesNewVersion, effectiveStatus, OfferStatus as S, statusesBefore } from './offer.state-machine';

describe('offer state machine', () => {
  it('sends drafts, lets the customer view, accept, partly accept or reject what was sent, and ends there', () => {
    expect(canTransition(S.DRAFT, S.SENT)).toBe(true);
    expect(canTransition(S.DRAFT, S.ACCEPTED)).toBe(false);
    expect(canTransition(S.SENT, S.VIEWED)).toBe(true);
    expect(canTransition(S.VIEWED, S.PARTLY_ACCEPTED)).toBe(true);
    expect(canTransition(S.VIEWED, S.VIEWED)).toBe(false);
    for (const end of [S.ACCEPTED, S.PARTLY_ACCEPTED, S.REJECTED, S.EXPIRED]) {
      expect(Object.values(S).filter((to) => canTransition(end, to))).toEqual([]);
    }
    expect(statusesBefore(S.ACCEPTED).sort()).toEqual([S.SENT, S.VIEWED].sort());
  });

  it('refuses a move that is not allowed with CONFLICT', () => {
    expect(() => assertTransition(S.REJECTED, S.ACCEPTED, 'OF-2026-00001')).toThrow(HubError);
    try {
      assertTransition(S.EXPIRED, S.ACCEPTED, 'OF-2026-00001');
    } catch (e) {
      expect((e as HubError).code).toBe('CONFLICT');
    }
    expect(() => assertTransition(S.SENT, S.ACCEPTED, 'OF-2026-00001')).not.toThrow();
  });

  it('makes a new version for a change after sending, none for a draft, and refuses changes to decided offers', () => {
    expect(changeMakesNewVersion(S.DRAFT)).toBe(false);
    expect(changeMakesNewVersion(S.SENT)).toBe(true);
    expect(changeMakesNewVersion(S.VIEWED)).toBe(true);
    expect(() => changeMakesNewVersion(S.ACCEPTED)).toThrow(/cannot be changed/);
  });

  it('shows an open offer past its last day as EXPIRED, on its last day still open', () => {
    expect(effectiveStatus(S.SENT, '2026-12-01', '2026-12-02')).toBe(S.EXPIRED);
    expect(effectiveStatus(S.VIEWED, '2026-12-02', '2026-12-02')).toBe(S.VIEWED);
    expect(effectiveStatus(S.DRAFT, '2026-12-01', '2026-12-02')).toBe(S.DRAFT);
    expect(effectiveStatus(S.ACCEPTED, '2026-12-01', '2026-12-02')).toBe(S.ACCEPTED);
  });
});
