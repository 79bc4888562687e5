import { AccountCreatedV1Data, InvoiceIssuedV1Data, PasswordResetRequestedV1Data, UserInvitedV1Data } from '@obolus/contracts';
import { PermanentDeliveryError } from '../deliveries/delivery-failure';
import { templates } from './templates';

/** The data each template renders: the data of the event that causes the e-mail. */
export interface TemplateData {
  welcome: AccountCreatedV1Data;
  'invoice-issued': InvoiceIssuedV1Data;
  'password-reset': PasswordResetRequestedV1Data;
  'user-invited': UserInvitedV1Data;
}

export type TemplateName = keyof TemplateData;

/** A document to attach, known by reference; its owner serves the bytes. */
export interface InvoicePdfReference {
  kind: 'invoice-pdf';
  invoiceId: string;
  filename: string;
  sha256: string;
}

export interface ComposedEmail {
  subject: string;
  text: string;
  attachments: InvoicePdfReference[];
}

const composers: { [T in TemplateName]: (data: TemplateData[T]) => ComposedEmail } = {
  welcome: (data) => ({ ...templates.welcome(data), attachments: [] }),
  'invoice-issued': (data) => ({
    ...templates.invoiceIssued(data),
    attachments: [{ kind: 'invoice-pdf', invoiceId: data.invoiceId, filename: data.pdf.filename, sha256: data.pdf.sha256 }],
  }),
  'password-reset': (data) => ({ ...templates.passwordReset(data), attachments: [] }),
  'user-invited': (data) => ({ ...templates.userInvited(data), attachments: [] }),
};

export function isTemplateName(name: string): name is TemplateName {
  return Object.hasOwn(composers, name);
}

/** The e-mail a delivery sends: its text from the template, its attachments as references. */
export function composeEmail(template: string, data: unknown): ComposedEmail {
  if (!isTemplateName(template)) throw new PermanentDeliveryError(`no template is named '${template}'`);
  const composed = (composers[template] as (data: unknown) => ComposedEmail)(data);
  if (!composed?.subject || !composed.text) {
    throw new PermanentDeliveryError(`template ${template} rendered nothing from its data (locale missing?)`);
  }
  return composed;
}
