import { Controller, Get, Inject } from '@nestjs/common';
import { WEB_CONFIG, WebConfig } from './web.config';

export interface PortalConfig {
  stripe: { apiUrl?: string; publishableKey?: string };
  paypal?: { url: string };
}

/** What the portal's page needs to know of the deployment (Stripe.js's API and key); nothing secret. */
@Controller('api/config')
export class PortalConfigController {
  constructor(@Inject(WEB_CONFIG) private readonly config: WebConfig) {}

  @Get()
  read(): PortalConfig {
    return {
      stripe: { apiUrl: this.config.WEB_STRIPE_API_URL, publishableKey: this.config.WEB_STRIPE_PUBLISHABLE_KEY },
      ...(this.config.WEB_PAYPAL_URL ? { paypal: { url: this.config.WEB_PAYPAL_URL } } : {}),
    };
  }
}
