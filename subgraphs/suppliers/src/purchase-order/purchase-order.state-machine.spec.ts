import { PurchaseOrderLineStatus as L, PurchaseOrderStatus as S } from './purchase-order-status';
import { assertTransition, canTransition, reachablePairs, statusFromLines } from './purchase-order.state-machine';

describe('purchase order state machine', () => {
  it('lets supplier and buyer negotiate, then the ERP receive', () => {
    expect(canTransition(S.SENT, S.CHANGE_PROPOSED)).toBe(true);
    expect(canTransition(S.CHANGE_PROPOSED, S.CONFIRMED)).toBe(true);
    expect(canTransition(S.CONFIRMED, S.PARTLY_RECEIVED)).toBe(true);
    expect(canTransition(S.PARTLY_RECEIVED, S.RECEIVED)).toBe(true);
  });

  it('refuses going back after confirmation and anything after the end, with CONFLICT', () => {
    expect(canTransition(S.CONFIRMED, S.SENT)).toBe(false);
    expect(canTransition(S.RECEIVED, S.CANCELLED)).toBe(false);
    expect(() => assertTransition(S.CANCELLED, S.CONFIRMED)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'CONFLICT' }) }));
  });

  it('derives a negotiable order\'s status from its lines', () => {
    expect(statusFromLines([{ status: L.CONFIRMED }, { status: L.OPEN }])).toBe(S.SENT);
    expect(statusFromLines([{ status: L.CONFIRMED }, { status: L.CHANGE_PROPOSED }])).toBe(S.CHANGE_PROPOSED);
    expect(statusFromLines([{ status: L.CONFIRMED }, { status: L.CONFIRMED }])).toBe(S.CONFIRMED);
    expect(statusFromLines([])).toBe(S.SENT);
  });

  it('reaches RECEIVED from SENT in several steps (an ERP synced now and then) but never SENT from CONFIRMED', () => {
    const pairs = reachablePairs().map(([a, b]) => `${a}>${b}`);
    expect(pairs).toContain('SENT>RECEIVED');
    expect(pairs).not.toContain('CONFIRMED>SENT');
    expect(pairs).not.toContain('RECEIVED>CANCELLED');
  });
});
