import { demoReferenceDate } from './demo-date';

describe('demoReferenceDate', () => {
  it('is today (UTC) at 08:00', () => {
    expect(demoReferenceDate({}, new Date('2027-03-09T23:59:00Z')).toISOString()).toBe('2027-03-09T08:00:00.000Z');
    expect(demoReferenceDate({}, new Date('2027-03-10T00:00:01Z')).toISOString()).toBe('2027-03-10T08:00:00.000Z');
  });

  it('can be pinned with HUB_DEMO_DATE, and refuses what is not a date', () => {
    expect(demoReferenceDate({ HUB_DEMO_DATE: '2026-11-01' }, new Date('2030-01-01')).toISOString()).toBe('2026-11-01T08:00:00.000Z');
    for (const bad of ['2026-13-01', '01.11.2026', 'today']) expect(() => demoReferenceDate({ HUB_DEMO_DATE: bad })).toThrow(/HUB_DEMO_DATE/);
  });
});
