import { ChangeEditionCommand, ChangeEditionInput } from '../change-edition/change-edition.command';
import { PurchaseCommand, PurchaseInput } from '../purchase/purchase.command';

export type QuotePriceInput = ({ kind: 'purchase' } & PurchaseInput) | ({ kind: 'change' } & ChangeEditionInput);

/**
 * Price a purchase or a change of edition before the customer confirms it: the command of the real
 * use case, checked by its own rules, so a request the purchase or change would refuse is refused here too.
 */
export class QuotePriceCommand {
  private constructor(
    readonly kind: 'purchase' | 'change',
    readonly purchase: PurchaseCommand | null,
    readonly change: ChangeEditionCommand | null,
  ) {}

  get accountId(): string {
    return (this.purchase ?? this.change)!.accountId;
  }

  static create(input: QuotePriceInput): QuotePriceCommand {
    if (input.kind === 'purchase') {
      const { kind: _kind, ...purchase } = input;
      return new QuotePriceCommand('purchase', PurchaseCommand.create(purchase), null);
    }
    const { kind: _kind, ...change } = input;
    return new QuotePriceCommand('change', null, ChangeEditionCommand.create(change));
  }
}
