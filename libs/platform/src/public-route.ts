import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'obolus:auth:public';

/** The route needs no access token (sign-in, sign-up, health, JWKS). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
