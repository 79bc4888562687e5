import type { ValidationFinding, ValidationReport } from '@obolus/ubl';

/**
 * ANAF's wording for a failed rule, as its error files and `validare` show it, e.g.
 * "E: validari globale  SCHEMATRON   eroare: [BR-CO-09]-…". The rule id is always in brackets.
 */
export function ruleMessage(finding: ValidationFinding): string {
  const layer = finding.ruleId === 'UBL-XSD' || finding.ruleId === 'XML-WELL-FORMED' ? 'SCHEMA' : 'SCHEMATRON';
  const where = layer === 'SCHEMA' ? ` (${finding.location})` : '';
  return `E: validari globale  ${layer}   eroare: [${finding.ruleId}]-${finding.message}${where}`;
}

/** The messages of the fatal findings; warnings do not stop an invoice at ANAF either. */
export function fatalMessages(report: ValidationReport): string[] {
  return report.findings.filter((f) => f.severity === 'fatal').map(ruleMessage);
}
