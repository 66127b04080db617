import { badUserInput } from '@hub/errors';

/**
 * A list's `first` argument: a whole number from 1 to `max`; a missing (null) value means
 * `default` (or `max` when none is given). Anything else is the client's mistake (BAD_USER_INPUT).
 */
export function checkPageSize(first: number | null | undefined, limits: { max: number; default?: number; field?: string }): number {
  const size = first ?? limits.default ?? limits.max;
  if (!Number.isInteger(size) || size < 1 || size > limits.max) {
    throw badUserInput(`first must be between 1 and ${limits.max}.`, limits.field ?? 'first');
  }
  return size;
}
