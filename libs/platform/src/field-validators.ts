import {
  COUNTRY_CODE_PATTERN,
  isEmailAddress,
  isSeatCount,
  isSignupChannel,
  MAX_SEATS,
  NAME_MAX_LENGTH,
  SIGNUP_CHANNEL_MAX_LENGTH,
  singleLineTextProblem,
} from '@obolus/contracts';
import { ValidateBy, ValidationArguments, ValidationOptions } from 'class-validator';

// DTO decorators for the fields events carry too. Each one reads its rule from @obolus/contracts, the
// same rule the event schema checks, so a request is refused at the edge before anything is written.

const country = new RegExp(COUNTRY_CODE_PATTERN);

export function IsEmailAddress(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isEmailAddress',
      validator: {
        validate: (value) => isEmailAddress(value),
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property} must be an e-mail address of at most 254 characters, name@domain.tld, without quotes, spaces, angle brackets or line breaks`,
      },
    },
    options,
  );
}

/** One line of visible text: not blank, no control characters or line breaks, at most `maxLength`. */
export function IsSingleLineText(maxLength = NAME_MAX_LENGTH, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isSingleLineText',
      constraints: [maxLength],
      validator: {
        validate: (value) => singleLineTextProblem(value, maxLength) === undefined,
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property} ${singleLineTextProblem(args?.value, maxLength) ?? 'is invalid'}`,
      },
    },
    options,
  );
}

export function IsCountryCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCountryCode',
      validator: {
        validate: (value) => typeof value === 'string' && country.test(value),
        defaultMessage: (args?: ValidationArguments) => `${args?.property} must be an ISO 3166-1 alpha-2 code such as FR or RO`,
      },
    },
    options,
  );
}

export function IsSignupChannel(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isSignupChannel',
      validator: {
        validate: (value) => isSignupChannel(value),
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property} must be a lowercase slug of at most ${SIGNUP_CHANNEL_MAX_LENGTH} characters (letters, digits, single hyphens), not a reserved word`,
      },
    },
    options,
  );
}

export function IsSeatCount(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isSeatCount',
      validator: {
        validate: (value) => isSeatCount(value),
        defaultMessage: (args?: ValidationArguments) => `${args?.property} must be a whole number from 1 to ${MAX_SEATS}`,
      },
    },
    options,
  );
}
