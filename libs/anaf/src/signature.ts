import { X509Certificate, createHash, createPublicKey, verify } from 'node:crypto';
import { AnafArchive } from './archive';

export const XMLDSIG_NAMESPACE = 'http://www.w3.org/2000/09/xmldsig#';
const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';

/** Whom the archive's signature is from, or why it does not hold. */
export type SignatureCheck = { valid: true; subject: string; fingerprint256: string } | { valid: false; reason: string };

export interface SignatureCheckOptions {
  /**
   * The certificates (PEM) ANAF signs with, or that issued its signing certificate. Without any, the
   * signature is checked against the certificate it carries: the archive is intact, but not proven ANAF's.
   */
  trusted?: readonly string[];
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text of the first element with this local name (any prefix), start and end tags included. */
function element(xml: string, localName: string): { prefix: string; whole: string; inner: string } | undefined {
  const match = new RegExp(`<(?:([A-Za-z_][\\w.-]*):)?${localName}(?=[\\s>/])[^>]*>([\\s\\S]*?)</(?:\\1:)?${localName}>`).exec(
    xml,
  );
  return match ? { prefix: match[1] ?? '', whole: match[0], inner: match[2] ?? '' } : undefined;
}

const attribute = (tag: string, name: string): string | undefined =>
  new RegExp(`\\s${escapeRegExp(name)}="([^"]*)"`).exec(tag)?.[1];

/**
 * SignedInfo as inclusive C14N renders it when it is written canonically already (as ANAF's sandbox
 * does): its bytes, with the XML-DSig namespace declared on it when it was only inherited.
 * ⚠ A SignedInfo written otherwise (whitespace, self-closing tags, other attribute order) would need a
 * full C14N implementation; such a signature is reported invalid, never accepted unchecked.
 */
function canonicalSignedInfo(signedInfo: { prefix: string; whole: string }): string {
  const declaration = signedInfo.prefix ? `xmlns:${signedInfo.prefix}` : 'xmlns';
  const startTag = signedInfo.whole.slice(0, signedInfo.whole.indexOf('>') + 1);
  if (attribute(startTag, declaration) !== undefined) return signedInfo.whole;
  const name = signedInfo.prefix ? `${signedInfo.prefix}:SignedInfo` : 'SignedInfo';
  return signedInfo.whole.replace(`<${name}`, `<${name} ${declaration}="${XMLDSIG_NAMESPACE}"`);
}

function trustedBy(certificate: X509Certificate, trusted: readonly string[]): boolean {
  return trusted.some((pem) => {
    const anchor = new X509Certificate(pem);
    if (anchor.fingerprint256 === certificate.fingerprint256) return true;
    return certificate.checkIssued(anchor) && certificate.verify(anchor.publicKey);
  });
}

/**
 * Checks ANAF's detached signature of an archive's document: the Reference's SHA-256 digest is the
 * document's, SignatureValue is RSA-SHA256 over SignedInfo by the certificate in KeyInfo, and that
 * certificate is a trusted one or issued by one.
 */
export function checkArchiveSignature(archive: AnafArchive, options: SignatureCheckOptions = {}): SignatureCheck {
  const xml = archive.signature.bytes.toString('utf8');
  const signature = element(xml, 'Signature');
  if (!signature) return { valid: false, reason: 'no Signature element' };
  const declared = attribute(
    signature.whole.slice(0, signature.whole.indexOf('>') + 1),
    signature.prefix ? `xmlns:${signature.prefix}` : 'xmlns',
  );
  if (declared !== XMLDSIG_NAMESPACE) return { valid: false, reason: 'the Signature is not in the XML-DSig namespace' };
  const signedInfo = element(signature.inner, 'SignedInfo');
  const value = element(signature.inner, 'SignatureValue');
  const certificateText = element(signature.inner, 'X509Certificate');
  if (!signedInfo || !value || !certificateText)
    return { valid: false, reason: 'SignedInfo, SignatureValue or X509Certificate is missing' };
  const method =
    element(signedInfo.inner, 'SignatureMethod')?.whole ?? /<(?:\w+:)?SignatureMethod[^>]*\/>/.exec(signedInfo.inner)?.[0];
  if (!method || attribute(method, 'Algorithm') !== RSA_SHA256)
    return { valid: false, reason: 'the signature method is not RSA-SHA256' };
  const references = signedInfo.inner.match(/<(?:\w+:)?Reference[\s>]/g) ?? [];
  const reference = element(signedInfo.inner, 'Reference');
  if (references.length !== 1 || !reference) return { valid: false, reason: 'expected exactly one Reference' };
  const digestMethod =
    element(reference.inner, 'DigestMethod')?.whole ?? /<(?:\w+:)?DigestMethod[^>]*\/>/.exec(reference.inner)?.[0];
  if (!digestMethod || attribute(digestMethod, 'Algorithm') !== SHA256)
    return { valid: false, reason: 'the digest method is not SHA-256' };
  const digest = element(reference.inner, 'DigestValue')?.inner.trim();
  const expected = createHash('sha256').update(archive.document.bytes).digest('base64');
  if (digest !== expected) return { valid: false, reason: `the digest does not match ${archive.document.name}` };

  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(Buffer.from(certificateText.inner.replace(/\s+/g, ''), 'base64'));
  } catch {
    return { valid: false, reason: 'the certificate cannot be read' };
  }
  const signed = Buffer.from(canonicalSignedInfo(signedInfo), 'utf8');
  const signatureBytes = Buffer.from(value.inner.replace(/\s+/g, ''), 'base64');
  if (!verify('sha256', signed, createPublicKey(certificate.publicKey.export({ format: 'pem', type: 'spki' })), signatureBytes))
    return { valid: false, reason: 'the signature value does not verify' };
  if (options.trusted?.length && !trustedBy(certificate, options.trusted))
    return { valid: false, reason: `the signer ${certificate.subject.replace(/\n/g, ', ')} is not trusted` };
  return { valid: true, subject: certificate.subject.replace(/\n/g, ', '), fingerprint256: certificate.fingerprint256 };
}
