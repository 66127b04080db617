import { formatSyncInterval, parseSyncInterval } from './sync-interval';

describe('sync intervals', () => {
  it('reads hh:mm:ss down to seconds', () => {
    expect(parseSyncInterval('00:00:01')).toBe(1);
    expect(parseSyncInterval('00:05:00')).toBe(300);
    expect(parseSyncInterval('24:00:00')).toBe(86400);
    expect(parseSyncInterval('99:59:59')).toBe(359999);
  });

  it.each(['0:05:00', '00:60:00', '00:00:60', '00:00:00', '5m', '', '00:05', '-1:00:00', '00:05:00 '])('rejects %p with BAD_USER_INPUT', (text) => {
    expect(() => parseSyncInterval(text)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'interval' }) }));
  });

  it('formats back', () => {
    expect(formatSyncInterval(3725)).toBe('01:02:05');
    expect(formatSyncInterval(parseSyncInterval('12:34:56'))).toBe('12:34:56');
  });
});
