import { addCalendarMonths, daysInService, isoDate, isUnderWarranty, warrantyEnd } from './warranty-period';

const d = (s: string) => new Date(s);

describe('warranty period', () => {
  it('adds calendar months, keeping to the month end where the day does not exist', () => {
    expect(isoDate(addCalendarMonths(d('2025-03-15T10:00:00Z'), 24))).toBe('2027-03-15');
    expect(isoDate(addCalendarMonths(d('2024-01-31T00:00:00Z'), 1))).toBe('2024-02-29');
    expect(isoDate(addCalendarMonths(d('2025-11-30T23:00:00Z'), 3))).toBe('2026-02-28');
  });

  it('counts calendar days in service, up to today while the workshop has the unit', () => {
    expect(daysInService({ receivedAt: null, shippedBackAt: null })).toBe(0);
    expect(daysInService({ receivedAt: d('2026-01-01T18:00:00Z'), shippedBackAt: d('2026-01-11T08:00:00Z') })).toBe(10);
    expect(daysInService({ receivedAt: d('2026-01-01T10:00:00Z'), shippedBackAt: null }, d('2026-01-04T09:00:00Z'))).toBe(3);
  });

  it('extends the warranty end by the days of every stay; none without a period', () => {
    const stays = [{ receivedAt: d('2025-06-01T00:00:00Z'), shippedBackAt: d('2025-06-08T00:00:00Z') }, { receivedAt: d('2026-01-01T00:00:00Z'), shippedBackAt: null }];
    expect(isoDate(warrantyEnd(d('2025-03-15T12:00:00Z'), 12, stays, d('2026-01-05T00:00:00Z'))!)).toBe('2026-03-26');
    expect(warrantyEnd(d('2025-03-15T12:00:00Z'), null, stays)).toBeNull();
    expect(isUnderWarranty(d('2026-03-26T00:00:00Z'), d('2026-03-26T22:00:00Z'))).toBe(true);
    expect(isUnderWarranty(d('2026-03-26T00:00:00Z'), d('2026-03-27T00:00:00Z'))).toBe(false);
    expect(isUnderWarranty(null)).toBe(false);
  });
});
