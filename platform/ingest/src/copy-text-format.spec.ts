import { encodeCopyValue } from './copy-text-format';

describe('COPY text format', () => {
  it('escapes the characters COPY treats specially', () => {
    expect(encodeCopyValue('a\tb\nc\\d\re')).toBe('a\\tb\\nc\\\\d\\re');
  });

  it('writes null as \\N and booleans as t/f', () => {
    expect([null, undefined, true, false, 'x'].map((v) => encodeCopyValue(v))).toEqual(['\\N', '\\N', 't', 'f', 'x']);
  });

  it('writes arrays as array literals and objects as JSON', () => {
    expect(encodeCopyValue(['a', 'b "c"', 'd\\e'])).toBe('{"a","b \\\\"c\\\\"","d\\\\\\\\e"}');
    expect(encodeCopyValue({ street: 'Main\t1' }, true)).toBe('{"street":"Main\\\\t1"}');
  });
});
