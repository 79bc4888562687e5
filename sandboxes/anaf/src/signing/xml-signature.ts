import { createHash, sign } from 'node:crypto';
import { escapeXml } from '../http';
import type { SigningIdentity } from './certificate';

export const XMLDSIG_NAMESPACE = 'http://www.w3.org/2000/09/xmldsig#';
const C14N = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';
const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';

/**
 * ANAF's `semnatura_{index}.xml`: a detached XML-DSig signature whose one Reference carries the
 * SHA-256 digest of the document file's bytes, and whose SignatureValue is RSA-SHA256 over SignedInfo.
 *
 * SignedInfo is written already in its inclusive-C14N form (namespace declared on it, empty elements
 * as start and end tags, no whitespace), so the bytes signed are the bytes in the file and any
 * XML-DSig verifier that canonicalises SignedInfo gets the same bytes.
 */
export function detachedSignature(document: Buffer, referenceUri: string, identity: SigningIdentity): string {
  const digest = createHash('sha256').update(document).digest('base64');
  const signedInfo =
    `<SignedInfo xmlns="${XMLDSIG_NAMESPACE}">` +
    `<CanonicalizationMethod Algorithm="${C14N}"></CanonicalizationMethod>` +
    `<SignatureMethod Algorithm="${RSA_SHA256}"></SignatureMethod>` +
    `<Reference URI="${escapeXml(referenceUri)}">` +
    `<DigestMethod Algorithm="${SHA256}"></DigestMethod>` +
    `<DigestValue>${digest}</DigestValue>` +
    `</Reference>` +
    `</SignedInfo>`;
  const value = sign('sha256', Buffer.from(signedInfo, 'utf8'), identity.privateKey).toString('base64');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<Signature xmlns="${XMLDSIG_NAMESPACE}">` +
    signedInfo +
    `<SignatureValue>${value}</SignatureValue>` +
    `<KeyInfo><X509Data>` +
    `<X509SubjectName>${escapeXml(identity.certificate.subject.replace(/\n/g, ','))}</X509SubjectName>` +
    `<X509Certificate>${identity.certificateBase64}</X509Certificate>` +
    `</X509Data></KeyInfo>` +
    `</Signature>`
  );
}
