import { statementShape } from './sql-instrumentation';

describe('statementShape', () => {
  it('keeps the statement and drops its literals, so no personal data reaches a span', () => {
    expect(statementShape(`select * from customers.user where email = 'anna@nordic-tools.example' and failed_logins < 5 limit 1`)).toBe('select * from customers.user where email = ? and failed_logins < ? limit ?');
    expect(statementShape(`insert into t (a) values ('it''s', 12.5)`)).toBe('insert into t (a) values (?, ?)');
    expect(statementShape('select * from t where a = $1')).toBe('select * from t where a = $1');
  });
});
