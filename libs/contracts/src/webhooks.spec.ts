import { TObject } from '@sinclair/typebox';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { eventCatalog } from './catalog';
import { exampleEventOf } from './examples';
import { PasswordResetRequestedV1, UserInvitedV1 } from './identity/events';
import { InvoiceIssuedV1, InvoicePaymentRequestedV1 } from './invoicing/events';
import { PaymentSucceededV1 } from './payments/events';
import { SubscriptionRenewalDueV1 } from './subscriptions/events';
import { TestClockAdvancedV1 } from './subscriptions/test-clock-events';
import { WEBHOOK_EVENT_NAMES, webhookContractOf, webhookEventContracts, webhookNameOf, webhookNameOfType } from './webhooks';

describe('the events offered as webhooks', () => {
  it('have unique public names, in the order of webhookEventContracts', () => {
    expect(new Set(WEBHOOK_EVENT_NAMES).size).toBe(WEBHOOK_EVENT_NAMES.length);
    expect(WEBHOOK_EVENT_NAMES).toEqual(webhookEventContracts.map(webhookNameOf));
    expect(new Set(webhookEventContracts).size).toBe(webhookEventContracts.length);
  });

  it('are events of the catalog, with names of dot-separated lowercase words', () => {
    for (const contract of webhookEventContracts) expect(eventCatalog).toContain(contract);
    for (const name of WEBHOOK_EVENT_NAMES) expect(name).toMatch(/^[a-z][a-z-]*(\.[a-z][a-z-]*)+$/);
  });

  it.each(webhookEventContracts.map((contract) => [webhookNameOf(contract), contract] as const))(
    '%s names its account: a required uuid accountId in its data',
    (_name, contract) => {
      const data = contract.data as TObject;
      expect(data.required).toContain('accountId');
      expect(data.properties.accountId).toMatchObject({ type: 'string', format: 'uuid' });
    },
  );

  it('leave out internal steps, secrets and test clocks', () => {
    for (const hidden of [
      UserInvitedV1,
      PasswordResetRequestedV1,
      InvoicePaymentRequestedV1,
      SubscriptionRenewalDueV1,
      TestClockAdvancedV1,
    ]) {
      expect(webhookEventContracts).not.toContain(hidden);
      expect(webhookNameOfType(hidden.type)).toBeUndefined();
    }
  });
});

describe('webhookNameOf', () => {
  it('drops the obolus.<service>. prefix and the version', () => {
    expect(webhookNameOf(InvoiceIssuedV1)).toBe('invoice.issued');
    expect(webhookNameOf({ type: 'obolus.efactura.document.validated.v1' })).toBe('document.validated');
    expect(webhookNameOf({ type: 'obolus.subscriptions.subscription.trial-started.v1' })).toBe('subscription.trial-started');
    expect(webhookNameOf({ type: 'obolus.efactura-gateway.document.rejected.v12' })).toBe('document.rejected');
  });

  it('refuses a type that is not an Obolus CloudEvents type', () => {
    expect(() => webhookNameOf({ type: 'invoice.issued' })).toThrow("event type 'invoice.issued' has no webhook name");
    expect(() => webhookNameOf({ type: 'obolus.invoicing.invoice.issued' })).toThrow('has no webhook name');
    expect(() => webhookNameOf({ type: 'com.example.invoice.issued.v1' })).toThrow('has no webhook name');
  });

  it('is undone by webhookContractOf, for offered names only', () => {
    for (const contract of webhookEventContracts) {
      expect(webhookContractOf(webhookNameOf(contract))).toBe(contract);
      expect(webhookNameOfType(contract.type)).toBe(webhookNameOf(contract));
    }
    expect(webhookContractOf('user.invited')).toBeUndefined();
    expect(webhookContractOf('constructor')).toBeUndefined();
    expect(webhookContractOf('obolus.invoicing.invoice.issued.v1')).toBeUndefined();
  });
});

