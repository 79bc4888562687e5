import { callerOfServiceKey, parseServiceKeys } from './service-credentials';

describe('service credentials', () => {
  const keys = parseServiceKeys('notifications:n-secret-0123456789, efactura-gateway:e-secret-0123456789');

  it('reads one secret per calling service', () => {
    expect([...keys]).toEqual([
      ['notifications', 'n-secret-0123456789'],
      ['efactura-gateway', 'e-secret-0123456789'],
    ]);
  });

  it('refuses malformed lists, short secrets and a caller listed twice', () => {
    expect(() => parseServiceKeys('')).toThrow(/no caller/);
    expect(() => parseServiceKeys('n-secret-0123456789')).toThrow(/not a service name/);
    expect(() => parseServiceKeys('notifications:short')).toThrow(/shorter than 16/);
    expect(() => parseServiceKeys('a:0123456789abcdef,a:0123456789abcdeg')).toThrow(/twice/);
  });

  it('names the caller only for an allowed caller presenting its own secret', () => {
    expect(callerOfServiceKey(keys, ['notifications'], 'n-secret-0123456789')).toBe('notifications');
    expect(callerOfServiceKey(keys, ['notifications'], 'e-secret-0123456789')).toBeUndefined();
    expect(callerOfServiceKey(keys, ['notifications'], 'n-secret-012345678')).toBeUndefined();
    expect(callerOfServiceKey(keys, ['notifications'], undefined)).toBeUndefined();
    expect(callerOfServiceKey(keys, ['notifications'], ['n-secret-0123456789'])).toBeUndefined();
    expect(callerOfServiceKey(keys, [], 'n-secret-0123456789')).toBeUndefined();
  });
});
