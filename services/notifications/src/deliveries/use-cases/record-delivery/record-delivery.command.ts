import { Locale, LOCALES } from '@obolus/contracts';
import { checkCommand } from '@obolus/platform';
import { TEMPLATE_NAMES, TemplateData, TemplateName } from '../../../email/templates';

export interface RecordDeliveryInput {
  accountId: string;
  template: TemplateName;
  locale: Locale;
  /** The event that owes the e-mail: a redelivery of it records nothing more. */
  causeEventId: string;
  recipients: string[];
  /** What the template renders: the causing event's data. */
  templateData: TemplateData[TemplateName];
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

  private constructor(input: Readonly<RecordDeliveryInput>) {
    Object.assign(this, input);
  }

  static create(input: RecordDeliveryInput): RecordDeliveryCommand {
    const recipients = Array.isArray(input.recipients) ? [...new Set(input.recipients)] : [];
    return new RecordDeliveryCommand(
      checkCommand('record delivery', { ...input, recipients })
        .uuid('accountId')
        .oneOf('template', TEMPLATE_NAMES)
        .oneOf('locale', LOCALES)
        .string('causeEventId', 255)
        .that(
          'recipients',
          recipients.length > 0 && recipients.every((r) => typeof r === 'string' && r.length > 0),
          'must name at least one recipient',
        )
        .that('templateData', typeof input.templateData === 'object' && input.templateData !== null, 'must be an object')
        .valid(),
    );
  }
}
