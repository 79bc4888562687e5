import { staffAlertEmails } from './staff-alert-emails';

describe('STAFF_ALERT_EMAILS', () => {
  it('is none when unset or empty', () => {
    expect(staffAlertEmails(undefined)).toEqual([]);
    expect(staffAlertEmails(' , ')).toEqual([]);
  });

  it('reads a comma-separated list, each address once', () => {
    expect(staffAlertEmails('ops@obolus.example, efactura@obolus.example,ops@obolus.example')).toEqual([
      'ops@obolus.example',
      'efactura@obolus.example',
    ]);
  });

  it('refuses what is not an address', () => {
    expect(() => staffAlertEmails('ops@obolus.example, not an address')).toThrow(/not an address/);
  });
});
