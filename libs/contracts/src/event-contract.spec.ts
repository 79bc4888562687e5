import { AccountCreatedV1 } from './identity/events';
import { assertEventData, EventSchemaError, violationsOf } from './event-contract';

const valid = {
  accountId: '0b9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11',
  ownerUserId: '1c9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11',
  ownerEmail: 'owner@example.fr',
  companyName: 'Atelier Dupont',
  country: 'FR',
  catalog: 'fr-crm',
  signupChannel: 'website',
  locale: 'fr',
  createdAt: '2026-11-22T10:00:00.000Z',
};

describe('event contracts', () => {
  it('accepts a payload that follows the schema', () => {
    expect(violationsOf(AccountCreatedV1, valid)).toEqual([]);
  });

  it('names the field and the reason of each violation', () => {
    const violations = violationsOf(AccountCreatedV1, { ...valid, accountId: 'not-a-uuid', country: 'France', extra: 1 });
    const paths = violations.map((v) => v.path);
    expect(paths).toEqual(expect.arrayContaining(['/accountId', '/country']));
    expect(() => assertEventData(AccountCreatedV1, { ...valid, catalog: 'de-crm' })).toThrow(EventSchemaError);
    expect(() => assertEventData(AccountCreatedV1, { ...valid, catalog: 'de-crm' })).toThrow(/\/catalog/);
  });

  it('rejects a missing required field', () => {
    const { ownerEmail: _omitted, ...missing } = valid;
    expect(violationsOf(AccountCreatedV1, missing).map((v) => v.path)).toContain('/ownerEmail');
  });
});

describe('the event catalog', () => {
  it('uses only formats that the runtime check knows (an unknown format would refuse every event)', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { FormatRegistry } = require('@sinclair/typebox') as typeof import('@sinclair/typebox');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { eventCatalog } = require('./catalog') as typeof import('./catalog');
    const formats = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        const format = (node as { format?: unknown }).format;
        if (typeof format === 'string') formats.add(format);
        Object.values(node).forEach(walk);
      }
    };
    eventCatalog.forEach((contract) => walk(contract.data));
    expect([...formats].filter((f) => !FormatRegistry.Has(f))).toEqual([]);
    expect(formats.size).toBeGreaterThan(3);
  });
});
