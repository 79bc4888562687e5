import { X509Certificate, createPrivateKey, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import {
  bitString,
  explicit,
  nullValue,
  objectIdentifier,
  printableString,
  sequence,
  set,
  smallInteger,
  unsignedInteger,
  utcTime,
  utf8String,
} from './der';

const SHA256_WITH_RSA = '1.2.840.113549.1.1.11';
const COUNTRY = '2.5.4.6';
const ORGANIZATION = '2.5.4.10';
const COMMON_NAME = '2.5.4.3';
const DAY_MS = 86_400_000;

/** The key and certificate the sandbox signs its answers with, in the Ministry of Finance's place. */
export interface SigningIdentity {
  privateKey: KeyObject;
  certificate: X509Certificate;
  certificatePem: string;
  /** The certificate as base64 DER, as it goes into ds:X509Certificate. */
  certificateBase64: string;
}

function distinguishedName(commonName: string): Buffer {
  return sequence(
    set(sequence(objectIdentifier(COUNTRY), printableString('RO'))),
    set(sequence(objectIdentifier(ORGANIZATION), utf8String('Obolus ANAF sandbox'))),
    set(sequence(objectIdentifier(COMMON_NAME), utf8String(commonName))),
  );
}

function toPem(der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

/** A self-signed RSA certificate valid from a day before `now` for ten years. */
export function selfSignedIdentity(commonName: string, now = Date.now()): SigningIdentity {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const algorithm = sequence(objectIdentifier(SHA256_WITH_RSA), nullValue());
  const name = distinguishedName(commonName);
  const serial = randomBytes(16);
  serial[0] &= 0x7f;
  const tbs = sequence(
    explicit(0, smallInteger(2)),
    unsignedInteger(serial),
    algorithm,
    name,
    sequence(utcTime(now - DAY_MS), utcTime(now + 3650 * DAY_MS)),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
  );
  const der = sequence(tbs, algorithm, bitString(sign('sha256', tbs, privateKey)));
  return identityOf(privateKey, toPem(der));
}

/** An identity from a PEM key and certificate given in configuration, so that it survives restarts. */
export function identityFromPem(privateKeyPem: string, certificatePem: string): SigningIdentity {
  return identityOf(createPrivateKey(privateKeyPem), certificatePem);
}

function identityOf(privateKey: KeyObject, certificatePem: string): SigningIdentity {
  const certificate = new X509Certificate(certificatePem);
  if (!certificate.checkPrivateKey(privateKey)) throw new Error('The signing key does not match the certificate.');
  return { privateKey, certificate, certificatePem, certificateBase64: certificate.raw.toString('base64') };
}
