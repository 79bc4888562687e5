import { Param, ParseUUIDPipe } from '@nestjs/common';
import { IdentityError } from '../identity.errors';

/** A route id that is not a UUID names nothing: 404, before any query. */
export const UserIdParam = (): ParameterDecorator =>
  Param('userId', new ParseUUIDPipe({ exceptionFactory: () => IdentityError.notFound('no such user in this account') }));
