import { Injectable } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

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

/** The vendor's legal entities that issue invoices; a catalog names its seller (fr-crm: obolus-fr). */
@Injectable()
export class SellerRegistry {
  private readonly sellers: Map<string, SellerEntity>;

  constructor() {
    const raw = JSON.parse(readFileSync(join(__dirname, 'sellers.json'), 'utf8')) as Record<string, Omit<SellerEntity, 'code'>>;
    this.sellers = new Map(Object.entries(raw).map(([code, seller]) => [code, { code, ...seller }]));
  }

  forCatalog(catalog: 'fr-crm' | 'ro-crm'): SellerEntity {
    return this.get(catalog === 'ro-crm' ? 'obolus-ro' : 'obolus-fr');
  }

  get(code: string): SellerEntity {
    const seller = this.sellers.get(code);
    if (!seller) throw new Error(`no seller entity '${code}'`);
    return seller;
  }
}
