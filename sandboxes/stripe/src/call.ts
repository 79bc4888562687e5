import type { Params } from './form';
import type { RequestInfo, StripeState } from './state';

/** One API call as a resource handler sees it. */
export interface Call {
  state: StripeState;
  params: Params;
  path: Record<string, string>;
  request: RequestInfo;
  /** How long SEPA debits and refunds stay pending before they settle. */
  asyncDelayMs: number;
}
