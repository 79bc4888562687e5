import { createPublicKey, sign, verify, X509Certificate } from 'node:crypto';
import { createSigningCertificate } from './certificate';

describe('the sandbox signing certificate', () => {
  const certificate = createSigningCertificate('messageverificationcerts.test');

  it('is a self-signed X.509 certificate that node:crypto reads, valid now', () => {
    const x509 = new X509Certificate(certificate.pem);
    expect(x509.subject).toContain('CN=messageverificationcerts.test');
    expect(x509.issuer).toBe(x509.subject);
    expect(x509.verify(x509.publicKey)).toBe(true);
    expect(new Date(x509.validFrom).getTime()).toBeLessThan(Date.now());
    expect(new Date(x509.validTo).getTime()).toBeGreaterThan(Date.now());
  });

  it('carries the public half of the key webhooks are signed with', () => {
    const x509 = new X509Certificate(certificate.pem);
    const signature = sign('sha256', Buffer.from('id|time|webhook|123'), certificate.privateKey);
    expect(verify('sha256', Buffer.from('id|time|webhook|123'), x509.publicKey, signature)).toBe(true);
    expect(verify('sha256', Buffer.from('id|time|webhook|124'), x509.publicKey, signature)).toBe(false);
    expect(x509.publicKey.export({ type: 'spki', format: 'pem' })).toBe(
      createPublicKey(certificate.privateKey).export({ type: 'spki', format: 'pem' }),
    );
  });
});
