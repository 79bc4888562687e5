import { randomBytes } from 'node:crypto';
import { SecretBox } from './secret-box';

describe('SecretBox', () => {
  const key = randomBytes(32).toString('base64');

  it('opens what it sealed, and never seals twice the same way', () => {
    const box = new SecretBox(key);
    const sealed = box.seal('whsec_abc');
    expect(sealed).not.toContain('whsec_abc');
    expect(box.seal('whsec_abc')).not.toBe(sealed);
    expect(box.open(sealed)).toBe('whsec_abc');
    const token = box.seal('eyJhbGciOiJSUzUxMiJ9.access');
    expect(token).not.toContain('eyJ');
    expect(box.open(token)).toBe('eyJhbGciOiJSUzUxMiJ9.access');
  });

  it('refuses a tampered seal, another key, and a key that is not 32 bytes, naming the variable', () => {
    const sealed = new SecretBox(key).seal('whsec_abc');
    const [version, nonce, tag, ciphertext] = sealed.split('.');
    const flipped = Buffer.from(ciphertext!, 'base64url');
    flipped[0] ^= 1;
    expect(() => new SecretBox(key).open([version, nonce, tag, flipped.toString('base64url')].join('.'))).toThrow();
    const replaced = sealed.split('.');
    replaced[3] = Buffer.from('other').toString('base64url');
    expect(() => new SecretBox(key).open(replaced.join('.'))).toThrow();
    expect(() => new SecretBox(randomBytes(32).toString('base64')).open(sealed)).toThrow();
    expect(() => new SecretBox(randomBytes(16).toString('base64'), 'EFACTURA_TOKENS_KEY')).toThrow(
      /EFACTURA_TOKENS_KEY must be 32 bytes/,
    );
  });
});
