import { Injectable } from '@nestjs/common';
import { UnitOfWork, UnitOfWorkRunner } from '@obolus/messaging';
import { checkVatNumberFormat, ViesClient, ViesRequester } from '@obolus/vat';
import { randomUUID } from 'node:crypto';
import { CustomersRepository } from '../customers/customers.repository';
import { SellerRegistry } from '../sellers/seller-registry';
import { VatNumberCheckEntity } from './entities/vat-number-check.entity';
import { vatCheckRow } from './mappers/vat-check-row';
import { VatNumberChecksRepository } from './vat-number-checks.repository';

/** Where a buyer's VAT number stands: reverse charge needs `verified`; the other two are charged VAT (V3). */
export type VatNumberStatus = 'verified' | 'pending' | 'invalid';

export interface VatVerification {
  status: VatNumberStatus;
  /** The stored check that decided it; null when VIES was never asked. */
  check: VatNumberCheckEntity | null;
}

/**
 * Asks VIES about a buyer's VAT number, as the seller entity that sells to the account (so the answer
 * carries that seller's consultation number), and stores the check. The check is stored in a unit of
 * work of its own: it happened whatever becomes of the caller's change, which an invalid number rolls
 * back. "VIES could not say" is pending, never invalid.
 */
@Injectable()
export class VatNumberVerifier {
  constructor(
    private readonly vies: ViesClient,
    private readonly checks: VatNumberChecksRepository,
    private readonly customers: CustomersRepository,
    private readonly sellers: SellerRegistry,
    private readonly work: UnitOfWorkRunner,
  ) {}

  async verify(uow: UnitOfWork, accountId: string, vatNumber: string): Promise<VatVerification> {
    const result = await this.vies.checkVatNumber(vatNumber, undefined, await this.requesterFor(uow, accountId));
    const check = vatCheckRow(randomUUID(), accountId, result);
    if (check) await this.work.run((audit) => this.checks.insert(audit, check));
    switch (result.status) {
      case 'valid':
        return { status: 'verified', check };
      case 'unavailable':
        return { status: 'pending', check };
      default:
        return { status: 'invalid', check };
    }
  }

  /** The seller of the account's catalog; none before the account's sign-up has reached invoicing. */
  private async requesterFor(uow: UnitOfWork, accountId: string): Promise<ViesRequester | undefined> {
    const customer = await this.customers.findByAccount(uow, accountId);
    if (!customer) return undefined;
    const own = checkVatNumberFormat(this.sellers.forCatalog(customer.catalog).vatId);
    return own.ok ? { countryCode: own.countryCode, vatNumber: own.vatNumber } : undefined;
  }
}
