import { Parser } from '@asyncapi/parser';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderAsyncApiYaml } from './asyncapi';
import { eventCatalog } from './catalog';

describe('AsyncAPI document', () => {
  const yaml = renderAsyncApiYaml();

  it('parses with the AsyncAPI parser without errors, and lists every event of the catalog', async () => {
    const { document, diagnostics } = await new Parser().parse(yaml);
    const errors = diagnostics.filter((d) => d.severity === 0);
    expect(errors.map((e) => `${e.path.join('.')}: ${e.message}`)).toEqual([]);
    expect(document).toBeDefined();
    const names = document!
      .allMessages()
      .all()
      .map((m) => m.name());
    expect(names.sort()).toEqual(eventCatalog.map((c) => c.type).sort());
    const addresses = document!
      .allChannels()
      .all()
      .map((c) => c.address());
    expect(addresses).toEqual(expect.arrayContaining(['identity.account.v1', 'notifications.delivery.v1']));
  });

  it('is the committed docs/asyncapi.yaml (regenerate with npm run asyncapi)', () => {
    const committed = readFileSync(join(__dirname, '../../../docs/asyncapi.yaml'), 'utf8');
    expect(committed).toBe(yaml);
  });
});
