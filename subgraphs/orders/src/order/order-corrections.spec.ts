import { diffOrderLines, LineState } from './order-corrections';

const line = (lineNo: number, sku: string, quantity: string, unitPrice: string, orderedLineNo: number | null = lineNo): LineState => ({ lineNo, orderedLineNo, sku, quantity, unitPrice });

describe('diffOrderLines', () => {
  const placed = [line(1, 'A', '10.000', '2.5000'), line(2, 'B', '1.000', '99.0000')];

  it('sees no correction in the same lines written differently, or in a split by warehouse and back order', () => {
    expect(diffOrderLines(placed, [line(1, 'A', '10', '2.50'), line(2, 'B', '1', '99.00')])).toEqual([]);
    expect(diffOrderLines(placed, [line(1, 'A', '4', '2.50'), line(2, 'B', '1', '99.00'), line(3, 'A', '6', '2.50', 1)])).toEqual([]);
  });

  it('reports changed quantities, prices and items of an ordered line, before and after', () => {
    expect(diffOrderLines(placed, [line(1, 'A', '4', '2.50'), line(3, 'A', '2', '2.50', 1), line(2, 'C', '1', '95.00')])).toEqual([
      { lineNo: 1, before: { sku: 'A', quantity: '10', unitPrice: '2.5' }, after: { sku: 'A', quantity: '6', unitPrice: '2.5' } },
      { lineNo: 2, before: { sku: 'B', quantity: '1', unitPrice: '99' }, after: { sku: 'C', quantity: '1', unitPrice: '95' } },
    ]);
  });

  it('reports lines the operator removed and added', () => {
    expect(diffOrderLines(placed, [line(1, 'A', '10', '2.50'), line(3, 'D', '5', '1.00', null)])).toEqual([
      { lineNo: 2, before: { sku: 'B', quantity: '1', unitPrice: '99' }, after: null },
      { lineNo: 3, before: null, after: { sku: 'D', quantity: '5', unitPrice: '1' } },
    ]);
  });

  it('compares the lines of ERP-entered orders by their own numbers', () => {
    const erp = [line(1, 'A', '1', '1', null), line(2, 'B', '2', '2', null)];
    expect(diffOrderLines(erp, [line(1, 'A', '1', '1', null), line(2, 'B', '3', '2', null)])).toEqual([
      { lineNo: 2, before: { sku: 'B', quantity: '2', unitPrice: '2' }, after: { sku: 'B', quantity: '3', unitPrice: '2' } },
    ]);
  });
});
