import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * ANAF tokens are stored sealed (AES-256-GCM, a random nonce each) under a key from configuration
 * (EFACTURA_TOKENS_KEY, 32 bytes in base64): a copy of the database alone cannot act in SPV.
 * Sealed form: `v1.<nonce>.<tag>.<ciphertext>`, each base64url.
 */
export class TokenBox {
  private readonly key: Buffer;

  constructor(base64Key: string) {
    const key = Buffer.from(base64Key, 'base64');
    if (key.length !== 32) throw new Error('EFACTURA_TOKENS_KEY must be 32 bytes, base64-encoded');
    this.key = key;
  }

  seal(plain: string): string {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce);
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', ...[nonce, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url'))].join('.');
  }

  open(sealed: string): string {
    const [version, nonce, tag, ciphertext] = sealed.split('.');
    if (version !== 'v1' || !nonce || !tag || ciphertext === undefined) throw new Error('not a sealed ANAF token');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(nonce, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  }
}
