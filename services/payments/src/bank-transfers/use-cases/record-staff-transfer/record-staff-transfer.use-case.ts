import { Injectable, Logger } from '@nestjs/common';
import { StaffActionTakenV1 } from '@obolus/contracts';
import { AccountClocks, UnitOfWork } from '@obolus/messaging';
import { nameBasedUuid } from '@obolus/platform';
import { PaymentEntity } from '../../../payments/entities/payment.entity';
import { paymentOutcome } from '../../../payments/mappers/payment-outcome';
import { PaymentsError } from '../../../payments/payments.errors';
import { PaymentsRepository } from '../../../payments/payments.repository';
import { BankTransfersRepository } from '../../bank-transfers.repository';
import { BankTransferEntity } from '../../entities/bank-transfer.entity';
import { applyTransfer } from '../../mappers/apply-transfer';
import { staffActionTaken } from '@obolus/operations';
import { RecordStaffTransferCommand } from './record-staff-transfer.command';

/** A transfer as staff see it, with the payment after it. */
export interface StaffTransferView {
  transfer: Omit<BankTransferEntity, 'idempotencyKey'>;
  payment: {
    id: string;
    status: PaymentEntity['status'];
    amountMinor: number;
    receivedMinor: number;
    excessMinor: number;
    currency: string;
  };
}

/**
 * Staff record a bank transfer they saw arrive (a statement Obolus did not get, an entry that named no
 * reference). The payment row is locked, so it queues behind a statement upload paying the same
 * payment; the money is added as a matched transfer is, and reaching the amount asked publishes
 * payment.succeeded. The transfer keeps who recorded it and why, and `staff.action-taken` tells the audit log. The same Idempotency-Key answers the
 * same transfer; another request under it is refused.
 */
@Injectable()
export class RecordStaffTransferUseCase {
  private readonly logger = new Logger(RecordStaffTransferUseCase.name);

  constructor(
    private readonly transfers: BankTransfersRepository,
    private readonly payments: PaymentsRepository,
    private readonly clocks: AccountClocks,
  ) {}

  async execute(command: RecordStaffTransferCommand, uow: UnitOfWork): Promise<StaffTransferView> {
    const payment = await this.payments.findPayment(uow, command.accountId, command.paymentId, true);
    if (!payment) throw PaymentsError.paymentNotFound(command.paymentId);
    const earlier = await this.transfers.findTransferByIdempotencyKey(uow, command.accountId, command.idempotencyKey);
    if (earlier) return this.sameRequest(earlier, payment, command);
    if (payment.provider !== 'bank' || payment.status !== 'processing') {
      throw PaymentsError.paymentNotAwaitingTransfer(payment.id, payment.status, payment.provider);
    }
    if (command.currency !== payment.currency) throw PaymentsError.transferCurrencyMismatch(command.currency, payment.currency);
    if (command.reference !== undefined && command.reference !== payment.transferReference) {
      throw PaymentsError.transferReferenceMismatch(command.reference, payment.transferReference ?? null);
    }
    const now = await this.clocks.now(uow, payment.accountId);
    const id = nameBasedUuid(`obolus.payments.staff-transfer:${command.accountId}`, command.idempotencyKey);
    if (command.statementTransactionKey !== undefined) await this.resolveEntry(command, payment.id, id, uow);
    const applied = applyTransfer(payment, command.amountMinor, `staff-transfer:${id}`, now);
    const transfer: BankTransferEntity = {
      id,
      accountId: payment.accountId,
      paymentId: payment.id,
      source: 'staff',
      transactionKey: null,
      idempotencyKey: command.idempotencyKey,
      amountMinor: command.amountMinor,
      currency: command.currency,
      receivedOn: command.receivedOn,
      payerName: command.payerName ?? null,
      rule: 'staff',
      dueBeforeMinor: applied.dueBeforeMinor,
      settlement: applied.settlement,
      surplusMinor: applied.surplusMinor,
      note: command.reason,
      recordedBy: command.recordedBy,
      recordedAt: now,
    };
    await this.transfers.insertTransfer(uow, transfer);
    await this.payments.savePayment(uow, applied.payment);
    if (applied.succeeded) {
      const { contract, event } = paymentOutcome(applied.payment, now);
      await uow.emit(contract, event);
    }
    await uow.emit(
      StaffActionTakenV1,
      staffActionTaken(command, 'bank-transfer.recorded', payment.accountId, now, {
        subject: { type: 'payment', id: payment.id },
        details: {
          transferId: id,
          amountMinor: command.amountMinor,
          currency: command.currency,
          receivedOn: command.receivedOn,
          paymentStatus: applied.payment.status,
        },
      }),
    );
    this.logger.log(
      `${command.recordedBy} recorded a transfer of ${command.amountMinor} ${command.currency} on payment ${payment.id}: ${command.reason}`,
    );
    return viewOf(transfer, applied.payment);
  }

  /** The unmatched statement transaction staff name leaves the list, if it brought exactly this money. */
  private async resolveEntry(
    command: RecordStaffTransferCommand,
    paymentId: string,
    transferId: string,
    uow: UnitOfWork,
  ): Promise<void> {
    const key = command.statementTransactionKey!;
    const entry = await this.transfers.resolveUnmatchedEntry(uow, key, paymentId, `staff transfer ${transferId}`);
    if (!entry) throw PaymentsError.statementEntryNotUnmatched(key);
    if (entry.amountMinor !== command.amountMinor || entry.currency !== command.currency) {
      throw PaymentsError.transferEntryMismatch(key, entry.amountMinor, entry.currency);
    }
  }

  /** A repeat of a request answers its transfer; the key used for another request is refused. */
  private sameRequest(
    earlier: BankTransferEntity,
    payment: PaymentEntity,
    command: RecordStaffTransferCommand,
  ): StaffTransferView {
    const same =
      earlier.paymentId === command.paymentId &&
      earlier.amountMinor === command.amountMinor &&
      earlier.currency === command.currency &&
      earlier.receivedOn === command.receivedOn &&
      earlier.note === command.reason;
    if (!same) throw PaymentsError.transferIdempotencyKeyReused(command.idempotencyKey);
    return viewOf(earlier, payment);
  }
}

function viewOf({ idempotencyKey: _key, ...transfer }: BankTransferEntity, payment: PaymentEntity): StaffTransferView {
  return {
    transfer,
    payment: {
      id: payment.id,
      status: payment.status,
      amountMinor: payment.amountMinor,
      receivedMinor: payment.receivedMinor ?? 0,
      excessMinor: payment.excessMinor ?? 0,
      currency: payment.currency,
    },
  };
}
