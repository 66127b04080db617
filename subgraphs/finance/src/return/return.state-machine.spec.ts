import { assertTransition, canTransition, statusesBefore } from './return.state-machine';
import { ReturnStatus as S } from './return-status';

const ALL = Object.values(S);

describe('the return state machine', () => {
  const allowed: Array<[S, S]> = [
    [S.FILED, S.ACCEPTED], [S.FILED, S.REJECTED], [S.ACCEPTED, S.LABEL_ISSUED], [S.REJECTED, S.CLOSED], [S.LABEL_ISSUED, S.IN_TRANSIT],
    [S.LABEL_ISSUED, S.RECEIVED], [S.IN_TRANSIT, S.RECEIVED], [S.RECEIVED, S.ASSESSED], [S.ASSESSED, S.CREDITED], [S.ASSESSED, S.EXCHANGED],
    [S.CREDITED, S.CLOSED], [S.EXCHANGED, S.CLOSED],
  ];

  it('allows exactly the listed moves and refuses every other pair with CONFLICT', () => {
    for (const from of ALL) {
      for (const to of ALL) {
        const expected = allowed.some(([a, b]) => a === from && b === to);
        expect([from, to, canTransition(from, to)]).toEqual([from, to, expected]);
        if (expected) expect(() => assertTransition(from, to)).not.toThrow();
        else expect(() => assertTransition(from, to)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'CONFLICT' }) }));
      }
    }
  });

  it('has no way out of CLOSED and no way back to FILED', () => {
    expect(ALL.filter((to) => canTransition(S.CLOSED, to))).toEqual([]);
    expect(statusesBefore(S.FILED)).toEqual([]);
    expect(statusesBefore(S.RECEIVED).sort()).toEqual([S.IN_TRANSIT, S.LABEL_ISSUED].sort());
  });
});
