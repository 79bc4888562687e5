import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Secrets a service must read back (webhook signing secrets, ANAF tokens) are stored sealed
 * (AES-256-GCM, a random nonce each) under a key from configuration, 32 bytes in base64: a copy of the
 * database alone reveals none of them. Sealed form: `v1.<nonce>.<tag>.<ciphertext>`, each base64url.
 */
export class SecretBox {
  private readonly key: Buffer;

  /** `keyName` is the configuration variable the key came from, for the error that names it. */
  constructor(base64Key: string, keyName = 'the sealing key') {
    const key = Buffer.from(base64Key, 'base64');
    if (key.length !== 32) throw new Error(`${keyName} must be 32 bytes, base64-encoded`);
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
    if (version !== 'v1' || !nonce || !tag || ciphertext === undefined) throw new Error('not a sealed secret');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(nonce, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  }
}
