/**
 * The parts of PayPal's REST contracts Obolus uses, with PayPal's own field names (snake_case), read from
 * paypal/paypal-rest-api-specifications: checkout_orders_v2, payments_payment_v2, notifications_webhooks_v1
 * and the OAuth2 token answer. Amounts are PayPal's decimal strings here; `amounts.ts` converts them to
 * integer minor units at the edge.
 */

/** PayPal's `money`: an ISO 4217 code and a decimal string with the currency's PayPal precision. */
export interface PaypalMoney {
  currency_code: string;
  value: string;
}

export interface PaypalLink {
  href: string;
  rel: string;
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'HEAD' | 'CONNECT' | 'OPTIONS' | 'PATCH';
}

export interface AccessTokenResponse {
  scope: string;
  access_token: string;
  token_type: 'Bearer';
  app_id: string;
  /** Seconds. */
  expires_in: number;
  nonce: string;
}

export type OrderIntent = 'CAPTURE' | 'AUTHORIZE';
export type OrderStatus = 'CREATED' | 'SAVED' | 'APPROVED' | 'VOIDED' | 'COMPLETED' | 'PAYER_ACTION_REQUIRED';
export type CaptureStatus = 'COMPLETED' | 'DECLINED' | 'PARTIALLY_REFUNDED' | 'PENDING' | 'REFUNDED' | 'FAILED';
export type RefundStatus = 'CANCELLED' | 'FAILED' | 'PENDING' | 'COMPLETED';

export interface PurchaseUnitRequest {
  reference_id?: string;
  description?: string;
  /** Obolus puts its own reference here (e.g. the draft invoice id) to reconcile captures and webhooks. */
  custom_id?: string;
  invoice_id?: string;
  amount: PaypalMoney;
}

/** Where the payer goes after approving or cancelling on PayPal's page. */
export interface ExperienceContext {
  brand_name?: string;
  locale?: string;
  shipping_preference?: 'GET_FROM_FILE' | 'NO_SHIPPING' | 'SET_PROVIDED_ADDRESS';
  user_action?: 'CONTINUE' | 'PAY_NOW';
  return_url?: string;
  cancel_url?: string;
}

export interface CreateOrderRequest {
  intent: OrderIntent;
  purchase_units: PurchaseUnitRequest[];
  /** The current way: the answer is PAYER_ACTION_REQUIRED with a `payer-action` link. */
  payment_source?: { paypal?: { experience_context?: ExperienceContext; email_address?: string } };
  /** The older way, still accepted: the answer is CREATED with an `approve` link. */
  application_context?: ExperienceContext;
}

export interface PayerName {
  given_name?: string;
  surname?: string;
}

export interface Payer {
  payer_id: string;
  email_address?: string;
  name?: PayerName;
  address?: { country_code: string };
}

export interface PaypalWalletResponse {
  email_address?: string;
  account_id?: string;
  account_status?: 'VERIFIED' | 'UNVERIFIED';
  name?: PayerName;
  address?: { country_code: string };
}

export interface SellerReceivableBreakdown {
  gross_amount: PaypalMoney;
  paypal_fee?: PaypalMoney;
  net_amount?: PaypalMoney;
}

export interface Capture {
  id: string;
  status: CaptureStatus;
  status_details?: { reason: string };
  amount: PaypalMoney;
  invoice_id?: string;
  custom_id?: string;
  final_capture: boolean;
  seller_protection?: { status: string; dispute_categories?: string[] };
  seller_receivable_breakdown?: SellerReceivableBreakdown;
  supplementary_data?: { related_ids: { order_id: string } };
  links: PaypalLink[];
  create_time: string;
  update_time: string;
}

export interface PurchaseUnit {
  reference_id: string;
  description?: string;
  custom_id?: string;
  invoice_id?: string;
  amount: PaypalMoney;
  payee?: { email_address?: string; merchant_id?: string };
  payments?: { captures?: Capture[]; refunds?: Refund[] };
}

export interface Order {
  id: string;
  intent: OrderIntent;
  status: OrderStatus;
  purchase_units: PurchaseUnit[];
  payment_source?: { paypal?: PaypalWalletResponse };
  payer?: Payer;
  links: PaypalLink[];
  create_time: string;
  update_time?: string;
}

export interface RefundRequest {
  /** Omitted: the whole amount not yet refunded. */
  amount?: PaypalMoney;
  invoice_id?: string;
  custom_id?: string;
  note_to_payer?: string;
}

export interface Refund {
  id: string;
  status: RefundStatus;
  amount: PaypalMoney;
  invoice_id?: string;
  custom_id?: string;
  note_to_payer?: string;
  seller_payable_breakdown?: {
    gross_amount: PaypalMoney;
    paypal_fee?: PaypalMoney;
    net_amount: PaypalMoney;
    total_refunded_amount: PaypalMoney;
  };
  links: PaypalLink[];
  create_time: string;
  update_time: string;
}

export type WebhookEventType =
  | 'CHECKOUT.ORDER.APPROVED'
  | 'PAYMENT.CAPTURE.COMPLETED'
  | 'PAYMENT.CAPTURE.DENIED'
  | 'PAYMENT.CAPTURE.REFUNDED';

/** The envelope PayPal posts to a webhook listener (notifications_webhooks_v1 `event`). */
export interface WebhookEvent<R = unknown> {
  id: string;
  event_version: string;
  create_time: string;
  resource_type: string;
  resource_version?: string;
  event_type: WebhookEventType | string;
  summary: string;
  resource: R;
  links: PaypalLink[];
}

/** The five transmission headers PayPal sends with every webhook. */
export interface TransmissionHeaders {
  transmissionId: string;
  transmissionTime: string;
  transmissionSig: string;
  certUrl: string;
  authAlgo: string;
}

export interface VerifyWebhookSignatureRequest {
  auth_algo: string;
  cert_url: string;
  transmission_id: string;
  transmission_sig: string;
  transmission_time: string;
  webhook_id: string;
  webhook_event: unknown;
}

export interface VerifyWebhookSignatureResponse {
  verification_status: 'SUCCESS' | 'FAILURE';
}

export interface PaypalErrorDetail {
  field?: string;
  value?: string;
  location?: 'body' | 'path' | 'query';
  issue: string;
  description?: string;
}

/** The error body of every REST API (not OAuth2, which answers `{error, error_description}`). */
export interface PaypalErrorBody {
  name: string;
  message: string;
  debug_id?: string;
  details?: PaypalErrorDetail[];
  links?: PaypalLink[];
}
