import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The hand-written camt.053 files in libs/bank-statements/test-fixtures, for specs. */
export function camtFixture(name: string): Buffer {
  return readFileSync(join(__dirname, '..', '..', 'test-fixtures', name));
}
