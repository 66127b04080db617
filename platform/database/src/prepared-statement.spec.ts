import { toPreparedStatement } from './prepared-statement';

describe('toPreparedStatement', () => {
  it('numbers the placeholders and names the statement after its text', () => {
    const a = toPreparedStatement('select * from t where a = ? and b = any(?::uuid[]) limit ?');
    expect(a.text).toBe('select * from t where a = $1 and b = any($2::uuid[]) limit $3');
    expect(a.name).toMatch(/^hub_[0-9a-f]{24}$/);
    expect(toPreparedStatement('select * from t where a = ? and b = any(?::uuid[]) limit ?')).toEqual(a);
    expect(toPreparedStatement('select * from t where a = ?').name).not.toBe(a.name);
    expect(toPreparedStatement('select 1').text).toBe('select 1');
  });
});
