export type FindingSeverity = 'fatal' | 'warning';

/** One finding of the official rules: a schema error (ruleId UBL-XSD) or a schematron assert. */
export interface ValidationFinding {
  ruleId: string;
  severity: FindingSeverity;
  /** Line number for schema errors, simplified XPath for schematron findings. */
  location: string;
  message: string;
}

export interface ValidationReport {
  /** True when there is no fatal finding: the document may be sent to ANAF. */
  valid: boolean;
  findings: ValidationFinding[];
}

export function reportOf(findings: ValidationFinding[]): ValidationReport {
  return { valid: !findings.some((f) => f.severity === 'fatal'), findings };
}

/** Rule ids the schema layer uses; schematron ids are those of EN 16931 and CIUS-RO. */
export const XSD_RULE_ID = 'UBL-XSD';
export const WELL_FORMED_RULE_ID = 'XML-WELL-FORMED';
