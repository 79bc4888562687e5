import { addPrepaidMonths, CalendarError, expiryNoticeDate, extendPrepaidExpiry, PrepaidMonths } from './index';

describe('prepaid periods', () => {
  it('adds 1, 6 or 12 months, clamped to the end of the month', () => {
    expect(addPrepaidMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addPrepaidMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addPrepaidMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addPrepaidMonths('2026-05-15', 12)).toBe('2027-05-15');
    expect(() => addPrepaidMonths('2026-05-15', 3 as PrepaidMonths)).toThrow(CalendarError);
  });

  it('extends a running period from its expiry, and a lapsed one from the payment date', () => {
    expect(extendPrepaidExpiry({ currentExpiry: '2026-12-31', paidOn: '2026-11-22', months: 6 })).toBe('2027-06-30');
    expect(extendPrepaidExpiry({ currentExpiry: '2026-10-01', paidOn: '2026-11-22', months: 1 })).toBe('2026-12-22');
    expect(extendPrepaidExpiry({ currentExpiry: null, paidOn: '2026-11-22', months: 12 })).toBe('2027-11-22');
  });

  it('dates the expiry notice 10 days before', () => {
    expect(expiryNoticeDate('2027-03-05')).toBe('2027-02-23');
  });
});
