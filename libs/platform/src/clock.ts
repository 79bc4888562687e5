import { Injectable } from '@nestjs/common';

/**
 * The one clock of a service. Code never calls `new Date()` for business time, so test clocks can
 * move it (trials, renewals, deadlines) without waiting.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
