import { Decimal } from '@hub/money';
import { availableFrom, stockView, trafficLight } from './stock-view';

const level = (code: string, onHand: string, reserved = '0', nextReceiptDate: string | null = null, nextReceiptQuantity: string | null = null) => ({
  warehouseCode: code, warehouseName: `Warehouse ${code}`, onHand, reserved, nextReceiptDate, nextReceiptQuantity,
});

describe('stock display', () => {
  it('traffic light against the minimum stock', () => {
    expect(trafficLight(new Decimal(0), new Decimal(10))).toBe('RED');
    expect(trafficLight(new Decimal(3), new Decimal(10))).toBe('AMBER');
    expect(trafficLight(new Decimal(10), new Decimal(10))).toBe('GREEN');
  });

  it('shows quantities only under QUANTITY, nothing under HIDDEN', () => {
    const levels = [level('A', '12', '2'), level('B', '0')];
    expect(stockView(levels, '5', 'QUANTITY')).toMatchObject({ status: 'GREEN', quantity: new Decimal(10) });
    const light = stockView(levels, '20', 'TRAFFIC_LIGHT')!;
    expect(light).toMatchObject({ status: 'AMBER', quantity: null });
    expect(light.warehouses.map((w) => [w.code, w.status, w.quantity])).toEqual([['A', 'AMBER', null], ['B', 'RED', null]]);
    expect(stockView(levels, '5', 'HIDDEN')).toBeNull();
  });

  it('promises availability from stock, else from the receipt that covers the quantity', () => {
    const levels = [level('A', '5', '0', '2026-12-10', '20'), level('B', '3', '1', '2026-12-01', '4')];
    expect(availableFrom(levels, 7, '2026-11-22')).toBe('2026-11-22');
    expect(availableFrom(levels, 10, '2026-11-22')).toBe('2026-12-01');
    expect(availableFrom(levels, 20, '2026-11-22')).toBe('2026-12-10');
    expect(availableFrom(levels, 100, '2026-11-22')).toBeNull();
  });
});

describe('availableFrom with open purchase-order lines', () => {
  const levels = [level('A', '5', '0', '2026-12-20', '10')];

  it('promises the day an open purchase-order line covers what stock does not, before the warehouse receipt', () => {
    const incoming = [{ expectedDate: '2026-12-05', quantity: '3' }, { expectedDate: '2026-12-12', quantity: '4' }];
    expect(availableFrom(levels, 8, '2026-11-22', incoming)).toBe('2026-12-05');
    expect(availableFrom(levels, 12, '2026-11-22', incoming)).toBe('2026-12-12');
    expect(availableFrom(levels, 22, '2026-11-22', incoming)).toBe('2026-12-20');
    expect(availableFrom(levels, 23, '2026-11-22', incoming)).toBeNull();
  });

  it('counts an overdue line from today and ignores empty ones', () => {
    expect(availableFrom(levels, 6, '2026-11-22', [{ expectedDate: '2026-11-01', quantity: '1' }])).toBe('2026-11-22');
    expect(availableFrom(levels, 6, '2026-11-22', [{ expectedDate: '2026-11-25', quantity: '0' }])).toBe('2026-12-20');
  });
});
