import { passwordWeakness } from './password-policy';

describe('password policy', () => {
  it.each([
    ['short', 'must be at least 12 characters'],
    ['a'.repeat(129), 'must be at most 128 characters'],
    ['abababababab', 'must use at least 5 different characters'],
    ['Password1234', 'is too common'],
    [12345678901234, 'must be a string'],
  ])('refuses %p: %s', (password, reason) => {
    expect(passwordWeakness(password)).toBe(reason);
  });

  it('refuses a password that contains the e-mail address', () => {
    expect(passwordWeakness('ana.popescu-2026!', 'Ana.Popescu@example.ro')).toBe('must not contain the e-mail address');
  });

  it('accepts a long, varied password', () => {
    expect(passwordWeakness('Velvet-harbour-1987', 'ana@example.ro')).toBeUndefined();
    expect(passwordWeakness('correct horse battery staple')).toBeUndefined();
  });
});
