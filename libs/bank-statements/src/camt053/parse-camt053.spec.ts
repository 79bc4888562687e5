import { BankStatementError } from '../bank-statement-error';
import { camtFixture } from '../test-support/camt-fixtures';
import { parseCamt053 } from './parse-camt053';

function refusal(xml: string | Buffer, maxBytes?: number): BankStatementError {
  try {
    parseCamt053(xml, { maxBytes });
  } catch (error) {
    if (error instanceof BankStatementError) return error;
    throw error;
  }
  throw new Error('the file was accepted');
}

/** A minimal well-formed statement around the given entries, for the refusals. */
function statement(entries: string, namespace = 'urn:iso:std:iso:20022:tech:xsd:camt.053.001.02'): string {
  return `<?xml version="1.0"?><Document xmlns="${namespace}"><BkToCstmrStmt>
    <GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-11-27T06:00:00Z</CreDtTm></GrpHdr>
    <Stmt><Id>S1</Id><CreDtTm>2026-11-27T06:00:00Z</CreDtTm>
      <Acct><Id><IBAN>FR7630004000031234567890143</IBAN></Id><Ccy>EUR</Ccy></Acct>${entries}</Stmt>
  </BkToCstmrStmt></Document>`;
}

const entry = (amount: string, currency = 'EUR') =>
  `<Ntry><Amt Ccy="${currency}">${amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts></Ntry>`;

