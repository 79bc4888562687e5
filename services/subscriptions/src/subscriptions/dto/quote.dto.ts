import { createValidationPipe, RequestError } from '@obolus/platform';
import { QuotePriceInput } from '../use-cases/quote-price/quote-price.command';
import { ChangeEditionDto } from './change-edition.dto';
import { PurchaseDto } from './purchase.dto';

const bodies = { purchase: PurchaseDto, change: ChangeEditionDto } as const;

/**
 * The price preview's body: `kind` and exactly the body of `POST …/subscription/purchase` or `…/change`,
 * checked by that route's own DTO (the same 400 for the same mistake).
 */
export async function parseQuoteBody(body: unknown, accountId: string): Promise<QuotePriceInput> {
  const { kind, ...rest } = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  if (kind !== 'purchase' && kind !== 'change') {
    const fields = [{ field: 'kind', reason: 'must be one of purchase, change' }];
    throw new RequestError('VALIDATION_FAILED', 'invalid request: kind must be one of purchase, change', fields);
  }
  const checked: unknown = await createValidationPipe().transform(rest, { type: 'body', metatype: bodies[kind] });
  return { ...(checked as object), kind, accountId } as QuotePriceInput;
}
