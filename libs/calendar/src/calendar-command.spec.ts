import { calendarCommand } from './index';

async function run(...args: string[]) {
  let out = '';
  let err = '';
  const code = await calendarCommand(args, {
    out: { write: (t: string) => (out += t) },
    err: { write: (t: string) => (err += t) },
  });
  return { code, out, err };
}

describe('obolus calendar', () => {
  it('prints the e-Factura deadline', async () => {
    expect(await run('efactura-deadline', '2026-12-18')).toEqual({ code: 0, out: '2026-12-28\n', err: '' });
  });

  it('adds months with end-of-month clamping', async () => {
    expect(await run('add-months', '2026-08-31', '6')).toEqual({ code: 0, out: '2027-02-28\n', err: '' });
  });

  it('prints the next billing date', async () => {
    expect(await run('next-cycle', '--anchor', '2026-01-31', '--term', 'monthly')).toEqual({
      code: 0,
      out: '2026-03-02\n',
      err: '',
    });
    expect((await run('next-cycle', '--anchor=2026-01-31', '--term=annual', '--after', '2027-02-01')).out).toBe('2028-01-31\n');
  });

  it('extends a prepaid period, lists holidays, tells working days and local dates', async () => {
    expect((await run('extend-prepaid', '--expiry', '2026-08-31', '--paid-on', '2026-08-20', '--months', '6')).out).toBe(
      '2027-02-28\n',
    );
    expect(JSON.parse((await run('holidays', '2026')).out)).toHaveLength(16);
    expect((await run('working-day', '2026-12-25')).out).toBe('false\n');
    expect((await run('local-date', '2026-03-28T22:30:00Z', '--time-zone', 'Europe/Bucharest')).out).toBe('2026-03-29\n');
  });

  it.each([
    [['efactura-deadline', '2026-02-30']],
    [['efactura-deadline']],
    [['add-months', '2026-08-31', 'six']],
    [['next-cycle', '--anchor', '2026-01-31', '--term', 'weekly']],
    [['next-cycle', '--anchor', '2026-01-31']],
    [['next-cycle', '--anchor', '2026-01-31', '--term', 'monthly', '--colour', 'red']],
    [['extend-prepaid', '--paid-on', '2026-08-20', '--months', '3']],
    [['holidays', '1999']],
    [['local-date', '2026-03-28T22:30:00Z', '--time-zone', 'Mars/Olympus']],
    [['frobnicate']],
    [[]],
  ])('refuses %j with one line on stderr and exit 2', async (args) => {
    const result = await run(...args);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toMatch(/^obolus calendar.*\n$/);
    expect(result.err.trim().split('\n')).toHaveLength(1);
  });
});
