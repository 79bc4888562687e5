import { billingCycle, CalendarError, prorationDays } from './index';

describe('prorationDays', () => {
  const cycle = billingCycle('2026-01-31', 'monthly', 1); // 2026-03-02 .. 2026-04-01

  it('counts the change day and the days after it up to the period end', () => {
    expect(prorationDays(cycle, '2026-03-02')).toEqual({ remainingDays: 30, periodDays: 30 });
    expect(prorationDays(cycle, '2026-03-16')).toEqual({ remainingDays: 16, periodDays: 30 });
    expect(prorationDays(cycle, '2026-03-31')).toEqual({ remainingDays: 1, periodDays: 30 });
    expect(prorationDays(billingCycle('2027-01-01', 'annual', 0), '2027-12-31')).toEqual({ remainingDays: 1, periodDays: 365 });
  });

  it('refuses a change outside the period', () => {
    expect(() => prorationDays(cycle, '2026-04-01')).toThrow(CalendarError);
    expect(() => prorationDays(cycle, '2026-03-01')).toThrow(CalendarError);
  });
});
