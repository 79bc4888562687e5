import { describeProblems } from '@obolus/contracts';
import { DomainError, ErrorKind, FieldProblem } from '@obolus/platform';

export enum SubscriptionsErrorCode {
  CatalogNotFound = 'CATALOG_NOT_FOUND',
  SubscriptionNotFound = 'SUBSCRIPTION_NOT_FOUND',
  SubscriptionAlreadyActive = 'SUBSCRIPTION_ALREADY_ACTIVE',
  PurchaseRefused = 'PURCHASE_REFUSED',
  NoPrice = 'NO_PRICE',
  ChangeRefused = 'CHANGE_REFUSED',
  NotBillable = 'NOT_BILLABLE',
  NotTrialing = 'NOT_TRIALING',
  IdempotencyKeyReused = 'IDEMPOTENCY_KEY_REUSED',
  UnknownFeature = 'UNKNOWN_FEATURE',
  TestClockNotFound = 'TEST_CLOCK_NOT_FOUND',
  TestClockBackwards = 'TEST_CLOCK_BACKWARDS',
  ApiKeyNotFound = 'API_KEY_NOT_FOUND',
}

const kinds: Record<SubscriptionsErrorCode, ErrorKind> = {
  [SubscriptionsErrorCode.CatalogNotFound]: 'not-found',
  [SubscriptionsErrorCode.SubscriptionNotFound]: 'not-found',
  [SubscriptionsErrorCode.SubscriptionAlreadyActive]: 'conflict',
  [SubscriptionsErrorCode.PurchaseRefused]: 'unprocessable',
  [SubscriptionsErrorCode.NoPrice]: 'unprocessable',
  [SubscriptionsErrorCode.ChangeRefused]: 'unprocessable',
  [SubscriptionsErrorCode.NotBillable]: 'conflict',
  [SubscriptionsErrorCode.NotTrialing]: 'conflict',
  [SubscriptionsErrorCode.IdempotencyKeyReused]: 'conflict',
  [SubscriptionsErrorCode.UnknownFeature]: 'invalid',
  [SubscriptionsErrorCode.TestClockNotFound]: 'not-found',
  [SubscriptionsErrorCode.TestClockBackwards]: 'invalid',
  [SubscriptionsErrorCode.ApiKeyNotFound]: 'not-found',
};

/** Every refusal of the subscriptions service, one code each. */
export class SubscriptionsError extends DomainError<SubscriptionsErrorCode> {
  private constructor(code: SubscriptionsErrorCode, message: string, fields: FieldProblem[] = []) {
    super(code, message, fields, kinds[code]);
  }

  static catalogNotFound(code: string): SubscriptionsError {
    return new SubscriptionsError(SubscriptionsErrorCode.CatalogNotFound, `no catalog '${code}'`);
  }

  static subscriptionNotFound(): SubscriptionsError {
    return new SubscriptionsError(SubscriptionsErrorCode.SubscriptionNotFound, 'this account has no subscription yet');
  }

  static alreadyActive(): SubscriptionsError {
    return new SubscriptionsError(
      SubscriptionsErrorCode.SubscriptionAlreadyActive,
      'the subscription is already paid for; change it instead',
    );
  }

  static purchaseRefused(fields: FieldProblem[]): SubscriptionsError {
    return new SubscriptionsError(SubscriptionsErrorCode.PurchaseRefused, describeProblems(fields) || 'no price', fields);
  }

  static noPrice(edition: string, term: string): SubscriptionsError {
    return new SubscriptionsError(SubscriptionsErrorCode.NoPrice, `the catalog has no price for ${edition} (${term})`, [
      { field: 'edition', reason: `has no ${term} price` },
    ]);
  }

  static changeRefused(fields: FieldProblem[]): SubscriptionsError {
    return new SubscriptionsError(SubscriptionsErrorCode.ChangeRefused, describeProblems(fields), fields);
  }

  static unknownFeature(feature: string, known: string[]): SubscriptionsError {
    return new SubscriptionsError(SubscriptionsErrorCode.UnknownFeature, `no feature '${feature}' in this catalog`, [
      { field: 'feature', reason: `must be one of ${known.join(', ')}` },
    ]);
  }

  static notBillable(message: string): SubscriptionsError {
    return new SubscriptionsError(SubscriptionsErrorCode.NotBillable, message);
  }

  static notTrialing(status: string): SubscriptionsError {
    return new SubscriptionsError(
      SubscriptionsErrorCode.NotTrialing,
      `only a trial can be extended; this subscription is ${status}`,
    );
  }

  static idempotencyKeyReused(key: string): SubscriptionsError {
    return new SubscriptionsError(
      SubscriptionsErrorCode.IdempotencyKeyReused,
      `Idempotency-Key '${key}' was already used for a different request`,
      [{ field: 'Idempotency-Key', reason: 'already used with another action, number of days or reason' }],
    );
  }

  static testClockNotFound(): SubscriptionsError {
    return new SubscriptionsError(SubscriptionsErrorCode.TestClockNotFound, 'no such test clock');
  }

  static apiKeyNotFound(): SubscriptionsError {
    return new SubscriptionsError(SubscriptionsErrorCode.ApiKeyNotFound, 'no such API key, or it is already revoked');
  }

  static testClockBackwards(held: Date, wanted: Date): SubscriptionsError {
    return new SubscriptionsError(
      SubscriptionsErrorCode.TestClockBackwards,
      `the test clock is at ${held.toISOString()}; it cannot move back to ${wanted.toISOString()}`,
      [{ field: 'frozenTime', reason: `is before the clock's time ${held.toISOString()}` }],
    );
  }
}
