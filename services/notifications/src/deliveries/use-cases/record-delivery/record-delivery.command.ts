import { isTemplateName, TemplateData, TemplateName } from '../../../email/compose-email';

/** One e-mail to send for one event: who gets it, and the data its template renders. */
export class RecordDeliveryCommand<T extends TemplateName = TemplateName> {
  private constructor(
    readonly accountId: string,
    readonly template: T,
    readonly locale: string,
    readonly causeEventId: string,
    readonly recipients: string[],
    readonly templateData: TemplateData[T],
  ) {}

  static create<T extends TemplateName>(fields: {
    accountId: string;
    template: T;
    locale: string;
    causeEventId: string;
    recipients: string[];
    templateData: TemplateData[T];
  }): RecordDeliveryCommand<T> {
    if (!isTemplateName(fields.template)) throw new Error(`no template is named '${String(fields.template)}'`);
    const recipients = [...new Set(fields.recipients)];
    if (recipients.length === 0) throw new Error(`a ${fields.template} e-mail needs a recipient`);
    if (!fields.causeEventId) throw new Error('a delivery needs the id of the event that causes it');
    return new RecordDeliveryCommand(
      fields.accountId,
      fields.template,
      fields.locale,
      fields.causeEventId,
      recipients,
      fields.templateData,
    );
  }
}
