import { Locale, LOCALES } from '@obolus/contracts';
import { checkCommand } from '@obolus/platform';
import { TEMPLATE_NAMES, TemplateData, TemplateName } from '../../../email/templates';

export interface RecordDeliveryInput {
  accountId: string;
  template: TemplateName;
  /** Undefined when neither the event nor its catalog names a language: refused. */
  locale: Locale | undefined;
  /** The event that owes the e-mail: a redelivery of it records nothing more. */
  causeEventId: string;
  recipients: string[];
  /** What the template renders: the causing event's data. */
  templateData: TemplateData[TemplateName];
  /** Why the event owes no e-mail after all (it names nobody to send it to): then nothing is recorded. */
  noneOwedBecause?: string;
}

/** One e-mail to send for one event: who gets it, in which language, and the data its template renders. */
export class RecordDeliveryCommand {
  readonly accountId!: string;
  readonly template!: TemplateName;
  readonly locale!: Locale;
  readonly causeEventId!: string;
  /** Each address once. */
  readonly recipients!: string[];
  readonly templateData!: TemplateData[TemplateName];
  /** Set when the event owes no e-mail: no recipient, nothing to record. */
  readonly noneOwedBecause?: string;

  private constructor(input: Readonly<RecordDeliveryInput>) {
    Object.assign(this, input);
  }

  static create(input: RecordDeliveryInput): RecordDeliveryCommand {
    const recipients = Array.isArray(input.recipients) ? [...new Set(input.recipients)] : [];
    const noneOwed = input.noneOwedBecause !== undefined;
    return new RecordDeliveryCommand(
      checkCommand('record delivery', { ...input, recipients })
        .uuid('accountId')
        .oneOf('template', TEMPLATE_NAMES)
        .that('locale', noneOwed || LOCALES.includes(input.locale as Locale), `must be one of ${LOCALES.join(', ')}`)
        .string('causeEventId', 255)
        .that(
          'recipients',
          noneOwed || (recipients.length > 0 && recipients.every((r) => typeof r === 'string' && r.length > 0)),
          'must name at least one recipient',
        )
        .that('recipients', !noneOwed || recipients.length === 0, 'must be empty when no e-mail is owed')
        .that(
          'noneOwedBecause',
          !noneOwed || (typeof input.noneOwedBecause === 'string' && input.noneOwedBecause.length > 0),
          'must say why no e-mail is owed',
        )
        .that('templateData', typeof input.templateData === 'object' && input.templateData !== null, 'must be an object')
        .valid(),
    );
  }
}
