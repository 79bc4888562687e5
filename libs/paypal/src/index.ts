export { fromPaypalMoney, isPaypalCurrency, paypalDecimals, PaypalAmountError, toPaypalMoney } from './amounts';
export { crc32 } from './crc32';
export { PaypalApiError, PaypalTransportError } from './errors';
export { approvalUrl, PaypalClient, type IdempotentCall, type PaypalClientOptions } from './paypal-client';
export * from './types';
export { signedTransmissionText, transmissionHeaders, type HeaderSource } from './webhook-transmission';
