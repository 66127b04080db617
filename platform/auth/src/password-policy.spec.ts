import { checkPasswordPolicy, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-policy';

const refusal = (message: string, field = 'newPassword') => expect.objectContaining({ message, extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field }) });
const TOO_SHORT = 'The password must be at least 10 characters long.';

describe('checkPasswordPolicy', () => {
  it('takes 10 characters and refuses 9', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(10);
    expect(() => checkPasswordPolicy('abcdefghij')).not.toThrow();
    expect(() => checkPasswordPolicy('abcdefghi')).toThrow(refusal(TOO_SHORT));
    expect(() => checkPasswordPolicy('')).toThrow(refusal(TOO_SHORT));
  });

  it('takes 1024 characters and refuses 1025', () => {
    expect(PASSWORD_MAX_LENGTH).toBe(1024);
    const long = (n: number) => 'abcd'.repeat(300).slice(0, n);
    expect(() => checkPasswordPolicy(long(1024))).not.toThrow();
    expect(() => checkPasswordPolicy(long(1025))).toThrow(refusal('The password is too long.'));
  });

  it('refuses a value that is not a string as too short', () => {
    expect(() => checkPasswordPolicy(undefined as unknown as string)).toThrow(refusal(TOO_SHORT));
    expect(() => checkPasswordPolicy(12345678901 as unknown as string)).toThrow(refusal(TOO_SHORT));
  });

  it('refuses a password of 3 distinct characters and takes 4', () => {
    expect(() => checkPasswordPolicy('aaaaaaaaaaaa')).toThrow(refusal('The password must not repeat so few characters.'));
    expect(() => checkPasswordPolicy('abcabcabcabc')).toThrow(refusal('The password must not repeat so few characters.'));
    expect(() => checkPasswordPolicy('abcdabcdabcd')).not.toThrow();
  });

  it('refuses the e-mail address, whatever the case or surrounding blanks on either side', () => {
    const notEmail = refusal('The password must not be your e-mail address.');
    expect(() => checkPasswordPolicy('anna@nordic.example', 'anna@nordic.example')).toThrow(notEmail);
    expect(() => checkPasswordPolicy('ANNA@Nordic.example', 'anna@nordic.example')).toThrow(notEmail);
    expect(() => checkPasswordPolicy('anna@nordic.example', 'Anna@NORDIC.example')).toThrow(notEmail);
    expect(() => checkPasswordPolicy('  anna@nordic.example ', 'anna@nordic.example')).toThrow(notEmail);
    expect(() => checkPasswordPolicy('anna@nordic.example', ' anna@nordic.example  ')).toThrow(notEmail);
    // A password that merely contains the address, or no address to compare with, is fine.
    expect(() => checkPasswordPolicy('anna@nordic.example!', 'anna@nordic.example')).not.toThrow();
    expect(() => checkPasswordPolicy('anna@nordic.example')).not.toThrow();
    expect(() => checkPasswordPolicy('anna@nordic.example', '')).not.toThrow();
  });

  it('names the input field it was given', () => {
    expect(() => checkPasswordPolicy('short', undefined, 'password')).toThrow(refusal(TOO_SHORT, 'password'));
    expect(() => checkPasswordPolicy('x'.repeat(2000), undefined, 'password')).toThrow(refusal('The password is too long.', 'password'));
  });
});
