import { EndpointScope } from '../webhooks.repository';

/** A command's account id as a repository scope: null is the platform-wide endpoints (staff). */
export const scopeOf = (accountId: string | null): EndpointScope => (accountId === null ? 'platform' : { accountId });
