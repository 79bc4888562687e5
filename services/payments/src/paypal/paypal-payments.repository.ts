import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { PaymentEntity } from '../payments/entities/payment.entity';

/**
 * PayPal payments found by their order. The order id comes from PayPal (a verified webhook) or from the
 * payer's return (the `token` PayPal adds); it names one payment, whose own account scopes all that follows.
 */
@Injectable()
export class PaypalPaymentsRepository {
  findByOrder({ manager }: UnitOfWork, orderId: string, lock = false): Promise<PaymentEntity | null> {
    return manager.findOne(PaymentEntity, {
      where: { provider: 'paypal', providerOrderId: orderId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }
}
