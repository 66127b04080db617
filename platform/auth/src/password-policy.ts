import { badUserInput } from '@hub/errors';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 1024;

/**
 * The hub's password policy (NIST 800-63B style: length over composition rules): 10 to 1024
 * characters, not only one repeated character, and not the e-mail address. Throws BAD_USER_INPUT.
 */
export function checkPasswordPolicy(password: string, email?: string, field = 'newPassword'): void {
  if (typeof password !== 'string' || password.length < PASSWORD_MIN_LENGTH) {
    throw badUserInput(`The password must be at least ${PASSWORD_MIN_LENGTH} characters long.`, field);
  }
  if (password.length > PASSWORD_MAX_LENGTH) throw badUserInput('The password is too long.', field);
  if (new Set(password).size < 4) throw badUserInput('The password must not repeat so few characters.', field);
  if (email && password.trim().toLowerCase() === email.trim().toLowerCase()) throw badUserInput('The password must not be your e-mail address.', field);
}
