import { booleanSetting, portSetting, positiveIntegerSetting, wholeNumberSetting } from './env-settings';

describe('settings from the environment', () => {
  it('gives the fallback when unset or empty', () => {
    expect(positiveIntegerSetting({}, 'N')).toBeUndefined();
    expect(wholeNumberSetting({ N: '' }, 'N', 7)).toBe(7);
    expect(portSetting({ N: ' ' }, 'N', 4000)).toBe(4000);
    expect(booleanSetting({}, 'B', true)).toBe(true);
  });

  it('reads good values, around spaces', () => {
    expect(positiveIntegerSetting({ N: ' 12 ' }, 'N')).toBe(12);
    expect(wholeNumberSetting({ N: '0' }, 'N', 7)).toBe(0);
    expect(portSetting({ N: '65535' }, 'N', 1)).toBe(65535);
    expect(booleanSetting({ B: 'false' }, 'B', true)).toBe(false);
  });

  it('names the variable and the value it refuses', () => {
    expect(() => positiveIntegerSetting({ N: '0' }, 'N')).toThrow('N must be a positive integer, not "0".');
    expect(() => positiveIntegerSetting({ N: '1.5' }, 'N')).toThrow('N must be a positive integer, not "1.5".');
    expect(() => wholeNumberSetting({ N: '-1' }, 'N', 3)).toThrow('N must be a whole number (0 or more), not "-1".');
    expect(() => wholeNumberSetting({ N: '1e3' }, 'N', 3)).toThrow('N must be a whole number (0 or more), not "1e3".');
    expect(() => portSetting({ P: '65536' }, 'P', 1)).toThrow('P must be a port number (0 to 65535), not "65536".');
    expect(() => booleanSetting({ B: 'yes' }, 'B', false)).toThrow('B must be true or false, not "yes".');
  });
});
