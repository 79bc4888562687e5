import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';

export const PASSWORD_MIN_LENGTH = 12;
/** argon2 hashes any length; the cap keeps one request from buying much CPU. */
export const PASSWORD_MAX_LENGTH = 128;

const common = new Set([
  'password1234',
  'password12345',
  'password123456',
  'passwordpassword',
  '123456789012',
  '1234567890123',
  'qwertyuiop12',
  'qwertyuiopas',
  'azertyuiop12',
  'iloveyou1234',
  'administrator',
  'motdepasse12',
  'motdepasse123',
  'parola123456',
  'welcome12345',
  'letmein12345',
  'changeme1234',
  'abcdefghijkl',
]);

/** Why a password is too weak, or undefined when it is acceptable. */
export function passwordWeakness(password: unknown, email?: unknown): string | undefined {
  if (typeof password !== 'string') return 'must be a string';
  if (password.length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  if (new Set(password).size < 5) return 'must use at least 5 different characters';
  if (common.has(password.toLowerCase())) return 'is too common';
  const localPart = typeof email === 'string' ? (email.toLowerCase().split('@')[0] ?? '') : '';
  if (localPart.length >= 4 && password.toLowerCase().includes(localPart)) return 'must not contain the e-mail address';
  return undefined;
}

/** DTO check: the field is a strong enough password (compared against the `email` field when present). */
export function IsStrongPassword(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isStrongPassword',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown, args: ValidationArguments) =>
          passwordWeakness(value, (args.object as { email?: unknown }).email) === undefined,
        defaultMessage: (args: ValidationArguments) =>
          `${args.property} ${passwordWeakness(args.value, (args.object as { email?: unknown }).email)}`,
      },
    });
}
