import { Injectable } from '@nestjs/common';
import { AccountClocks, JobScheduler, UnitOfWork } from '@obolus/messaging';
import { Clock } from '@obolus/platform';
import { checkVatNumberFormat } from '@obolus/vat';
import { InvoicingError } from '../../../invoicing.errors';
import { VatNumberCheckEntity } from '../../../vat-numbers/entities/vat-number-check.entity';
import { VatNumberVerifier } from '../../../vat-numbers/vat-number-verifier';
import { VAT_RECHECK_JOB, vatRecheckDueAt, vatRecheckKey, VatRecheckPayload } from '../../../vat-numbers/vat-recheck-schedule';
import { BillingDetailsRepository } from '../../billing-details.repository';
import { BillingDetailsEntity } from '../../entities/billing-details.entity';
import { billingDetailsRow, UNCHECKED_VAT, VatState } from '../../mappers/billing-details-row';
import { SaveBillingDetailsCommand } from './save-billing-details.command';

/**
 * V1: billing details can be edited at any time; later invoices use the new ones, issued ones keep their copy.
 * V3: a new EU VAT number is checked with VIES first. Invalid: refused, nothing saved. VIES unable to
 * say: saved as pending, VAT charged, and a re-check planned until VIES gives a verdict.
 */
@Injectable()
export class SaveBillingDetailsUseCase {
  constructor(
    private readonly billingDetails: BillingDetailsRepository,
    private readonly clock: Clock,
    private readonly verifier: VatNumberVerifier,
    private readonly scheduler: JobScheduler,
    private readonly clocks: AccountClocks,
  ) {}

  async execute(command: SaveBillingDetailsCommand, uow: UnitOfWork): Promise<BillingDetailsEntity> {
    const previous = await this.billingDetails.findByAccount(uow, command.accountId);
    const vat = await this.vatStateOf(command, previous, uow);
    const details = billingDetailsRow(command, this.clock.now(), vat);
    await this.billingDetails.save(uow, details);
    return details;
  }

  private async vatStateOf(
    command: SaveBillingDetailsCommand,
    previous: BillingDetailsEntity | null,
    uow: UnitOfWork,
  ): Promise<VatState> {
    const number = command.vatNumber === undefined ? null : checkVatNumberFormat(command.vatNumber);
    if (!number?.ok) return UNCHECKED_VAT;
    // An edit of the address keeps a verified number verified: VIES being down then changes nothing.
    const before = previous?.vatNumber ? checkVatNumberFormat(previous.vatNumber) : null;
    if (previous?.vatStatus === 'verified' && before?.ok && before.normalised === number.normalised) {
      return { vatStatus: previous.vatStatus, vatCheckedAt: previous.vatCheckedAt, vatCheckId: previous.vatCheckId };
    }
    const { status, check } = await this.verifier.verify(uow, command.accountId, number.normalised);
    if (status === 'invalid' || !check) throw InvoicingError.vatNumberInvalid(number.normalised);
    if (status === 'pending') await this.planRecheck(uow, command.accountId, number.normalised, check);
    return { vatStatus: status, vatCheckedAt: check.checkedAt, vatCheckId: check.id };
  }

  /** Due on the account's own clock, so an account on a test clock is re-checked when its time moves. */
  private async planRecheck(uow: UnitOfWork, accountId: string, vatNumber: string, check: VatNumberCheckEntity): Promise<void> {
    const now = await this.clocks.now(uow, accountId);
    await this.scheduler.schedule<VatRecheckPayload>(uow, {
      kind: VAT_RECHECK_JOB,
      key: vatRecheckKey(accountId, check.id),
      accountId,
      dueAt: vatRecheckDueAt(now, 0),
      payload: { vatNumber, afterCheckId: check.id, attempt: 0 },
    });
  }
}
