import { Injectable } from '@nestjs/common';
import { daysBetween, calendarDateInZone } from '@obolus/calendar';
import { InvoiceOverdueV1 } from '@obolus/contracts';
import { AccountClocks, UnitOfWork } from '@obolus/messaging';
import { InvoicesRepository } from '../../../invoices/invoices.repository';
import { SellerRegistry } from '../../../sellers/seller-registry';
import { REMINDER_DAYS } from '../../proforma-reminders';
import { ProformasRepository } from '../../proformas.repository';
import { RemindUnpaidProformaCommand } from './remind-unpaid-proforma.command';

/**
 * A reminder falls due (P4): a proforma still open past its due date is announced overdue
 * (invoice.overdue), which e-mails the customer the amount and the transfer details again. A proforma
 * paid meanwhile is reminded of nothing; the remaining reminders find it paid too.
 */
@Injectable()
export class RemindUnpaidProformaUseCase {
  constructor(
    private readonly proformas: ProformasRepository,
    private readonly sellers: SellerRegistry,
    private readonly clocks: AccountClocks,
    private readonly invoices: InvoicesRepository,
  ) {}

  async execute(command: RemindUnpaidProformaCommand, uow: UnitOfWork): Promise<void> {
    const proforma = await this.proformas.find(uow, command.accountId, command.proformaId);
    if (!proforma || proforma.status !== 'open' || !proforma.recipients.length) return;
    const draft = await this.invoices.lockDraft(uow, proforma.accountId, proforma.draftId);
    if (!draft) return;
    const seller = this.sellers.get(draft.sellerEntity);
    const at = await this.clocks.timeOfEffect(uow, command.accountId, command.dueAt);
    const today = calendarDateInZone(at, seller.timeZone);
    await uow.emit(InvoiceOverdueV1, {
      accountId: proforma.accountId,
      subject: proforma.id,
      data: {
        accountId: proforma.accountId,
        document: {
          kind: 'proforma',
          id: proforma.id,
          number: proforma.number,
          issueDate: proforma.issueDate,
          dueDate: proforma.dueDate,
        },
        currency: proforma.currency,
        locale: proforma.locale,
        amountDueMinor: proforma.transfer.amountMinor,
        daysOverdue: Math.max(1, daysBetween(proforma.dueDate, today)),
        reminder: command.reminder,
        final: command.reminder === REMINDER_DAYS.length,
        transfer: {
          reference: proforma.transfer.reference,
          iban: proforma.transfer.iban,
          bic: proforma.transfer.bic,
          accountHolder: proforma.transfer.accountHolder,
        },
        sellerName: proforma.seller.legalName,
        recipients: proforma.recipients,
        overdueAt: at.toISOString(),
      },
    });
  }
}
