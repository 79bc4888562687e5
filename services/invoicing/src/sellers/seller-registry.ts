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
}

/**
 * The seller entity of each catalog. subscriptions' catalogs name it too (`sellerEntity`), but no event
 * carries it and services never read each other's files, so invoicing keeps the mapping here, once.
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
