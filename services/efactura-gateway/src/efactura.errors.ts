import { DomainError, ErrorKind, FieldProblem } from '@obolus/platform';

export enum EfacturaErrorCode {
  DocumentNotFound = 'DOCUMENT_NOT_FOUND',
}

const kinds: Record<EfacturaErrorCode, ErrorKind> = {
  [EfacturaErrorCode.DocumentNotFound]: 'not-found',
};

/** Every refusal of the e-Factura gateway, one code each. */
export class EfacturaError extends DomainError<EfacturaErrorCode> {
  private constructor(code: EfacturaErrorCode, message: string, fields: FieldProblem[] = []) {
    super(code, message, fields, kinds[code]);
  }

  static documentNotFound(): EfacturaError {
    return new EfacturaError(EfacturaErrorCode.DocumentNotFound, 'no e-Factura XML for this invoice');
  }
}
