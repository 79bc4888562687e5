import { BillingDetailsEntity } from '../../billing-details/entities/billing-details.entity';
import { CustomerEntity } from '../../customers/entities/customer.entity';
import { InvoiceParty } from './seller-party';

/** The buyer as its billing details say (V1), or as it signed up when it has set none yet. */
export function buyerParty(
  details: BillingDetailsEntity | null,
  customer: CustomerEntity | null,
  fallbackCountry: string,
): InvoiceParty {
  return details ? buyerOfDetails(details) : buyerOfSignUp(customer, fallbackCountry);
}

function buyerOfDetails(details: BillingDetailsEntity): InvoiceParty {
  return {
    legalName: details.legalName,
    buyerType: details.buyerType,
    ...(details.vatNumber ? { vatId: details.vatNumber } : {}),
    ...(details.companyId ? { companyId: details.companyId } : {}),
    ...(details.tradeRegisterNumber ? { tradeRegisterNumber: details.tradeRegisterNumber } : {}),
    address: {
      line1: details.line1,
      ...(details.line2 ? { line2: details.line2 } : {}),
      city: details.city,
      ...(details.postalCode ? { postalCode: details.postalCode } : {}),
      ...(details.countrySubdivision ? { countrySubdivision: details.countrySubdivision } : {}),
      country: details.country,
    },
  };
}

/** PRODUCT V2: a customer who has not said it is a business is an individual. */
function buyerOfSignUp(customer: CustomerEntity | null, fallbackCountry: string): InvoiceParty {
  return {
    legalName: customer?.companyName ?? 'Customer',
    buyerType: 'individual',
    address: { line1: '-', city: '-', country: customer?.country ?? fallbackCountry },
  };
}
