/** What a camt.053 file says, read into plain data; amounts are integer minor units of their currency. */

/** The camt.053 versions Obolus reads: camt.053.001.02 to camt.053.001.08. */
export const CAMT053_VERSIONS = ['02', '03', '04', '05', '06', '07', '08'] as const;
export type Camt053Version = (typeof CAMT053_VERSIONS)[number];

export type CreditDebit = 'credit' | 'debit';

/**
 * ISO 20022 entry status (ExternalEntryStatus1Code). Only BOOK is money on the account: PDNG may still
 * be cancelled, INFO and FUTR are announcements. Anything else is read as OTHER, with its code kept.
 */
export type EntryStatus = 'BOOK' | 'PDNG' | 'INFO' | 'FUTR' | 'OTHER';

export interface BankStatementFile {
  /** camt.053.001.<version>, from the root namespace. */
  version: Camt053Version;
  /** GrpHdr/MsgId: the bank's id of this file. */
  messageId: string;
  /** GrpHdr/CreDtTm, as written (ISO 8601). */
  createdAt: string;
  statements: BankStatement[];
}

export interface BankStatement {
  /** Stmt/Id: unique per account at the account servicer, not across banks. */
  id: string;
  /** Stmt/ElctrncSeqNb: the bank's running number of statements for the account, kept as digits. */
  electronicSequenceNumber?: string;
  /** Stmt/LglSeqNb, when the bank numbers statements for legal purposes too. */
  legalSequenceNumber?: string;
  /** Stmt/CreDtTm, as written. */
  createdAt: string;
  period?: { from?: string; to?: string };
  account: StatementAccount;
  /** OPBD, or PRCD (previous closing booked) when the bank sends that instead. */
  openingBalance?: StatementBalance;
  /** CLBD. */
  closingBalance?: StatementBalance;
  /**
   * Whether opening + booked credits − booked debits equals closing; undefined when a balance is missing
   * or in another currency. A false here means the file is incomplete or the bank's arithmetic is off.
   */
  balancesReconcile?: boolean;
  entries: StatementEntry[];
}

export interface StatementAccount {
  iban?: string;
  /** Acct/Id/Othr/Id, for accounts without an IBAN. */
  otherId?: string;
  /** Acct/Ccy; when absent, the currency of the first balance or entry. */
  currency: string;
  ownerName?: string;
  /** Acct/Svcr/FinInstnId BIC (BIC in .02, BICFI from .03). */
  servicerBic?: string;
}

export interface StatementBalance {
  /** Signed: negative for a debit (overdrawn) balance. */
  amountMinor: number;
  currency: string;
  date?: string;
}

/** How an entry's key was built: see `StatementEntry.key`. */
export type EntryKeySource = 'NtryRef' | 'AcctSvcrRef' | 'index';

export interface StatementEntry {
  /**
   * Stable across parses of the same file, so a second upload can be recognised:
   * `<account>/<statement id>/<source>:<value>`, where the source is NtryRef when present and unique in
   * the statement, else AcctSvcrRef when present and unique, else the entry's 1-based position.
   * The account (IBAN, else other id) is part of it because a statement id is unique per account only.
   */
  key: string;
  keySource: EntryKeySource;
  /** The statement this entry belongs to (Stmt/Id). */
  statementId: string;
  /** 1-based position of the entry in its statement. */
  position: number;
  /** Always positive; `direction` says which way the money went. */
  amountMinor: number;
  currency: string;
  direction: CreditDebit;
  /** RvslInd: this entry undoes an earlier one (a returned transfer, a cancelled debit). */
  reversal: boolean;
  status: EntryStatus;
  /** The status code as written, for OTHER. */
  statusCode: string;
  bookingDate?: string;
  valueDate?: string;
  /** NtryRef. */
  entryReference?: string;
  /** AcctSvcrRef: the bank's own reference of the entry. */
  bankReference?: string;
  bankTransactionCode?: BankTransactionCode;
  /** AddtlNtryInf: free text some banks put the payment details in instead of TxDtls. */
  additionalInfo?: string;
  /**
   * One per TxDtls, each with its own amount; an entry without TxDtls gets one transaction carrying the
   * entry's amount, so matching always works on transactions.
   */
  transactions: EntryTransaction[];
}

export interface BankTransactionCode {
  domain?: string;
  family?: string;
  subFamily?: string;
  proprietary?: string;
}

export interface EntryTransaction {
  /** `<entry key>#<1-based position in the entry>`. */
  key: string;
  amountMinor: number;
  currency: string;
  direction: CreditDebit;
  /** EndToEndId; the placeholder NOTPROVIDED is read as absent. */
  endToEndId?: string;
  instructionId?: string;
  bankReference?: string;
  debtor?: TransactionParty;
  ultimateDebtor?: TransactionParty;
  creditor?: TransactionParty;
  remittance: Remittance;
  /** AddtlTxInf: free text, sometimes the only place a bank puts the payer's details. */
  additionalInfo?: string;
}

export interface TransactionParty {
  name?: string;
  iban?: string;
}

export interface Remittance {
  /** RmtInf/Ustrd lines, in order, as written. */
  unstructured: string[];
  /** RmtInf/Strd/CdtrRefInf/Ref. */
  creditorReference?: CreditorReference;
}

export interface CreditorReference {
  /** As written, spaces removed and upper-cased. */
  value: string;
  /** True when it is an ISO 11649 RF reference with valid check digits. */
  iso11649: boolean;
  /** Tp/CdOrPrtry: SCOR for a structured creditor reference, or the proprietary type. */
  type?: string;
}
