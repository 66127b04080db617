import Decimal from 'decimal.js';
import { GraphQLScalarType, Kind } from 'graphql';
import { badUserInput } from '@hub/errors';

const DECIMAL_PATTERN = /^-?\d{1,15}(\.\d{1,6})?$/;

/** Parses a decimal from client input; never goes through a JS float. */
export function parseDecimal(value: unknown): Decimal {
  if (typeof value !== 'string' || !DECIMAL_PATTERN.test(value)) {
    throw badUserInput('A Decimal is a string of digits with an optional point, e.g. "12.50".');
  }
  return new Decimal(value);
}

/** Money and quantities travel as strings ("12.50") so no client rounds them through a float. */
export const DecimalScalar = new GraphQLScalarType<Decimal, string>({
  name: 'Decimal',
  description: 'An exact decimal number, as a string such as "1234.50".',
  serialize(value) {
    if (value instanceof Decimal) return value.toFixed();
    if (typeof value === 'string' && DECIMAL_PATTERN.test(value)) return value;
    throw new TypeError(`Decimal cannot serialize ${String(value)}`);
  },
  parseValue: parseDecimal,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw badUserInput('A Decimal literal must be a string, e.g. "12.50".');
    return parseDecimal(ast.value);
  },
});
