import { formatSyncInterval, parseSyncInterval } from './sync-interval';

const refusal = (message: string) => expect.objectContaining({ message, extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'interval' }) });
const FORMAT = 'An interval is written hh:mm:ss, e.g. "00:05:00".';

describe('sync intervals', () => {
  it('reads hh:mm:ss down to seconds', () => {
    expect(parseSyncInterval('00:00:01')).toBe(1);
    expect(parseSyncInterval('00:05:00')).toBe(300);
    expect(parseSyncInterval('24:00:00')).toBe(86400);
    expect(parseSyncInterval('99:59:59')).toBe(359999);
  });

  it.each(['0:05:00', '00:60:00', '00:00:60', '5m', '', '00:05', '-1:00:00', '00:05:00 ', ' 00:05:00', '00:05:000'])('rejects %p as not hh:mm:ss', (text) => {
    expect(() => parseSyncInterval(text)).toThrow(refusal(FORMAT));
  });

  it('rejects three digits of hours, which would otherwise read as the last two (123:00:00 is not 23 hours)', () => {
    expect(() => parseSyncInterval('123:00:00')).toThrow(refusal(FORMAT));
    expect(() => parseSyncInterval('100:00:00')).toThrow(refusal(FORMAT));
  });

  it('rejects an interval of zero, saying the range', () => {
    expect(() => parseSyncInterval('00:00:00')).toThrow(refusal('An interval is between 00:00:01 and 99:59:59.'));
  });

  it('formats back', () => {
    expect(formatSyncInterval(3725)).toBe('01:02:05');
    expect(formatSyncInterval(parseSyncInterval('12:34:56'))).toBe('12:34:56');
    expect(formatSyncInterval(359999)).toBe('99:59:59');
  });
});
