import { dashboardDay } from './staff-dashboard-day';

describe('dashboardDay', () => {
  it('is a UTC calendar day, today by default', () => {
    expect(dashboardDay('2026-12-03')).toEqual({ day: '2026-12-03', from: new Date('2026-12-03T00:00:00Z'), to: new Date('2026-12-04T00:00:00Z') });
    expect(dashboardDay(null, new Date('2026-02-28T23:59:59Z')).day).toBe('2026-02-28');
  });

  it('refuses what is not a real day', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '03.12.2026', '2026-12-3', '']) expect(() => dashboardDay(bad)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });
});
