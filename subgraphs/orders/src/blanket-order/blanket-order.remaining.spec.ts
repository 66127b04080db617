import { remainingOf } from './blanket-order.remaining';
import { BlanketOrderLineData } from './blanket-order.entity';

const lines: BlanketOrderLineData[] = [
  { lineNo: 1, sku: 'A', quantity: '10', unitPrice: '7.25', drawnQuantity: '1', shops: [{ deliveryAddressCode: 'D1', quantity: '6', drawnQuantity: '1' }, { deliveryAddressCode: 'D2', quantity: '4', drawnQuantity: '0' }] },
  { lineNo: 2, sku: 'B', quantity: '5', unitPrice: '3.10', drawnQuantity: '0', shops: null },
];

describe('what remains of a blanket order', () => {
  it("is agreed less the ERP's count less the hub's drawdowns on their way, per line and per shop", () => {
    const r = remainingOf(lines, [{ sku: 'A', shop: 'D2', quantity: '3' }, { sku: 'B', shop: 'D1', quantity: '2' }, { sku: 'B', shop: null, quantity: '1' }]);
    expect(r.map((l) => [l.drawn.toFixed(), l.remaining.toFixed()])).toEqual([['4', '6'], ['3', '2']]);
    expect(r[0].shops!.map((s) => [s.deliveryAddressCode, s.drawn.toFixed(), s.remaining.toFixed()])).toEqual([['D1', '1', '5'], ['D2', '3', '1']]);
    expect(r[1].shops).toBeNull();
  });

  it('never goes below zero when the ERP drew more by hand', () => {
    const r = remainingOf([{ ...lines[1], drawnQuantity: '7' }], []);
    expect(r[0].remaining.toFixed()).toBe('0');
  });
});
