import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Response } from 'express';
import { catchError, Observable, throwError } from 'rxjs';
import { ThrottledError } from './identity.errors';

/** A 429 tells the client when to come back: Retry-After, in seconds. The body keeps the one error shape. */
@Injectable()
export class RetryAfterInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof ThrottledError && context.getType() === 'http') {
          context.switchToHttp().getResponse<Response>().setHeader('retry-after', String(error.retryAfterSeconds));
        }
        return throwError(() => error);
      }),
    );
  }
}
