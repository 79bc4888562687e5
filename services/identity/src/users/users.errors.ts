import { HttpStatus } from '@nestjs/common';
import { ApiError } from '@obolus/platform';

export const userNotFound = (): ApiError => new ApiError(HttpStatus.NOT_FOUND, 'NOT_FOUND', 'no such user in this account');

export const lastOwner = (): ApiError =>
  new ApiError(
    HttpStatus.CONFLICT,
    'LAST_OWNER',
    'the only owner of the account cannot be removed or demoted; make another user owner first',
  );

export const ownersOnly = (): ApiError =>
  new ApiError(HttpStatus.FORBIDDEN, 'FORBIDDEN', 'only an owner can change or remove an owner, or make one');

export const emailTaken = (): ApiError =>
  new ApiError(HttpStatus.CONFLICT, 'EMAIL_TAKEN', 'a user already has this e-mail address', [
    { field: 'email', reason: 'is already registered' },
  ]);
