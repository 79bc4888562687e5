import { checkCommand } from '@obolus/platform';

export interface CapturePaypalOrderInput {
  /** The PayPal order id: the `token` of the return URL, or the resource of CHECKOUT.ORDER.APPROVED. */
  orderId: string;
}

/** Capture the PayPal order of a payment once its payer approved it (P2). */
export class CapturePaypalOrderCommand {
  readonly orderId!: string;

  private constructor(input: Readonly<CapturePaypalOrderInput>) {
    Object.assign(this, input);
  }

  static create(input: CapturePaypalOrderInput): CapturePaypalOrderCommand {
    return new CapturePaypalOrderCommand(
      checkCommand('capture PayPal order', { orderId: input.orderId })
        .that(
          'token',
          typeof input.orderId === 'string' && /^[A-Za-z0-9-]{1,64}$/.test(input.orderId),
          'must be the PayPal order id PayPal returned with',
        )
        .valid(),
    );
  }
}
