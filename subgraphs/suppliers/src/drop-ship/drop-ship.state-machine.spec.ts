import { DropShipOrderStatus as S } from './drop-ship-status';
import { assertTransition, canTransition, erpStatusApplies } from './drop-ship.state-machine';

describe('drop-ship order state machine', () => {
  it('goes OPEN → CONFIRMED → SHIPPED and refuses shipping an unconfirmed order or anything after SHIPPED', () => {
    expect(canTransition(S.OPEN, S.CONFIRMED)).toBe(true);
    expect(canTransition(S.CONFIRMED, S.SHIPPED)).toBe(true);
    expect(canTransition(S.OPEN, S.SHIPPED)).toBe(false);
    expect(() => assertTransition(S.SHIPPED, S.CANCELLED)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'CONFLICT' }) }));
  });

  it('takes the ERP\'s SHIPPED and CANCELLED where they follow, never an older OPEN', () => {
    expect(erpStatusApplies(S.OPEN, S.SHIPPED)).toBe(true);
    expect(erpStatusApplies(S.CONFIRMED, S.CANCELLED)).toBe(true);
    expect(erpStatusApplies(S.CONFIRMED, S.OPEN)).toBe(false);
    expect(erpStatusApplies(S.SHIPPED, S.CANCELLED)).toBe(false);
  });
});
