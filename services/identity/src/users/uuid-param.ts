import { Param, ParseUUIDPipe } from '@nestjs/common';
import { userNotFound } from './users.errors';

/** A route id that is not a UUID names nothing: 404, before any query. */
export const UserIdParam = (): ParameterDecorator =>
  Param('userId', new ParseUUIDPipe({ exceptionFactory: () => userNotFound() }));
