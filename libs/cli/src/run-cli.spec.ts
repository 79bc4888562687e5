import { runCli } from './run-cli';

describe('runCli', () => {
  it('refuses an unknown command group with exit code 2 and names it', async () => {
    let err = '';
    const code = await runCli(['nope'], { out: { write: () => true }, err: { write: (t: string) => (err += t) } });
    expect(code).toBe(2);
    expect(err).toContain("unknown command 'nope'");
  });
});
