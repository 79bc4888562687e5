import { Injectable } from '@nestjs/common';
import { AccountClocks, UnitOfWork } from '@obolus/messaging';
import { PaymentEntity } from '../../../payments/entities/payment.entity';
import { paymentForDraft } from '../../../payments/mappers/payment-for-draft';
import { BankTransfersRepository } from '../../bank-transfers.repository';
import { AwaitBankTransferCommand } from './await-bank-transfer.command';

/**
 * Records the payment of a draft as awaiting a bank transfer (P2, P3): processing, provider bank, the
 * reference, the amount and currency asked, nothing received yet, and no call to any provider. The
 * money is matched later from a statement or recorded by staff. Its id is the one a card payment of
 * the draft would have, so a redelivered request, or the proforma arriving after it, finds the row and
 * only fills in what it did not know (the buyer's name, the proforma number).
 */
@Injectable()
export class AwaitBankTransferUseCase {
  constructor(
    private readonly transfers: BankTransfersRepository,
    private readonly clocks: AccountClocks,
  ) {}

  async execute(command: AwaitBankTransferCommand, uow: UnitOfWork): Promise<void> {
    const now = await this.clocks.timeOfEffect(uow, command.accountId, new Date(command.requestedAt));
    await this.transfers.recordAwaitedTransfer(uow, awaitingPayment(command, now));
  }
}

export function awaitingPayment(command: AwaitBankTransferCommand, now: Date): PaymentEntity {
  const { accountId, draftId, amountMinor, currency } = command;
  return {
    ...paymentForDraft({ accountId, draftId, amountMinor, currency, paymentMethod: 'bank_transfer', provider: 'bank' }, now),
    transferReference: command.transferReference,
    buyerName: command.buyerName ?? null,
    proformaNumber: command.proformaNumber ?? null,
    receivedMinor: 0,
    excessMinor: 0,
  };
}