describe('parseCamt053', () => {
  it('reads a French bank statement (.001.02): header, account, balances and entries in minor units', () => {
    const file = parseCamt053(camtFixture('fr-bnp-eur.camt053.001.02.xml'));
    expect(file).toMatchObject({ version: '02', messageId: 'BNPA20261127CAMT053000417', createdAt: '2026-11-27T06:12:44+01:00' });
    const [stmt] = file.statements;
    expect(stmt).toMatchObject({
      id: 'FR7630004000031234567890143-20261126',
      electronicSequenceNumber: '331',
      account: { iban: 'FR7630004000031234567890143', currency: 'EUR', servicerBic: 'BNPAFRPPXXX', ownerName: 'OBOLUS SAS' },
      openingBalance: { amountMinor: 1245000, currency: 'EUR', date: '2026-11-26' },
      closingBalance: { amountMinor: 1477110, currency: 'EUR' },
      balancesReconcile: true,
    });
    expect(stmt.entries.map((e) => [e.amountMinor, e.direction, e.status])).toEqual([
      [118800, 'credit', 'BOOK'],
      [60000, 'credit', 'BOOK'],
      [4590, 'debit', 'BOOK'],
      [25000, 'credit', 'PDNG'],
      [9900, 'credit', 'BOOK'],
      [48000, 'credit', 'BOOK'],
    ]);
    const [first] = stmt.entries;
    expect(first).toMatchObject({
      keySource: 'NtryRef',
      key: 'FR7630004000031234567890143/FR7630004000031234567890143-20261126/NtryRef:20261126-000001',
      bookingDate: '2026-11-26',
      valueDate: '2026-11-26',
      bankReference: 'BNP2611260000A1',
      bankTransactionCode: { domain: 'PMNT', family: 'RCDT', subFamily: 'ESCT' },
    });
    expect(first.transactions).toEqual([
      {
        key: `${first.key}#1`,
        amountMinor: 118800,
        currency: 'EUR',
        direction: 'credit',
        endToEndId: 'DUPONT-VIR-2026-11-118',
        bankReference: 'BNP2611260000A1',
        debtor: { name: 'DUPONT & FILS SARL', iban: 'FR1420041010050500013M02606' },
        remittance: { unstructured: [], creditorReference: { value: 'RF72FR2026000007', iso11649: true, type: 'SCOR' } },
      },
    ]);
    // NOTPROVIDED is a placeholder, not an id; unstructured lines are kept in order.
    expect(stmt.entries[1].transactions[0].endToEndId).toBeUndefined();
    expect(stmt.entries[1].transactions[0].remittance.unstructured).toEqual(['Acompte proforma rf92 pf20 2600 0123', 'merci']);
    // An entry without TxDtls still has one transaction, with the entry's amount.
    expect(stmt.entries[2].transactions).toEqual([
      {
        key: `${stmt.entries[2].key}#1`,
        amountMinor: 4590,
        currency: 'EUR',
        direction: 'debit',
        remittance: { unstructured: [] },
      },
    ]);
    expect(stmt.entries[2].additionalInfo).toBe('COMMISSIONS TENUE DE COMPTE NOVEMBRE');
  });

  it('reads a Romanian bank statement (.001.04) with a namespace prefix, diacritics and character references', () => {
    const file = parseCamt053(camtFixture('ro-bt-ron.camt053.001.04.xml'));
    const [stmt] = file.statements;
    expect(file.version).toBe('04');
    expect(stmt).toMatchObject({
      id: 'EXT-RO16BTRL-2026-229',
      electronicSequenceNumber: '229',
      legalSequenceNumber: '229',
      account: { iban: 'RO16BTRLRONCRT0123456701', currency: 'RON', servicerBic: 'BTRLRO22', ownerName: 'OBOLUS ROMÂNIA S.R.L.' },
      // PRCD stands in for OPBD, as some banks send it.
      openingBalance: { amountMinor: 800000, currency: 'RON', date: '2026-11-25' },
      closingBalance: { amountMinor: 1081950, currency: 'RON' },
      balancesReconcile: true,
    });
    const [first, , third, fourth] = stmt.entries;
    expect(first.keySource).toBe('AcctSvcrRef');
    expect(first.bankTransactionCode).toEqual({ proprietary: 'INCASARE OP' });
    expect(first.transactions[0]).toMatchObject({
      amountMinor: 238000,
      currency: 'RON',
      endToEndId: 'OP 418',
      debtor: { name: 'ȘTEFĂNESCU ȚESĂTORIE S.R.L.', iban: 'RO39RNCB0082044123456701' },
      remittance: { unstructured: ['Plată proformă RF88RO2026000042 abonament anual'] },
    });
    expect(third.transactions[0].debtor).toEqual({ name: 'Cofetăria Dulce Ţară SRL-D' });
    expect(fourth.transactions[0]).toMatchObject({
      direction: 'debit',
      amountMinor: 125050,
      creditor: { name: 'GĂZDUIRE CLOUD BRAȘOV S.A.' },
    });
  });

  it('reads a .001.08 statement: status codes, names under Pty, a batch with one amount per transaction', () => {
    const file = parseCamt053(camtFixture('fr-sg-eur.camt053.001.08.xml'));
    const [stmt] = file.statements;
    expect(file.version).toBe('08');
    expect(stmt.account.servicerBic).toBe('SOGEFRPPXXX');
    expect(stmt.balancesReconcile).toBe(true);
    const [batch, excess, dupA, dupB, cash, reversal, info] = stmt.entries;
    expect(batch.amountMinor).toBe(327600);
    expect(batch.bookingDate).toBe('2026-11-26');
    expect(batch.transactions.map((t) => [t.key.slice(batch.key.length), t.amountMinor, t.debtor?.name])).toEqual([
      ['#1', 100000, 'Boulangerie Petit'],
      ['#2', 150000, 'CABINET ROUX AVOCATS'],
      ['#3', 77600, 'Lina Haddad'],
    ]);
    expect(batch.transactions[1].debtor?.iban).toBe('DE98370400440532013000');
    expect(batch.transactions[2].ultimateDebtor).toEqual({ name: 'Studio Haddad SARL' });
    expect(excess.transactions[0].remittance.creditorReference?.value).toBe('RF72FR2026000007');
    // A shared NtryRef is no key: AcctSvcrRef is used; without either, the position.
    expect([dupA.key, dupB.key, cash.key]).toEqual([
      'FR9330003012340001234567839/STMT-2026-11-26-0093/AcctSvcrRef:SG-B-7783',
      'FR9330003012340001234567839/STMT-2026-11-26-0093/AcctSvcrRef:SG-B-7784',
      'FR9330003012340001234567839/STMT-2026-11-26-0093/index:5',
    ]);
    expect(reversal).toMatchObject({ reversal: true, status: 'BOOK' });
    expect(info).toMatchObject({ status: 'INFO', statusCode: 'INFO' });
  });

  it('gives the same keys for two parses of the same file, from a string or a Buffer', () => {
    const bytes = camtFixture('fr-sg-eur.camt053.001.08.xml');
    const keys = (xml: string | Buffer) =>
      parseCamt053(xml).statements.flatMap((s) => s.entries.flatMap((e) => [e.key, ...e.transactions.map((t) => t.key)]));
    const first = keys(bytes);
    expect(new Set(first).size).toBe(first.length);
    expect(keys(bytes.toString('utf8'))).toEqual(first);
  });

  it('reads a file in the single-byte encoding its declaration names', () => {
    const xml = statement(
      `<Ntry><Amt Ccy="RON">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><AddtlNtryInf>Ţesătorie Şuşu</AddtlNtryInf></Ntry>`,
    ).replace('version="1.0"', 'version="1.0" encoding="ISO-8859-2"');
    // Ţ, ă, Ş and ş as ISO-8859-2 single bytes.
    const latin2 = Buffer.from(
      xml.replace(/[ŢăŞş]/g, (c) => String.fromCharCode({ Ţ: 0xde, ă: 0xe3, Ş: 0xaa, ş: 0xba }[c] ?? 0)),
      'latin1',
    );
    expect(parseCamt053(latin2).statements[0].entries[0].additionalInfo).toBe('Ţesătorie Şuşu');
  });

  it('reads amounts by the currency exponent, exactly', () => {
    const parsed = parseCamt053(statement(entry('0.10') + entry('1234567.5') + entry('7', 'JPY') + entry('1.250', 'KWD')));
    expect(parsed.statements[0].entries.map((e) => [e.amountMinor, e.currency])).toEqual([
      [10, 'EUR'],
      [123456750, 'EUR'],
      [7, 'JPY'],
      [1250, 'KWD'],
    ]);
  });

  it('marks a statement whose balances do not add up', () => {
    const balances = (closing: string) =>
      `<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">10.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Dt><Dt>2026-11-26</Dt></Dt></Bal>` +
      `<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${closing}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-26</Dt></Dt></Bal>`;
    const good = parseCamt053(statement(balances('5.00') + entry('15.00'))).statements[0];
    expect(good.openingBalance?.amountMinor).toBe(-1000);
    expect(good.balancesReconcile).toBe(true);
    expect(parseCamt053(statement(balances('5.01') + entry('15.00'))).statements[0].balancesReconcile).toBe(false);
  });

  describe('refuses', () => {
    it('a file that is not well-formed', () => {
      const error = refusal(camtFixture('malformed-truncated.camt053.xml'));
      expect(error.code).toBe('CAMT_XML_MALFORMED');
      expect(error.kind).toBe('unprocessable');
    });

    it('a DOCTYPE, so neither entity expansion nor external entities are ever read', () => {
      const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>&lol2;</BkToCstmrStmt></Document>`;
      expect(refusal(bomb).code).toBe('CAMT_DOCTYPE_REFUSED');
      const xxe = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><Document>&x;</Document>`;
      expect(refusal(xxe).code).toBe('CAMT_DOCTYPE_REFUSED');
    });

    it('a file over the size limit, before reading it', () => {
      expect(refusal(statement(entry('1.00')), 200)).toMatchObject({ code: 'CAMT_TOO_LARGE', kind: 'too-large' });
      // 21 MB of blanks would be well-formed around a root element; it is refused on its size alone.
      const padded = Buffer.concat([Buffer.from(statement(entry('1.00'))), Buffer.alloc(21 * 1024 * 1024, 0x20)]);
      expect(refusal(padded).code).toBe('CAMT_TOO_LARGE');
    });

    it('nesting deep enough to overflow a recursive parser, with a typed error', () => {
      const deep = `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">${'<a>'.repeat(100000)}${'</a>'.repeat(100000)}</Document>`;
      expect(refusal(deep)).toMatchObject({ code: 'CAMT_XML_MALFORMED', message: 'elements are nested more than 64 deep' });
    });

    it('bytes that are not valid in the declared encoding, or an encoding Node cannot read', () => {
      const invalidUtf8 = Buffer.concat([Buffer.from(statement(entry('1.00')).replace('S1', 'S')), Buffer.from([0xc3, 0x28])]);
      expect(refusal(invalidUtf8)).toMatchObject({ code: 'CAMT_XML_MALFORMED', message: 'the file is not valid utf-8' });
      const unknown = Buffer.from(statement(entry('1.00')).replace('version="1.0"', 'version="1.0" encoding="x-klingon"'));
      expect(refusal(unknown)).toMatchObject({ code: 'CAMT_XML_MALFORMED', kind: 'unsupported-media-type' });
    });

    it('another message or version', () => {
      expect(refusal(statement(entry('1.00'), 'urn:iso:std:iso:20022:tech:xsd:camt.052.001.02')).code).toBe(
        'CAMT_UNSUPPORTED_MESSAGE',
      );
      expect(refusal(statement(entry('1.00'), 'urn:iso:std:iso:20022:tech:xsd:camt.053.001.09')).code).toBe(
        'CAMT_UNSUPPORTED_MESSAGE',
      );
      expect(refusal(statement(entry('1.00'), '')).code).toBe('CAMT_UNSUPPORTED_MESSAGE');
      const pain = `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><CstmrCdtTrfInitn/></Document>`;
      expect(refusal(pain)).toMatchObject({ code: 'CAMT_UNSUPPORTED_MESSAGE', path: '/Document' });
    });

    it('an entry without an amount, naming where it is', () => {
      const error = refusal(statement(entry('1.00') + '<Ntry><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts></Ntry>'));
      expect(error).toMatchObject({ code: 'CAMT_FIELD_MISSING', path: '/Document/BkToCstmrStmt[1]/Stmt[1]/Ntry[2]/Amt' });
      expect(error.toBody().fields).toEqual([{ field: error.path, reason: error.message }]);
    });

    it('amounts that are negative, not decimal, in an unknown currency or with more decimals than it has', () => {
      for (const [amount, currency] of [
        ['-5.00', 'EUR'],
        ['1e3', 'EUR'],
        ['1.00', 'XYZ'],
        ['1.001', 'EUR'],
        ['1.5', 'JPY'],
        ['9'.repeat(100000), 'EUR'],
      ]) {
        const error = refusal(statement(entry(amount, currency)));
        expect(error).toMatchObject({ code: 'CAMT_FIELD_INVALID', path: '/Document/BkToCstmrStmt[1]/Stmt[1]/Ntry[1]/Amt[1]' });
        expect(error.message.length).toBeLessThan(200);
      }
    });

    it('a credit/debit indicator that is neither CRDT nor DBIT', () => {
      const error = refusal(statement('<Ntry><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CREDIT</CdtDbtInd><Sts>BOOK</Sts></Ntry>'));
      expect(error).toMatchObject({ code: 'CAMT_FIELD_INVALID', path: '/Document/BkToCstmrStmt[1]/Stmt[1]/Ntry[1]/CdtDbtInd' });
    });

    it('a batched entry whose transactions do not state their own amounts', () => {
      const batch = `<Ntry><Amt Ccy="EUR">3.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
        <NtryDtls><TxDtls><Amt Ccy="EUR">1.00</Amt></TxDtls><TxDtls/></NtryDtls></Ntry>`;
      expect(refusal(statement(batch))).toMatchObject({
        code: 'CAMT_FIELD_INVALID',
        path: '/Document/BkToCstmrStmt[1]/Stmt[1]/Ntry[1]/NtryDtls[1]/TxDtls[2]/Amt',
      });
    });
  });
});
