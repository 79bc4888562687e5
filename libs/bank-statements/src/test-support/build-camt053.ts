/** A credit (or debit) transfer of a statement written by `buildCamt053`. */
export interface CamtEntrySpec {
  /** NtryRef: with the account and statement id, what makes the entry's key. */
  entryReference: string;
  /** As the bank writes it: `1188.00`. */
  amount: string;
  currency?: string;
  direction?: 'CRDT' | 'DBIT';
  status?: 'BOOK' | 'PDNG';
  bookingDate?: string;
  /** The structured creditor reference (SCOR), e.g. an RF reference. */
  reference?: string;
  /** Free remittance text. */
  unstructured?: string;
  payerName?: string;
  payerIban?: string;
}

export interface CamtStatementSpec {
  messageId?: string;
  statementId: string;
  iban?: string;
  currency?: string;
  entries: CamtEntrySpec[];
  /** Another namespace, to see it refused. */
  namespace?: string;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A camt.053.001.02 statement of one account, written the way French banks send them, for specs and e2e tests. */
export function buildCamt053(spec: CamtStatementSpec): string {
  const currency = spec.currency ?? 'EUR';
  const entries = spec.entries.map((entry) => {
    const ccy = entry.currency ?? currency;
    const date = entry.bookingDate ?? '2026-11-26';
    const remittance = [
      entry.unstructured ? `<Ustrd>${escape(entry.unstructured)}</Ustrd>` : '',
      entry.reference
        ? `<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>${escape(entry.reference)}</Ref></CdtrRefInf></Strd>`
        : '',
    ].join('');
    const debtor = entry.payerName
      ? `<RltdPties><Dbtr><Nm>${escape(entry.payerName)}</Nm></Dbtr>${
          entry.payerIban ? `<DbtrAcct><Id><IBAN>${entry.payerIban}</IBAN></Id></DbtrAcct>` : ''
        }</RltdPties>`
      : '';
    return `
      <Ntry>
        <NtryRef>${escape(entry.entryReference)}</NtryRef>
        <Amt Ccy="${ccy}">${entry.amount}</Amt>
        <CdtDbtInd>${entry.direction ?? 'CRDT'}</CdtDbtInd>
        <Sts>${entry.status ?? 'BOOK'}</Sts>
        <BookgDt><Dt>${date}</Dt></BookgDt>
        <ValDt><Dt>${date}</Dt></ValDt>
        <NtryDtls><TxDtls>
          <AmtDtls><TxAmt><Amt Ccy="${ccy}">${entry.amount}</Amt></TxAmt></AmtDtls>
          ${debtor}
          ${remittance ? `<RmtInf>${remittance}</RmtInf>` : ''}
        </TxDtls></NtryDtls>
      </Ntry>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="${spec.namespace ?? 'urn:iso:std:iso:20022:tech:xsd:camt.053.001.02'}">
  <BkToCstmrStmt>
    <GrpHdr>
      <MsgId>${escape(spec.messageId ?? `MSG-${spec.statementId}`)}</MsgId>
      <CreDtTm>2026-11-27T06:12:44+01:00</CreDtTm>
    </GrpHdr>
    <Stmt>
      <Id>${escape(spec.statementId)}</Id>
      <CreDtTm>2026-11-27T06:12:44+01:00</CreDtTm>
      <Acct>
        <Id><IBAN>${spec.iban ?? 'FR7630004000031234567890143'}</IBAN></Id>
        <Ccy>${currency}</Ccy>
      </Acct>${entries.join('')}
    </Stmt>
  </BkToCstmrStmt>
</Document>
`;
}
