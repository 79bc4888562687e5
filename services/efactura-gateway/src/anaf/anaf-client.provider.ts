import { AnafClient } from '@obolus/anaf';
import { EfacturaGatewayConfig } from '../efactura-gateway.config';

/** The one ANAF client of the service, from its configuration (sandbox, test or production differ only there). */
export const anafClientProvider = (config: EfacturaGatewayConfig) => ({
  provide: AnafClient,
  useFactory: () =>
    new AnafClient({
      oauthUrl: config.ANAF_OAUTH_URL,
      apiUrl: config.ANAF_API_URL,
      clientId: config.ANAF_CLIENT_ID,
      clientSecret: config.ANAF_CLIENT_SECRET,
      redirectUri: config.ANAF_REDIRECT_URI,
      timeoutMs: config.ANAF_TIMEOUT_MS,
    }),
});
