import { OpenItemEntity } from './open-item.entity';
import { openItemsAsOf } from './open-item.service';

const item = (documentNumber: string, dueDate: string, openAmount: string, currency = 'EUR', documentType = 'INVOICE'): OpenItemEntity =>
  Object.assign(new OpenItemEntity(), { documentNumber, companyId: 'c', documentType, dueDate, amount: openAmount, openAmount, currency });

describe('openItemsAsOf', () => {
  it('counts days overdue from the due date and splits the totals per currency into overdue and not yet due', () => {
    const result = openItemsAsOf('c', [item('I1', '2026-11-01', '100.00'), item('I2', '2026-12-02', '20.50'), item('I3', '2026-12-03', '5.25'), item('I4', '2026-10-02', '300', 'SEK')], '2026-12-02');
    expect(result.items.map((i) => [i.item.documentNumber, i.daysOverdue])).toEqual([['I1', 31], ['I2', 0], ['I3', 0], ['I4', 61]]);
    expect(result.totals.map((t) => [t.currency, t.due.toFixed(2), t.overdue.toFixed(2), t.notYetDue.toFixed(2)])).toEqual([
      ['EUR', '125.75', '100.00', '25.75'],
      ['SEK', '300.00', '300.00', '0.00'],
    ]);
  });

  it('never counts a credit as overdue, and nets it in what is due', () => {
    const result = openItemsAsOf('c', [item('I1', '2026-11-01', '100.00'), item('CN-1', '2026-11-05', '-30.00', 'EUR', 'CREDIT_NOTE')], '2026-12-02');
    expect(result.items.map((i) => i.daysOverdue)).toEqual([31, 0]);
    expect(result.totals.map((t) => [t.due.toFixed(2), t.overdue.toFixed(2), t.notYetDue.toFixed(2)])).toEqual([['70.00', '100.00', '-30.00']]);
  });

  it('has no totals without open items', () => {
    expect(openItemsAsOf('c', [], '2026-12-02')).toEqual({ companyId: 'c', asOf: '2026-12-02', items: [], totals: [] });
  });
});
