import { applyIntent, canTransition, statusOfIntent } from './payment.state-machine';
import { PaymentStatus as S } from './payment-status';

const intent = (status: any, received = 0, refunded = 0) => ({ status, amount_received: received, amount_refunded: refunded });
const state = (status: S, capturedAmount: string | null = null, refundedAmount = '0.00') => ({ status, capturedAmount, refundedAmount });

describe('payment state machine', () => {
  it('moves only forwards', () => {
    expect(canTransition(S.AUTHORIZED, S.CAPTURED)).toBe(true);
    expect(canTransition(S.CAPTURED, S.AUTHORIZED)).toBe(false);
    expect(canTransition(S.DECLINED, S.AUTHORIZED)).toBe(false);
    expect(canTransition(S.CANCELLED, S.CAPTURED)).toBe(false);
    expect(canTransition(S.REQUIRES_ACTION, S.CAPTURED)).toBe(true);
  });

  it("reads the provider's statuses", () => {
    expect(statusOfIntent(intent('requires_capture'))).toBe(S.AUTHORIZED);
    expect(statusOfIntent(intent('succeeded', 1000, 400))).toBe(S.CAPTURED);
    expect(statusOfIntent(intent('succeeded', 1000, 1000))).toBe(S.REFUNDED);
    expect(statusOfIntent(intent('requires_payment_method'))).toBe(S.DECLINED);
    expect(statusOfIntent(intent('processing'))).toBeNull();
  });

  it('takes a capture once and ignores a late authorisation after it', () => {
    const captured = applyIntent(state(S.AUTHORIZED), intent('succeeded', 1250));
    expect(captured).toEqual({ status: S.CAPTURED, capturedAmount: '12.50', refundedAmount: '0.00' });
    expect(applyIntent(captured!, intent('succeeded', 1250))).toBeNull();
    expect(applyIntent(captured!, intent('requires_capture'))).toBeNull();
  });

  it('lets refunds only grow, and reaches REFUNDED from an authorised payment whose capture event was missed', () => {
    const part = applyIntent(state(S.CAPTURED, '12.50'), intent('succeeded', 1250, 500));
    expect(part).toEqual({ status: S.CAPTURED, capturedAmount: '12.50', refundedAmount: '5.00' });
    // An older event (before the refund) does not undo it.
    expect(applyIntent(part!, intent('succeeded', 1250, 0))).toBeNull();
    expect(applyIntent(state(S.AUTHORIZED), intent('succeeded', 1250, 1250))).toEqual({ status: S.REFUNDED, capturedAmount: '12.50', refundedAmount: '12.50' });
  });

  it('does not revive a declined or cancelled payment', () => {
    expect(applyIntent(state(S.DECLINED), intent('requires_capture'))).toBeNull();
    expect(applyIntent(state(S.CANCELLED), intent('succeeded', 1000))).toBeNull();
  });
});
