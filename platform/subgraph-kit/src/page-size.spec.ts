import { checkPageSize } from './page-size';

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { extensions?: { code?: string; field?: string } }).extensions;
  }
  return undefined;
};

describe('checkPageSize', () => {
  it('takes 1 to max and gives a missing value the default (else max)', () => {
    expect(checkPageSize(1, { max: 200 })).toBe(1);
    expect(checkPageSize(200, { max: 200 })).toBe(200);
    expect(checkPageSize(null, { max: 200, default: 50 })).toBe(50);
    expect(checkPageSize(undefined, { max: 200, default: 50 })).toBe(50);
    expect(checkPageSize(undefined, { max: 30 })).toBe(30);
  });

  it.each([0, -1, 201, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %p with BAD_USER_INPUT on the field', (bad) => {
    expect(code(() => checkPageSize(bad, { max: 200 }))).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(code(() => checkPageSize(bad, { max: 200, field: 'lines' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'lines' });
  });
});
