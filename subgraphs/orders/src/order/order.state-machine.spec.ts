import { assertInitial, assertStatus, assertTransition, canTransition, CREDIT_EXPOSURE_STATUSES, ERP_STATUSES, NOT_DELIVERED_STATUSES, NOT_INVOICED_STATUSES, statusesBefore } from './order.state-machine';
import { OrderStatus } from './order-status';

const S = OrderStatus;
const ALL = Object.values(OrderStatus);

describe('the order state machine', () => {
  it('takes a submitted order through approval and the hold rules to PENDING, or to REJECTED', () => {
    expect(ALL.filter((to) => canTransition(S.AWAITING_APPROVAL, to))).toEqual([S.ON_HOLD, S.REJECTED, S.PENDING]);
    expect(ALL.filter((to) => canTransition(S.ON_HOLD, to))).toEqual([S.REJECTED, S.PENDING]);
  });

  it('starts a new order waiting for its card (public shop), for approval, held or on its way to the ERP, and nothing else', () => {
    expect(ALL.filter((s) => { try { assertInitial(s); return true; } catch { return false; } })).toEqual([S.AWAITING_PAYMENT, S.AWAITING_APPROVAL, S.ON_HOLD, S.PENDING]);
    expect(() => assertInitial(S.CONFIRMED)).toThrow('An order cannot start CONFIRMED.');
  });

  it('sends a public shop order whose card is authorised to the hold rules or the ERP, and rejects one whose card failed; never straight to an ERP status', () => {
    expect(ALL.filter((to) => canTransition(S.AWAITING_PAYMENT, to))).toEqual([S.ON_HOLD, S.REJECTED, S.PENDING]);
  });

  it('never moves a rejected order', () => {
    expect(ALL.filter((to) => canTransition(S.REJECTED, to))).toEqual([]);
  });

  it("lets a PENDING order be confirmed, refused or reported on by the ERP, and a refused one come back once the ERP takes it", () => {
    expect(ALL.filter((to) => canTransition(S.PENDING, to))).toEqual([S.ERP_REFUSED, ...ERP_STATUSES]);
    expect(ALL.filter((to) => canTransition(S.ERP_REFUSED, to))).toEqual(ERP_STATUSES);
    expect(canTransition(S.ERP_REFUSED, S.PENDING)).toBe(false);
  });

  it('follows the ERP once it has the order, and never goes back to a web status', () => {
    for (const from of ERP_STATUSES) {
      expect(ALL.filter((to) => canTransition(from, to))).toEqual(ERP_STATUSES);
    }
  });

  it('answers a move that is not allowed with CONFLICT', () => {
    expect(() => assertTransition(S.PENDING, S.REJECTED)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'CONFLICT' }) }));
    expect(() => assertTransition(S.REJECTED, S.PENDING)).toThrow(/REJECTED cannot become PENDING/);
    expect(() => assertTransition(S.AWAITING_APPROVAL, S.PENDING)).not.toThrow();
  });

  it('answers a decision on an order in another status with CONFLICT', () => {
    expect(() => assertStatus(S.ON_HOLD, S.AWAITING_APPROVAL)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'CONFLICT' }) }));
    expect(() => assertStatus(S.ON_HOLD, S.AWAITING_APPROVAL)).toThrow('The order is ON_HOLD, not AWAITING_APPROVAL: someone decided on it already, or it never needed this decision.');
    expect(() => assertStatus(S.ON_HOLD, S.ON_HOLD)).not.toThrow();
  });

  it('lists the statuses a move may start from, for updates that check them in SQL', () => {
    expect(statusesBefore(S.CONFIRMED)).toEqual([S.PENDING, S.ERP_REFUSED, ...ERP_STATUSES]);
    expect(statusesBefore(S.ERP_REFUSED)).toEqual([S.PENDING]);
    expect(statusesBefore(S.PENDING)).toEqual([S.AWAITING_PAYMENT, S.AWAITING_APPROVAL, S.ON_HOLD]);
  });

  it('counts open orders and credit exposure from the right statuses', () => {
    expect(NOT_DELIVERED_STATUSES).toEqual([S.AWAITING_APPROVAL, S.ON_HOLD, S.PENDING, S.ERP_REFUSED, S.CONFIRMED, S.PICKED, S.SHIPPED, S.READY_FOR_PICKUP]);
    expect(NOT_INVOICED_STATUSES).toContain(S.DELIVERED);
    // Collected in a store: waiting there is not delivered yet; collected is delivered but not invoiced.
    expect(NOT_INVOICED_STATUSES).toContain(S.COLLECTED);
    expect(NOT_DELIVERED_STATUSES).not.toContain(S.COLLECTED);
    for (const closed of [S.INVOICED, S.CANCELLED, S.REJECTED]) expect(NOT_INVOICED_STATUSES).not.toContain(closed);
    expect(CREDIT_EXPOSURE_STATUSES).toEqual([S.PENDING, S.CONFIRMED, S.PICKED, S.SHIPPED, S.DELIVERED, S.READY_FOR_PICKUP, S.COLLECTED]);
  });
});
