import { InvoiceIssuedV1Data } from '@obolus/contracts';
import { SellerEntity } from '../../sellers/seller-registry';

export type InvoiceParty = InvoiceIssuedV1Data['seller'];

/** The seller as its invoices name it: the legal entity's identity and address, not its internal settings. */
export function sellerParty(seller: SellerEntity): InvoiceParty {
  return {
    legalName: seller.legalName,
    vatId: seller.vatId,
    companyId: seller.companyId,
    tradeRegisterNumber: seller.tradeRegisterNumber,
    email: seller.email,
    address: seller.address,
  };
}
