import { DomainError, ErrorKind, FieldProblem } from '@obolus/platform';

export enum TestClocksErrorCode {
  TestClockNotFound = 'TEST_CLOCK_NOT_FOUND',
  TestClockBackwards = 'TEST_CLOCK_BACKWARDS',
}

const kinds: Record<TestClocksErrorCode, ErrorKind> = {
  [TestClocksErrorCode.TestClockNotFound]: 'not-found',
  [TestClocksErrorCode.TestClockBackwards]: 'invalid',
};

/**
 * The refusals of test clocks. (Subscriptions' one error class is `SubscriptionsError`; these codes
 * move there once the subscriptions feature is free to edit.)
 */
export class TestClocksError extends DomainError<TestClocksErrorCode> {
  private constructor(code: TestClocksErrorCode, message: string, fields: FieldProblem[] = []) {
    super(code, message, fields, kinds[code]);
  }

  static notFound(): TestClocksError {
    return new TestClocksError(TestClocksErrorCode.TestClockNotFound, 'no such test clock');
  }

  static backwards(held: Date, wanted: Date): TestClocksError {
    return new TestClocksError(
      TestClocksErrorCode.TestClockBackwards,
      `the test clock is at ${held.toISOString()}; it cannot move back to ${wanted.toISOString()}`,
      [{ field: 'frozenTime', reason: `is before the clock's time ${held.toISOString()}` }],
    );
  }
}
