import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { checkVatNumberFormat } from '@obolus/vat';
import { VatNumberStatus, VatNumberVerifier } from '../../../vat-numbers/vat-number-verifier';
import { CheckVatNumberCommand } from './check-vat-number.command';

/** What VIES says of a number: the verdict, and the name and address it has registered for it. */
export interface VatNumberCheckView {
  vatNumber: string;
  status: VatNumberStatus;
  traderName: string | null;
  traderAddress: string | null;
  checkedAt: Date | null;
}

/**
 * V3: a live VIES check of a VAT number the customer is typing, stored for audit like every check; the
 * billing details stay as they are (saving them checks again, or keeps a number already verified).
 * An invalid number is an answer here, not a refusal: the page shows it.
 */
@Injectable()
export class CheckVatNumberUseCase {
  constructor(private readonly verifier: VatNumberVerifier) {}

  async execute(command: CheckVatNumberCommand, uow: UnitOfWork): Promise<VatNumberCheckView> {
    const format = checkVatNumberFormat(command.vatNumber);
    const vatNumber = format.ok ? format.normalised : command.vatNumber;
    const { status, check } = await this.verifier.verify(uow, command.accountId, vatNumber);
    return {
      vatNumber,
      status,
      traderName: usable(check?.traderName),
      traderAddress: usable(check?.traderAddress),
      checkedAt: check?.checkedAt ?? null,
    };
  }
}

/** VIES answers "---" where a member state does not disclose the name or address. */
function usable(value: string | null | undefined): string | null {
  return value && value.trim() !== '---' ? value : null;
}
