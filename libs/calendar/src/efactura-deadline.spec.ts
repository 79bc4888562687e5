import { efacturaDeadline, efacturaDeadlineRule } from './index';

describe('RO e-Factura submission deadline (PRODUCT E2)', () => {
  it.each([
    // From 2026-01-01: 5 working days after issue (OUG 89/2025).
    ['2026-12-18', '2026-12-28', 'Christmas: Fri 25 off'],
    ['2026-12-22', '2026-12-30', 'Christmas'],
    ['2026-12-23', '2026-12-31', 'Christmas'],
    ['2026-12-24', '2027-01-04', 'Christmas and New Year'],
    ['2026-12-25', '2027-01-04', 'issued on a holiday'],
    ['2026-12-29', '2027-01-08', 'New Year, Epiphany, St John'],
    ['2026-12-31', '2027-01-12', 'New Year, Epiphany, St John'],
    ['2026-01-01', '2026-01-13', 'first day of the rule, a holiday'],
    ['2026-01-05', '2026-01-14', 'Epiphany and St John'],
    ['2026-04-08', '2026-04-17', 'Orthodox Easter 2026: Good Friday 10, Easter Monday 13'],
    ['2026-04-09', '2026-04-20', 'Orthodox Easter 2026: the count runs on past Easter week'],
    ['2027-04-28', '2027-05-07', 'Orthodox Easter 2027: Good Friday 30, 1 May, Easter Monday 3'],
    ['2026-05-28', '2026-06-05', "Pentecost and Whit Monday / Children's Day"],
    ['2026-11-27', '2026-12-08', 'St Andrew and National Day'],
    ['2026-11-23', '2026-12-02', 'St Andrew and National Day on Monday and Tuesday'],
    ['2026-11-09', '2026-11-16', 'plain week: the weekend only'],
    // Until 2025-12-31: 5 calendar days after issue, whatever day it lands on.
    ['2025-12-31', '2026-01-05', 'last day of the calendar-day rule'],
    ['2025-12-22', '2025-12-27', 'lands on a Saturday'],
    ['2025-12-27', '2026-01-01', 'lands on New Year'],
    ['2025-04-17', '2025-04-22', 'Orthodox Easter 2025'],
    ['2024-02-26', '2024-03-02', 'leap year'],
  ])('issued %s is due %s (%s)', (issued, due) => {
    expect(efacturaDeadline(issued)).toBe(due);
  });

  it('dates the rule by the issue date', () => {
    expect(efacturaDeadlineRule('2025-12-31')).toMatchObject({ dayKind: 'calendar', days: 5 });
    expect(efacturaDeadlineRule('2026-01-01')).toMatchObject({ dayKind: 'working', days: 5 });
  });
});
