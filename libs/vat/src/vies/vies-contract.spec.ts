import { viesApiBaseUrl, VIES_PRODUCTION_URL } from './vies-contract';

describe('viesApiBaseUrl', () => {
  it.each([
    ['http://127.0.0.1:4602', 'http://127.0.0.1:4602/taxation_customs/vies/rest-api'],
    ['http://127.0.0.1:4602/', 'http://127.0.0.1:4602/taxation_customs/vies/rest-api'],
    ['http://127.0.0.1:4602/taxation_customs/vies/rest-api/', 'http://127.0.0.1:4602/taxation_customs/vies/rest-api'],
    [VIES_PRODUCTION_URL, VIES_PRODUCTION_URL],
    ['http://vies-proxy.internal/vies', 'http://vies-proxy.internal/vies'],
  ])('reads %s as the API base %s', (configured, base) => {
    expect(viesApiBaseUrl(configured)).toBe(base);
  });

  it('refuses what is not a URL', () => {
    expect(() => viesApiBaseUrl('vies')).toThrow();
  });
});