describe('docs/webhooks.md', () => {
  const doc = readFileSync(join(__dirname, '../../../docs/webhooks.md'), 'utf8');
  /** The text between `<!-- name:start … -->` and `<!-- name:end -->`. */
  const section = (name: string): string => {
    const match = new RegExp(`<!-- ${name}:start[^>]*-->([\\s\\S]*?)<!-- ${name}:end -->`).exec(doc);
    if (!match) throw new Error(`docs/webhooks.md has no ${name} section`);
    return match[1]!;
  };
  const fenced = (text: string, language: string): string => {
    const match = new RegExp('```' + language + '\\n([\\s\\S]*?)\\n```').exec(text);
    if (!match) throw new Error(`no ${language} block`);
    return match[1]!;
  };

  it('lists exactly the offered events, each with its CloudEvents type', () => {
    const rows = [...section('webhook-events').matchAll(/^\|\s*`([^`]+)`\s*\|\s*`([^`]+)`\s*\|/gm)].map((row) => [
      row[1],
      row[2],
    ]);
    expect(rows).toEqual(webhookEventContracts.map((contract) => [webhookNameOf(contract), contract.type]));
  });

  it('shows the example of invoice.issued as its example body', () => {
    expect(JSON.parse(fenced(section('webhook-example-body'), 'json'))).toEqual(exampleEventOf(InvoiceIssuedV1));
  });

  describe('its example delivery', () => {
    const delivery = section('webhook-example-delivery');
    const [head, body] = fenced(delivery, 'http').split('\n\n') as [string, string];
    const headers = Object.fromEntries(
      head
        .split('\n')
        .slice(1)
        .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]),
    );
    const secret = /Example secret: `(whsec_[^`]+)`/.exec(delivery)![1]!;
    const timestamp = Number(headers['webhook-timestamp']);

    it('carries the example of payment.succeeded, as compact JSON, with the delivery headers', () => {
      expect(body).toBe(JSON.stringify(exampleEventOf(PaymentSucceededV1)));
      expect(headers).toMatchObject({ 'content-type': 'application/json', 'user-agent': 'Obolus-Webhooks/1' });
      expect(headers['webhook-id']).toMatch(/^msg_[0-9a-f]{32}$/);
      expect(Buffer.from(secret.slice('whsec_'.length), 'base64')).toHaveLength(32);
    });

    it('is signed as Standard Webhooks sign: HMAC-SHA256 of id.timestamp.body under the decoded secret', () => {
      const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
      const expected = createHmac('sha256', key).update(`${headers['webhook-id']}.${timestamp}.${body}`).digest('base64');
      expect(headers['webhook-signature']).toBe(`v1,${expected}`);
    });

    it('is accepted by the Node.js snippet of the page, and refused once changed or late', () => {
      const snippet = fenced(doc.slice(doc.indexOf('### Node.js')), 'js')
        .replace(/^import \{([^}]+)\} from '(node:[a-z]+)';$/m, "const {$1} = require('$2');")
        .replace(/^export /m, '');
      type Verify = (secret: string, headers: Record<string, string>, rawBody: Buffer, nowSeconds?: number) => unknown;
      const verify = runInNewContext(`${snippet}\nverifyObolusWebhook`, { require, Buffer }) as Verify;
      expect(verify(secret, headers, Buffer.from(body), timestamp)).toEqual(exampleEventOf(PaymentSucceededV1));
      expect(verify(secret, headers, Buffer.from(body), timestamp + 300)).toBeDefined();
      expect(() => verify(secret, headers, Buffer.from(body.replace('12100', '12101')), timestamp)).toThrow('no valid signature');
      expect(() => verify(secret, headers, Buffer.from(body), timestamp + 301)).toThrow('timestamp');
      const rotated = {
        ...headers,
        'webhook-signature': `v1,${Buffer.alloc(32).toString('base64')} ${headers['webhook-signature']}`,
      };
      expect(verify(secret, rotated, Buffer.from(body), timestamp)).toBeDefined();
    });
  });
});
