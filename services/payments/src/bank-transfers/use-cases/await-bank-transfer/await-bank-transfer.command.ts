import { isValidPaymentReference } from '@obolus/bank-statements';
import { InvoicePaymentRequestedV1Data, ProformaIssuedV1Data } from '@obolus/contracts';
import { checkCommand } from '@obolus/platform';

export interface AwaitBankTransferInput {
  accountId: string;
  draftId: string;
  amountMinor: number;
  currency: string;
  /** The ISO 11649 reference the transfer must carry. */
  transferReference: string;
  /** The buyer on the proforma, when the proforma is known. */
  buyerName?: string;
  proformaNumber?: string;
  /** When the payment was asked for (or the proforma issued). */
  requestedAt: string;
}

/**
 * Wait for a bank transfer of the amount due on a draft. Made from invoice.payment-requested (method
 * bank_transfer, with its reference) or from proforma.issued (which adds the buyer's name), whichever
 * arrives first; the second completes the first.
 */
export class AwaitBankTransferCommand {
  readonly accountId!: string;
  readonly draftId!: string;
  readonly amountMinor!: number;
  readonly currency!: string;
  readonly transferReference!: string;
  readonly buyerName!: string | undefined;
  readonly proformaNumber!: string | undefined;
  readonly requestedAt!: string;

  private constructor(input: Readonly<AwaitBankTransferInput>) {
    Object.assign(this, input);
  }

  static create(input: AwaitBankTransferInput): AwaitBankTransferCommand {
    const checks = checkCommand('await bank transfer', input)
      .uuid('accountId')
      .uuid('draftId')
      .integer('amountMinor', 1)
      .that('currency', typeof input.currency === 'string' && /^[A-Z]{3}$/.test(input.currency), 'must be an ISO 4217 code')
      .that(
        'transferReference',
        typeof input.transferReference === 'string' && isValidPaymentReference(input.transferReference),
        'must be an ISO 11649 reference',
      )
      .instant('requestedAt');
    if (input.buyerName !== undefined) checks.string('buyerName', 500);
    if (input.proformaNumber !== undefined) checks.string('proformaNumber', 100);
    return new AwaitBankTransferCommand(checks.valid());
  }

  static fromPaymentRequest(
    data: Pick<InvoicePaymentRequestedV1Data, 'accountId' | 'draftId' | 'amountDueMinor' | 'currency' | 'requestedAt'> & {
      transferReference: string;
    },
  ): AwaitBankTransferCommand {
    return AwaitBankTransferCommand.create({
      accountId: data.accountId,
      draftId: data.draftId,
      amountMinor: data.amountDueMinor,
      currency: data.currency,
      transferReference: data.transferReference,
      requestedAt: data.requestedAt,
    });
  }

  static fromProforma(data: ProformaIssuedV1Data): AwaitBankTransferCommand {
    return AwaitBankTransferCommand.create({
      accountId: data.accountId,
      draftId: data.draftId,
      amountMinor: data.transfer.amountMinor,
      currency: data.currency,
      transferReference: data.transfer.reference,
      buyerName: data.buyer.legalName,
      proformaNumber: data.number,
      requestedAt: data.issuedAt,
    });
  }
}
