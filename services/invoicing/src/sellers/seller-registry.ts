import { Injectable } from '@nestjs/common';
import { CatalogCode } from '@obolus/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvoicingError } from '../invoicing.errors';

export interface SellerEntity {
  code: string;
  legalName: string;
  vatId: string;
  companyId: string;
  tradeRegisterNumber: string;
  address: { line1: string; line2?: string; city: string; postalCode?: string; countrySubdivision?: string; country: string };
  email: string;
  timeZone: string;
  seriesPrefix: string;
  /**
   * Days from the issue date to the due date (BT-9). French law caps a term between businesses at
   * 60 days from the issue date (Code de commerce L441-10 I), Romanian law likewise (Legea 72/2013 art. 3).
   */
  paymentTermDays: number;
  /** Where bank transfers go: printed on proformas with their payment reference (I4). */
  bankAccount: { iban: string; bic: string; accountHolder: string };
}

const IBAN = /^[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}$/;
const BIC = /^[A-Z0-9]{8}([A-Z0-9]{3})?$/;

/** The longest payment term either seller's law allows without a negotiated exception. */
const MAX_PAYMENT_TERM_DAYS = 60;

/**
 * The seller entity of each catalog, for the one step that comes before any subscription event: asking
 * VIES about a VAT number as the account's seller (the requester). Drafts, invoices, credit notes and
 * proformas take the entity the subscription event names (`sellerEntity`, from the catalog), never this.
 */
const SELLER_ENTITY_OF_CATALOG: Readonly<Record<CatalogCode, string>> = {
  'fr-crm': 'obolus-fr',
  'ro-crm': 'obolus-ro',
};

/** The vendor's legal entities that issue invoices (`sellers.json`), keyed by their entity code. */
@Injectable()
export class SellerRegistry {
  private readonly sellers: Map<string, SellerEntity>;

  constructor() {
    const raw = JSON.parse(readFileSync(join(__dirname, 'sellers.json'), 'utf8')) as Record<string, Omit<SellerEntity, 'code'>>;
    this.sellers = new Map(Object.entries(raw).map(([code, seller]) => [code, { code, ...seller }]));
    for (const seller of this.sellers.values()) {
      const term = seller.paymentTermDays;
      if (!Number.isInteger(term) || term < 0 || term > MAX_PAYMENT_TERM_DAYS) {
        throw new Error(
          `sellers.json: ${seller.code}.paymentTermDays must be a whole number of days from 0 to ${MAX_PAYMENT_TERM_DAYS}`,
        );
      }
      const bank = seller.bankAccount;
      if (!bank || !IBAN.test(bank.iban) || !BIC.test(bank.bic) || !bank.accountHolder) {
        throw new Error(`sellers.json: ${seller.code}.bankAccount needs an IBAN, a BIC and an account holder`);
      }
    }
  }

  forCatalog(catalog: CatalogCode): SellerEntity {
    return this.get(SELLER_ENTITY_OF_CATALOG[catalog]);
  }

  get(code: string): SellerEntity {
    const seller = this.sellers.get(code);
    if (!seller) throw InvoicingError.unknownSellerEntity(code);
    return seller;
  }
}
