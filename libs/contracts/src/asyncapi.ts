import { stringify } from 'yaml';
import { eventCatalog } from './catalog';
import { CloudEventEnvelope } from './cloud-event';
import { EventContract } from './event-contract';
import { exampleEventOf } from './examples';
import { webhookEventContracts, webhookNameOf } from './webhooks';

/** Plain JSON Schema: TypeBox keeps its metadata under symbol keys, which JSON drops. */
const jsonSchema = (schema: unknown): Record<string, unknown> => JSON.parse(JSON.stringify(schema));

const channelId = (topic: string): string => topic.replace(/\.(\w)/g, (_, c: string) => c.toUpperCase()).replace(/[^\w]/g, '');

function envelopeFor(contract: EventContract): Record<string, unknown> {
  const envelope = jsonSchema(CloudEventEnvelope) as { properties: Record<string, unknown>; required: string[] };
  return {
    ...envelope,
    properties: {
      ...envelope.properties,
      type: { const: contract.type, type: 'string' },
      source: { const: contract.source, type: 'string' },
      data: jsonSchema(contract.data),
    },
  };
}

/** The AsyncAPI 3.0 document of every Obolus event, generated from the contracts. */
export function buildAsyncApiDocument(contracts: readonly EventContract[] = eventCatalog): Record<string, unknown> {
  const offered = new Set<EventContract>(webhookEventContracts);
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};

  for (const contract of contracts) {
    const id = channelId(contract.topic);
    const channel = (channels[id] ??= {
      address: contract.topic,
      description: `Events of the ${contract.topic} stream. Key: ${contract.key ? contract.key.charAt(0).toLowerCase() + contract.key.slice(1) : 'the account id'}. Dead letters go to ${contract.topic}.dlq.`,
      messages: {},
    }) as { messages: Record<string, unknown> };
    channel.messages[contract.type] = { $ref: `#/components/messages/${contract.type}` };
    messages[contract.type] = {
      name: contract.type,
      title: contract.type,
      summary: contract.summary,
      contentType: 'application/cloudevents+json; charset=UTF-8',
      headers: {
        type: 'object',
        properties: {
          traceparent: { type: 'string', description: 'W3C trace context of the publishing operation' },
          'content-type': { type: 'string', const: 'application/cloudevents+json; charset=UTF-8' },
        },
      },
      payload: envelopeFor(contract),
      bindings: { kafka: { key: { type: 'string', description: contract.key ?? 'The account id' }, bindingVersion: '0.5.0' } },
      examples: [
        {
          name: webhookNameOf(contract),
          summary: 'Generated from the contract (libs/contracts/src/examples.ts)',
          payload: exampleEventOf(contract),
        },
      ],
      // Offered to outside integrators as an HTTPS webhook under this name (docs/webhooks.md).
      ...(offered.has(contract) ? { 'x-webhook': { name: webhookNameOf(contract), offered: true } } : {}),
    };
    operations[`publish.${contract.type}`] = {
      action: 'send',
      summary: `Obolus publishes ${contract.type}`,
      channel: { $ref: `#/channels/${id}` },
      messages: [{ $ref: `#/channels/${id}/messages/${contract.type}` }],
    };
  }

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Obolus events',
      version: '1.0.0',
      description:
        'Every event Obolus publishes on Kafka, as CloudEvents 1.0 structured JSON. Topic and event type names are versioned; a breaking change makes a new version. The events marked x-webhook are also delivered to HTTPS webhook endpoints, signed as Standard Webhooks (docs/webhooks.md); x-webhook-events lists their public names.',
      'x-webhook-events': webhookEventContracts.filter((contract) => contracts.includes(contract)).map(webhookNameOf),
    },
    defaultContentType: 'application/cloudevents+json; charset=UTF-8',
    servers: {
      local: { host: '127.0.0.1:9092', protocol: 'kafka', description: 'The local broker started by npm start' },
    },
    channels,
    operations,
    components: { messages },
  };
}

export function renderAsyncApiYaml(contracts: readonly EventContract[] = eventCatalog): string {
  return `# Generated from libs/contracts by \`npm run asyncapi\`. Do not edit by hand.\n${stringify(
    buildAsyncApiDocument(contracts),
    { aliasDuplicateObjects: false, lineWidth: 0 },
  )}`;
}
