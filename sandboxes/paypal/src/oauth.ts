import type { AccessTokenResponse } from '@obolus/paypal';
import { invalidClient, invalidToken, PaypalSandboxError } from './errors';
import { accessToken, appId } from './ids';
import type { PaypalState } from './state';

export interface Credentials {
  clientId: string;
  clientSecret: string;
}

const APP_ID = appId();

const SCOPE = [
  'https://uri.paypal.com/services/payments/payment',
  'https://uri.paypal.com/services/payments/refund',
  'https://uri.paypal.com/services/applications/webhooks',
  'https://uri.paypal.com/payments/payouts',
].join(' ');

function basicCredentials(authorization: string | undefined): Credentials | undefined {
  if (!authorization || !/^basic /i.test(authorization)) return undefined;
  const decoded = Buffer.from(authorization.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { clientId: decoded.slice(0, colon), clientSecret: decoded.slice(colon + 1) };
}

/** POST /v1/oauth2/token with grant_type=client_credentials and the app's id and secret in HTTP Basic. */
export function issueToken(
  state: PaypalState,
  apps: readonly Credentials[],
  authorization: string | undefined,
  form: URLSearchParams,
  ttlSeconds: number,
): AccessTokenResponse {
  const given = basicCredentials(authorization);
  const app = given && apps.find((a) => a.clientId === given.clientId && a.clientSecret === given.clientSecret);
  if (!app) throw invalidClient();
  const grant = form.get('grant_type');
  if (grant !== 'client_credentials') {
    throw new PaypalSandboxError(400, {
      error: 'unsupported_grant_type',
      error_description: grant ? `Grant Type is not supported: ${grant}` : 'Grant type is null',
    });
  }
  const token = accessToken();
  state.tokens.set(token, { clientId: app.clientId, expiresAt: state.now().getTime() + ttlSeconds * 1000 });
  return {
    scope: SCOPE,
    access_token: token,
    token_type: 'Bearer',
    app_id: APP_ID,
    expires_in: ttlSeconds,
    nonce: `${state.timestamp()}${accessToken().slice(5, 48)}`,
  };
}

/** Every REST call carries `Authorization: Bearer <token from /v1/oauth2/token>`. */
export function authenticate(state: PaypalState, authorization: string | undefined): void {
  if (!authorization || !/^bearer /i.test(authorization)) {
    throw invalidToken('No permission for the requested operation');
  }
  const record = state.tokens.get(authorization.slice(7).trim());
  if (!record) throw invalidToken('The token passed in was not found in the system');
  if (record.expiresAt <= state.now().getTime()) throw invalidToken('Access Token not found in cache');
}
