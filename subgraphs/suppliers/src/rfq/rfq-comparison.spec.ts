import { compareAnswers } from './rfq-comparison';

describe('compareAnswers', () => {
  const a = (supplierId: string, lineNo: number, unitPrice: string, leadTimeDays: number) => ({ supplierId, lineNo, unitPrice, leadTimeDays });

  it('names the cheapest and the fastest answer per line, by exact decimals', () => {
    const [first, second] = compareAnswers([1, 2], [a('X', 1, '10.10', 9), a('Y', 1, '10.09', 20), a('Y', 2, '5', 3), a('X', 2, '5.0000', 3)]);
    expect(first.cheapest?.supplierId).toBe('Y');
    expect(first.fastest?.supplierId).toBe('X');
    expect(first.answers.map((x) => x.supplierId)).toEqual(['Y', 'X']);
    // Equal price and lead time: the order is stable (by supplier id), not arbitrary.
    expect(second.cheapest?.supplierId).toBe('X');
    expect(second.fastest?.supplierId).toBe('X');
  });

  it('breaks a price tie by lead time and a lead-time tie by price', () => {
    const [line] = compareAnswers([1], [a('X', 1, '7', 10), a('Y', 1, '7', 4), a('Z', 1, '6', 4)]);
    expect(line.cheapest?.supplierId).toBe('Z');
    expect(line.fastest?.supplierId).toBe('Z');
    const [tie] = compareAnswers([1], [a('X', 1, '7', 10), a('Y', 1, '7', 4)]);
    expect(tie.cheapest?.supplierId).toBe('Y');
  });

  it('keeps a line nobody answered, with no cheapest and no fastest', () => {
    expect(compareAnswers([3], [a('X', 1, '1', 1)])).toEqual([{ lineNo: 3, answers: [], cheapest: null, fastest: null }]);
  });
});
