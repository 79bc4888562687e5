import { Injectable } from '@nestjs/common';
import { AccountClocks, JobScheduler, UnitOfWork } from '@obolus/messaging';
import { BillingDetailsRepository } from '../../../billing-details/billing-details.repository';
import { VatNumberVerifier } from '../../vat-number-verifier';
import { VAT_RECHECK_JOB, vatRecheckDueAt, vatRecheckKey, VatRecheckPayload } from '../../vat-recheck-schedule';
import { RecheckVatNumberCommand } from './recheck-vat-number.command';

/**
 * A number VIES could not check is asked about again. Valid: verified, reverse charge from the next
 * invoice. Invalid: marked so, VAT stays charged. Still no verdict: another re-check, later. A job whose
 * number was replaced by an edit since does nothing: the edit checked the new number itself.
 */
@Injectable()
export class RecheckVatNumberUseCase {
  constructor(
    private readonly billingDetails: BillingDetailsRepository,
    private readonly verifier: VatNumberVerifier,
    private readonly scheduler: JobScheduler,
    private readonly clocks: AccountClocks,
  ) {}

  async execute(command: RecheckVatNumberCommand, uow: UnitOfWork): Promise<void> {
    const details = await this.billingDetails.findByAccount(uow, command.accountId);
    if (details?.vatStatus !== 'pending' || details.vatCheckId !== command.afterCheckId) return;
    const { status, check } = await this.verifier.verify(uow, command.accountId, command.vatNumber);
    if (!check) return;
    await this.billingDetails.updateVatState(uow, command.accountId, command.afterCheckId, {
      vatStatus: status,
      vatCheckedAt: check.checkedAt,
      vatCheckId: check.id,
    });
    if (status !== 'pending') return;
    const attempt = command.attempt + 1;
    await this.scheduler.schedule<VatRecheckPayload>(uow, {
      kind: VAT_RECHECK_JOB,
      key: vatRecheckKey(command.accountId, check.id),
      accountId: command.accountId,
      dueAt: vatRecheckDueAt(await this.clocks.now(uow, command.accountId), attempt),
      payload: { vatNumber: command.vatNumber, afterCheckId: check.id, attempt },
    });
  }
}
