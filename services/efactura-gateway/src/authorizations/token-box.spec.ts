import { TokenBox } from './token-box';

const KEY = Buffer.alloc(32, 7).toString('base64');

describe('TokenBox', () => {
  it('opens what it sealed, with a fresh nonce each time', () => {
    const box = new TokenBox(KEY);
    const a = box.seal('eyJhbGciOiJSUzUxMiJ9.access');
    const b = box.seal('eyJhbGciOiJSUzUxMiJ9.access');
    expect(a).not.toBe(b);
    expect(a).not.toContain('eyJ');
    expect(box.open(a)).toBe('eyJhbGciOiJSUzUxMiJ9.access');
  });

  it('refuses a tampered token, another key, and a key that is not 32 bytes', () => {
    const sealed = new TokenBox(KEY).seal('refresh-token');
    const parts = sealed.split('.');
    parts[3] = Buffer.from('other').toString('base64url');
    expect(() => new TokenBox(KEY).open(parts.join('.'))).toThrow();
    expect(() => new TokenBox(Buffer.alloc(32, 8).toString('base64')).open(sealed)).toThrow();
    expect(() => new TokenBox(Buffer.alloc(16).toString('base64'))).toThrow(/32 bytes/);
  });
});
