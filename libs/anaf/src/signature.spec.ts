// eslint-disable-next-line @nx/enforce-module-boundaries -- a spec talks to the ANAF sandbox on loopback, as the gateway's int tests do
import { DEFAULT_CLIENT, startAnafSandbox, type AnafSandbox } from '@obolus/anaf-sandbox';
import { AnafClient } from './anaf-client';
import { AnafArchive, readAnafArchive } from './archive';
import { checkArchiveSignature } from './signature';

const BUYER = '14399840';

describe('checkArchiveSignature', () => {
  let sandbox: AnafSandbox;
  let other: AnafSandbox;
  let archive: AnafArchive;

  beforeAll(async () => {
    const validator = { validate: async () => ({ valid: true, findings: [] }) };
    sandbox = await startAnafSandbox({ port: 0, validator });
    other = await startAnafSandbox({ port: 0, validator });
    const redirectUri = DEFAULT_CLIENT.redirectUris[0]!;
    const client = new AnafClient({
      oauthUrl: `${sandbox.url}/anaf-oauth2/v1`,
      apiUrl: `${sandbox.url}/test/FCTEL/rest`,
      clientId: DEFAULT_CLIENT.clientId,
      clientSecret: DEFAULT_CLIENT.clientSecret,
      redirectUri,
    });
    const { accessToken } = await client.exchangeCode(sandbox.approve({ clientId: DEFAULT_CLIENT.clientId, redirectUri }).code);
    const { id } = sandbox.enqueueSupplierInvoice({ cif: BUYER, supplierCif: '18547290', number: 'SIG-1' });
    const download = await client.descarcare(accessToken, String(id));
    if (!('zip' in download)) throw new Error(download.error);
    archive = readAnafArchive(download.zip);
  }, 60_000);

  afterAll(async () => {
    await sandbox.close();
    await other.close();
  });

  const withSignature = (text: string): AnafArchive => ({
    ...archive,
    signature: { ...archive.signature, bytes: Buffer.from(text) },
  });
  const signatureText = () => archive.signature.bytes.toString('utf8');

  it("holds for ANAF's archive, against its certificate, and against the one it carries when none is configured", () => {
    expect(checkArchiveSignature(archive, { trusted: [sandbox.signingCertificatePem] })).toMatchObject({ valid: true });
    expect(checkArchiveSignature(archive)).toMatchObject({ valid: true, fingerprint256: expect.stringMatching(/^[0-9A-F:]+$/) });
  });

  it('fails for a changed document, a changed SignedInfo, and a signer that is not trusted', () => {
    const changed = {
      ...archive,
      document: { ...archive.document, bytes: Buffer.concat([archive.document.bytes, Buffer.from(' ')]) },
    };
    expect(checkArchiveSignature(changed)).toEqual({
      valid: false,
      reason: `the digest does not match ${archive.document.name}`,
    });
    const otherUri = withSignature(signatureText().replace(/URI="[^"]+"/, 'URI="other.xml"'));
    expect(checkArchiveSignature(otherUri)).toEqual({ valid: false, reason: 'the signature value does not verify' });
    expect(checkArchiveSignature(archive, { trusted: [other.signingCertificatePem] })).toMatchObject({
      valid: false,
      reason: expect.stringContaining('is not trusted'),
    });
  });

  it('fails for another algorithm and for a signature that is not XML-DSig', () => {
    const sha1 = withSignature(signatureText().replace('xmldsig-more#rsa-sha256', 'xmldsig#rsa-sha1'));
    expect(checkArchiveSignature(sha1)).toEqual({ valid: false, reason: 'the signature method is not RSA-SHA256' });
    expect(checkArchiveSignature(withSignature('<Signature xmlns="urn:other"/>'))).toMatchObject({ valid: false });
    expect(checkArchiveSignature(withSignature('not xml'))).toEqual({ valid: false, reason: 'no Signature element' });
  });
});
