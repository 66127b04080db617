import { assertTransition, canTransition, reachablePairs } from './service-request.state-machine';
import { ServiceRequestStatus as S } from './service-request-status';

describe('service request state machine', () => {
  it('allows the repair path and the customer closing goods shipped back', () => {
    expect(canTransition(S.OPENED, S.RECEIVED)).toBe(true);
    expect(canTransition(S.RECEIVED, S.IN_REPAIR)).toBe(true);
    expect(canTransition(S.IN_REPAIR, S.REPAIRED)).toBe(true);
    expect(canTransition(S.REPAIRED, S.SHIPPED_BACK)).toBe(true);
    expect(canTransition(S.SHIPPED_BACK, S.CLOSED)).toBe(true);
  });

  it('refuses moves outside the machine with CONFLICT', () => {
    expect(() => assertTransition(S.OPENED, S.CLOSED)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => assertTransition(S.CLOSED, S.CLOSED)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => assertTransition(S.CANCELLED, S.RECEIVED)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(canTransition(S.REPAIRED, S.IN_REPAIR)).toBe(false);
  });

  it('reaches later statuses through several moves, never earlier ones or past an end', () => {
    const pairs = reachablePairs().map(([f, t]) => `${f}>${t}`);
    expect(pairs).toEqual(expect.arrayContaining(['OPENED>SHIPPED_BACK', 'OPENED>CLOSED', 'RECEIVED>CLOSED', 'IN_REPAIR>SHIPPED_BACK']));
    expect(pairs).not.toContain('REPAIRED>RECEIVED');
    expect(pairs).not.toContain('OPENED>OPENED');
    expect(pairs.filter((p) => p.startsWith('CLOSED>') || p.startsWith('CANCELLED>'))).toEqual([]);
  });
});
