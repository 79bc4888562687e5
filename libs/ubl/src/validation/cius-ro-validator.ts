import { XMLValidator } from 'fast-xml-parser';
import { CiusRoSchematron } from './cius-ro-schematron';
import { UblSchemaValidator } from './ubl-schema-validator';
import { validationArtefactsDir } from './validation-artefacts';
import { reportOf, ValidationFinding, ValidationReport, WELL_FORMED_RULE_ID } from './validation-finding';

export interface CiusRoValidatorOptions {
  /** Directory of the official artefacts; OBOLUS_VALIDATION_DIR or libs/ubl/artefacts by default. */
  validationDir?: string;
  /** Run SaxonJS once on a small document so that the first real validation is not slow. */
  warmUp?: boolean;
  /**
   * 'batched' (default): the schematron runs once per validateMany() call on all its well-formed
   * documents. 'per-document': one SaxonJS transformation per document with serialized SVRL, as
   * before; kept as the reference the batched path is compared with (specs, bench/ubl --baseline).
   */
  schematron?: 'batched' | 'per-document';
}

const WARM_UP_DOCUMENT =
  '<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"><cbc:ID>1</cbc:ID></Invoice>';

/**
 * Checks a UBL document as ANAF does before an upload (PRODUCT.md E5): the UBL 2.1 XSD, then the
 * EN 16931 and CIUS-RO 1.0.9 schematron. Create one per process and reuse it.
 */
export class CiusRoValidator {
  private constructor(
    private readonly schema: UblSchemaValidator,
    private readonly schematron: CiusRoSchematron,
    private readonly batched: boolean,
  ) {}

  static create(options: CiusRoValidatorOptions = {}): CiusRoValidator {
    const dir = options.validationDir ?? validationArtefactsDir();
    const validator = new CiusRoValidator(
      UblSchemaValidator.load(dir),
      CiusRoSchematron.load(dir),
      (options.schematron ?? 'batched') === 'batched',
    );
    if (options.warmUp) {
      if (validator.batched) validator.schematron.checkMany([WARM_UP_DOCUMENT]);
      else validator.schematron.check(WARM_UP_DOCUMENT);
    }
    return validator;
  }

  async validate(xml: string): Promise<ValidationReport> {
    const [report] = await this.validateMany([xml]);
    return report;
  }

  /** Validates several documents; the schema layer checks them in one xmllint run, in a worker thread. */
  async validateMany(xmls: string[]): Promise<ValidationReport[]> {
    const wellFormed = xmls.map((xml) => XMLValidator.validate(xml));
    const schemaFindings = xmls.map((xml, i) => (wellFormed[i] === true ? this.schema.validate(xml) : Promise.resolve([])));
    await Promise.resolve(); // lets the xmllint run start in its worker before the schematron takes this thread
    const batchedFindings = this.batched ? this.runSchematronBatch(xmls.filter((_, i) => wellFormed[i] === true)) : [];
    const reports: ValidationReport[] = [];
    for (const [i, xml] of xmls.entries()) {
      const check = wellFormed[i];
      if (check !== true) {
        reports.push(
          reportOf([
            { ruleId: WELL_FORMED_RULE_ID, severity: 'fatal', location: `line ${check.err.line}`, message: check.err.msg },
          ]),
        );
        continue;
      }
      const schematronFindings = (this.batched ? batchedFindings.shift() : undefined) ?? this.runSchematron(xml);
      reports.push(reportOf([...(await schemaFindings[i]), ...schematronFindings]));
    }
    return reports;
  }

  private runSchematron(xml: string): ValidationFinding[] {
    try {
      return this.schematron.check(xml);
    } catch (error) {
      return schematronFailure(error as Error);
    }
  }

  private runSchematronBatch(xmls: string[]): ValidationFinding[][] {
    return this.schematron.checkMany(xmls).map((outcome) => (outcome instanceof Error ? schematronFailure(outcome) : outcome));
  }
}

function schematronFailure(error: Error): ValidationFinding[] {
  return [
    {
      ruleId: 'SCHEMATRON',
      severity: 'fatal',
      location: 'document',
      message: `the schematron could not run: ${error.message}`,
    },
  ];
}
