import { Type } from '@sinclair/typebox';
import { CalendarDate, Instant, Uuid } from '../common';
import { defineEvent, EventData } from '../event-contract';
import { Topics } from '../topics';

export const EfacturaDocumentValidatedV1 = defineEvent({
  type: 'obolus.efactura.document.validated.v1',
  topic: Topics.efacturaDocument,
  source: '/obolus/efactura-gateway',
  summary: 'The CIUS-RO XML of an invoice was built and checked against the UBL 2.1 XSD and the CIUS-RO schematron (E1, E5).',
  data: Type.Object(
    {
      accountId: Uuid('The account'),
      documentId: Uuid('The stored XML document'),
      invoiceId: Uuid('The invoice'),
      invoiceNumber: Type.String(),
      valid: Type.Boolean({ description: 'No fatal finding: the document may be uploaded' }),
      fatalFindings: Type.Integer({ minimum: 0 }),
      warningFindings: Type.Integer({ minimum: 0 }),
      uploadDeadline: CalendarDate('Last day to reach ANAF (E2)'),
      validatedAt: Instant('When the checks ran'),
    },
    { additionalProperties: false },
  ),
});
export type EfacturaDocumentValidatedV1Data = EventData<typeof EfacturaDocumentValidatedV1>;
