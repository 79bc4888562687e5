import { DomainError, ErrorKind, FieldProblem } from '@obolus/contracts';

export type { FieldProblem };

export type UblErrorCode = 'UBL_DOCUMENT_INVALID' | 'UBL_JSON_INVALID' | 'UBL_XML_MALFORMED' | 'UBL_VALIDATION_ARTEFACTS_MISSING';

/** The one error shape of @obolus/ubl: a code, a message, and the fields at fault. */
export class UblError extends DomainError<UblErrorCode> {
  constructor(code: UblErrorCode, message: string, fields: FieldProblem[] = [], kind: ErrorKind = 'unprocessable') {
    super(code, message, fields, kind);
  }
}

/** The document cannot become a valid CIUS-RO document; nothing was written. */
export class UblDocumentRejectedError extends UblError {
  constructor(fields: FieldProblem[]) {
    super('UBL_DOCUMENT_INVALID', describe('document rejected', fields), fields);
  }
}

/** The JSON form of a document does not have the expected shape. */
export class UblJsonFormatError extends UblError {
  constructor(fields: FieldProblem[]) {
    super('UBL_JSON_INVALID', describe('document JSON rejected', fields), fields);
  }
}

/** The text is not well-formed XML, so there is nothing to read. */
export class UblMalformedXmlError extends UblError {
  constructor(reason: string) {
    super('UBL_XML_MALFORMED', `not well-formed XML: ${reason}`, [{ field: 'xml', reason }]);
  }
}

/** The UBL XSD or the CIUS-RO schematron could not be loaded. */
export class ValidationArtefactsMissingError extends UblError {
  constructor(path: string, reason: string) {
    super(
      'UBL_VALIDATION_ARTEFACTS_MISSING',
      `validation artefacts not readable at ${path} (set OBOLUS_VALIDATION_DIR): ${reason}`,
      [{ field: 'OBOLUS_VALIDATION_DIR', reason }],
      'unavailable',
    );
  }
}

function describe(prefix: string, fields: FieldProblem[]): string {
  const shown = fields.slice(0, 5).map((p) => `${p.field}: ${p.reason}`);
  const more = fields.length > 5 ? `; and ${fields.length - 5} more` : '';
  return `${prefix}: ${shown.join('; ')}${more}`;
}
