import { MoneyError, moneyFromDecimal } from '@obolus/money';
import { BankStatementError } from '../bank-statement-error';
import {
  BankStatement,
  BankStatementFile,
  BankTransactionCode,
  CAMT053_VERSIONS,
  Camt053Version,
  CreditDebit,
  CreditorReference,
  EntryKeySource,
  EntryStatus,
  EntryTransaction,
  Remittance,
  StatementAccount,
  StatementBalance,
  StatementEntry,
  TransactionParty,
} from '../model';
import { isValidPaymentReference } from '../payment-reference/iso11649';
import { Element, invalid } from './element';
import { DEFAULT_MAX_CAMT_BYTES, readXml } from './read-xml';

export interface ParseCamt053Options {
  /** Larger files are refused before parsing; 20 MB by default. */
  maxBytes?: number;
}

const NAMESPACE = /^urn:iso:std:iso:20022:tech:xsd:camt\.053\.001\.(\d\d)$/;
const DATE = /^\d{4}-\d{2}-\d{2}/;
const MAX_AMOUNT_LENGTH = 19;
const KNOWN_STATUSES: ReadonlySet<string> = new Set(['BOOK', 'PDNG', 'INFO', 'FUTR']);

interface Amount {
  amountMinor: number;
  currency: string;
}

/**
 * Reads an ISO 20022 camt.053 (bank-to-customer statement), versions .001.02 to .001.08, whatever
 * namespace prefix the bank uses. Throws BankStatementError, naming the element at fault, for a file
 * that is too large, declares a DOCTYPE, is not well-formed, is another message, or lacks what a
 * statement must have. Amounts become integer minor units of their currency, never floats.
 */
export function parseCamt053(xml: string | Buffer, options: ParseCamt053Options = {}): BankStatementFile {
  const root = readXml(xml, options.maxBytes ?? DEFAULT_MAX_CAMT_BYTES);
  const version = versionOf(root.namespace);
  if (root.name !== 'Document') {
    throw new BankStatementError(
      'CAMT_UNSUPPORTED_MESSAGE',
      `the root element is ${root.name}, not a camt.053 Document`,
      `/${root.name}`,
    );
  }
  const document = new Element(root.node, '/Document');
  const message = document.one('BkToCstmrStmt');
  if (!message) {
    throw new BankStatementError(
      'CAMT_UNSUPPORTED_MESSAGE',
      'the Document holds no BkToCstmrStmt: not a bank statement',
      '/Document',
    );
  }
  const header = message.need('GrpHdr');
  const statements = message.all('Stmt');
  if (statements.length === 0) throw invalid(`${message.path}/Stmt`, 'the file holds no statement');
  return {
    version,
    messageId: header.needText('MsgId'),
    createdAt: dateTime(header, 'CreDtTm'),
    statements: statements.map(readStatement),
  };
}

function versionOf(namespace: string): Camt053Version {
  const match = NAMESPACE.exec(namespace);
  const version = match?.[1] as Camt053Version | undefined;
  if (!version || !CAMT053_VERSIONS.includes(version)) {
    throw new BankStatementError(
      'CAMT_UNSUPPORTED_MESSAGE',
      `namespace '${namespace}' is not camt.053.001.02 to camt.053.001.08`,
      '/',
      'unsupported-media-type',
    );
  }
  return version;
}

function readStatement(statement: Element): BankStatement {
  const id = statement.needText('Id');
  const account = readAccount(statement);
  const balances = statement.all('Bal').map((balance) => ({ type: balanceType(balance), balance: readBalance(balance) }));
  const openingBalance = (balances.find((b) => b.type === 'OPBD') ?? balances.find((b) => b.type === 'PRCD'))?.balance;
  const closingBalance = balances.find((b) => b.type === 'CLBD')?.balance;
  const entryElements = statement.all('Ntry');
  const currency = account.currency ?? openingBalance?.currency ?? closingBalance?.currency;
  const keys = entryKeys(entryElements, `${account.iban ?? account.otherId}/${id}`);
  const entries = entryElements.map((entry, i) => readEntry(entry, i + 1, id, keys[i]));
  const firstEntryCurrency = entries[0]?.currency;
  if (!currency && !firstEntryCurrency)
    throw invalid(`${statement.path}/Acct/Ccy`, 'no account currency, balance or entry to tell it');
  const period = statement.one('FrToDt');
  return dropUndefined<BankStatement>({
    id,
    electronicSequenceNumber: statement.text('ElctrncSeqNb'),
    legalSequenceNumber: statement.text('LglSeqNb'),
    createdAt: dateTime(statement, 'CreDtTm'),
    period: period ? dropUndefined({ from: period.text('FrDtTm'), to: period.text('ToDtTm') }) : undefined,
    account: dropUndefined<StatementAccount>({ ...account, currency: currency ?? firstEntryCurrency ?? '' }),
    openingBalance,
    closingBalance,
    balancesReconcile: reconcile(openingBalance, closingBalance, entries),
    entries,
  });
}

function readAccount(statement: Element): Omit<StatementAccount, 'currency'> & { currency?: string } {
  const account = statement.need('Acct');
  const iban = account.text('Id', 'IBAN');
  const otherId = account.text('Id', 'Othr', 'Id');
  if (!iban && !otherId) throw invalid(`${account.path}/Id`, 'the account has neither an IBAN nor another id');
  const servicer = account.one('Svcr', 'FinInstnId');
  return {
    iban: iban ? compact(iban) : undefined,
    otherId,
    currency: account.text('Ccy'),
    ownerName: account.text('Ownr', 'Nm'),
    servicerBic: servicer?.text('BICFI') ?? servicer?.text('BIC'),
  };
}

function balanceType(balance: Element): string {
  return balance.text('Tp', 'CdOrPrtry', 'Cd') ?? balance.text('Tp', 'CdOrPrtry', 'Prtry') ?? '';
}

function readBalance(balance: Element): StatementBalance {
  const { amountMinor, currency } = readAmount(balance.need('Amt'));
  const direction = creditDebit(balance);
  return dropUndefined<StatementBalance>({
    amountMinor: direction === 'debit' && amountMinor !== 0 ? -amountMinor : amountMinor,
    currency,
    date: date(balance.one('Dt')),
  });
}

/**
 * Keys must not collide within a statement, or a second entry would pass for a repeat of the first:
 * a reference that two entries share is not used for either of them.
 */
function entryKeys(entries: Element[], prefix: string): { key: string; source: EntryKeySource }[] {
  const counts = (name: string) => {
    const seen = new Map<string, number>();
    for (const entry of entries) {
      const value = entry.text(name);
      if (value !== undefined) seen.set(value, (seen.get(value) ?? 0) + 1);
    }
    return seen;
  };
  const entryRefs = counts('NtryRef');
  const bankRefs = counts('AcctSvcrRef');
  return entries.map((entry, i) => {
    const entryRef = entry.text('NtryRef');
    if (entryRef !== undefined && entryRefs.get(entryRef) === 1)
      return { key: `${prefix}/NtryRef:${entryRef}`, source: 'NtryRef' };
    const bankRef = entry.text('AcctSvcrRef');
    if (bankRef !== undefined && bankRefs.get(bankRef) === 1)
      return { key: `${prefix}/AcctSvcrRef:${bankRef}`, source: 'AcctSvcrRef' };
    return { key: `${prefix}/index:${i + 1}`, source: 'index' };
  });
}

function readEntry(
  entry: Element,
  position: number,
  statementId: string,
  key: { key: string; source: EntryKeySource },
): StatementEntry {
  const amount = readAmount(entry.need('Amt'));
  const direction = creditDebit(entry);
  const statusCode = entry.text('Sts', 'Cd') ?? entry.text('Sts', 'Prtry') ?? entry.text('Sts');
  if (statusCode === undefined) throw invalid(`${entry.path}/Sts`, 'the entry has no status');
  const reversal = entry.text('RvslInd');
  const details = entry.all('NtryDtls').flatMap((d) => d.all('TxDtls'));
  const shared = { entryKey: key.key, entry: amount, direction, batched: details.length > 1 };
  const transactions =
    details.length === 0
      ? [{ key: `${key.key}#1`, ...amount, direction, remittance: { unstructured: [] } }]
      : details.map((detail, i) => readTransaction(detail, i + 1, shared));
  return dropUndefined<StatementEntry>({
    key: key.key,
    keySource: key.source,
    statementId,
    position,
    ...amount,
    direction,
    reversal: reversal === 'true' || reversal === '1',
    status: (KNOWN_STATUSES.has(statusCode) ? statusCode : 'OTHER') as EntryStatus,
    statusCode,
    bookingDate: date(entry.one('BookgDt')),
    valueDate: date(entry.one('ValDt')),
    entryReference: entry.text('NtryRef'),
    bankReference: entry.text('AcctSvcrRef'),
    bankTransactionCode: bankTransactionCode(entry.one('BkTxCd')),
    additionalInfo: entry.text('AddtlNtryInf'),
    transactions,
  });
}

interface EntryContext {
  entryKey: string;
  entry: Amount;
  direction: CreditDebit;
  batched: boolean;
}

function readTransaction(detail: Element, position: number, context: EntryContext): EntryTransaction {
  const parties = detail.one('RltdPties');
  const endToEndId = detail.text('Refs', 'EndToEndId');
  return dropUndefined<EntryTransaction>({
    key: `${context.entryKey}#${position}`,
    ...transactionAmount(detail, context),
    direction: detail.one('CdtDbtInd') ? creditDebit(detail) : context.direction,
    endToEndId: endToEndId === 'NOTPROVIDED' ? undefined : endToEndId,
    instructionId: detail.text('Refs', 'InstrId'),
    bankReference: detail.text('Refs', 'AcctSvcrRef'),
    debtor: party(parties, 'Dbtr', 'DbtrAcct'),
    ultimateDebtor: party(parties, 'UltmtDbtr'),
    creditor: party(parties, 'Cdtr', 'CdtrAcct'),
    remittance: remittance(detail.one('RmtInf')),
    additionalInfo: detail.text('AddtlTxInf'),
  });
}

/**
 * TxDtls/Amt from .03 on; AmtDtls/TxAmt in .02. A lone transaction without either takes the entry's
 * amount; in a batch each must state its own, since splitting the entry's total would invent amounts.
 */
function transactionAmount(detail: Element, context: EntryContext): Amount {
  const own = detail.one('Amt') ?? detail.one('AmtDtls', 'TxAmt', 'Amt');
  if (own) return readAmount(own);
  if (!context.batched) return context.entry;
  throw invalid(`${detail.path}/Amt`, 'a transaction of a batched entry states no amount of its own');
}

/** Party names moved under Pty in .08 (Party40Choice); earlier versions have Nm directly. */
function party(parties: Element | undefined, role: string, accountRole?: string): TransactionParty | undefined {
  if (!parties) return undefined;
  const element = parties.one(role);
  const name = element?.text('Pty', 'Nm') ?? element?.text('Nm');
  const iban = accountRole ? parties.text(accountRole, 'Id', 'IBAN') : undefined;
  if (name === undefined && iban === undefined) return undefined;
  return dropUndefined({ name, iban: iban ? compact(iban) : undefined });
}

function remittance(info: Element | undefined): Remittance {
  const unstructured = (info?.all('Ustrd') ?? []).map((line) => line.text()).filter((line): line is string => line !== undefined);
  const reference = (info?.all('Strd') ?? []).map((s) => s.one('CdtrRefInf')).find((r) => r?.text('Ref') !== undefined);
  if (!reference) return { unstructured };
  const value = compact(reference.text('Ref') ?? '');
  const creditorReference: CreditorReference = dropUndefined({
    value,
    iso11649: isValidPaymentReference(value),
    type: reference.text('Tp', 'CdOrPrtry', 'Cd') ?? reference.text('Tp', 'CdOrPrtry', 'Prtry'),
  });
  return { unstructured, creditorReference };
}

function bankTransactionCode(code: Element | undefined): BankTransactionCode | undefined {
  if (!code) return undefined;
  const result = dropUndefined<BankTransactionCode>({
    domain: code.text('Domn', 'Cd'),
    family: code.text('Domn', 'Fmly', 'Cd'),
    subFamily: code.text('Domn', 'Fmly', 'SubFmlyCd'),
    proprietary: code.text('Prtry', 'Cd'),
  });
  return Object.keys(result).length ? result : undefined;
}

function readAmount(element: Element): Amount {
  const currency = element.attribute('Ccy');
  if (!currency) throw invalid(`${element.path}/@Ccy`, 'the amount has no currency');
  const text = element.text();
  // ISO 20022 amounts have at most 18 digits; a longer string is refused before it reaches BigInt.
  if (text === undefined || text.length > MAX_AMOUNT_LENGTH || !/^\d+(\.\d+)?$/.test(text)) {
    throw invalid(element.path, `'${shown(text ?? '')}' is not a non-negative decimal amount of at most 18 digits`);
  }
  try {
    const { amountMinor } = moneyFromDecimal(text, currency);
    return { amountMinor, currency };
  } catch (error) {
    if (error instanceof MoneyError) throw invalid(element.path, error.message);
    throw error;
  }
}

function creditDebit(element: Element): CreditDebit {
  const indicator = element.text('CdtDbtInd');
  if (indicator === 'CRDT') return 'credit';
  if (indicator === 'DBIT') return 'debit';
  throw invalid(`${element.path}/CdtDbtInd`, `'${shown(indicator ?? '')}' is neither CRDT nor DBIT`);
}

/** A DateAndDateTimeChoice read as its calendar date (YYYY-MM-DD, in the bank's own offset). */
function date(choice: Element | undefined): string | undefined {
  if (!choice) return undefined;
  const text = choice.text('Dt') ?? choice.text('DtTm');
  if (text === undefined) return undefined;
  if (!DATE.test(text)) throw invalid(choice.path, `'${shown(text)}' is not an ISO 8601 date`);
  return text.slice(0, 10);
}

function dateTime(parent: Element, name: string): string {
  const text = parent.needText(name);
  if (!DATE.test(text)) throw invalid(`${parent.path}/${name}`, `'${shown(text)}' is not an ISO 8601 date and time`);
  return text;
}

function reconcile(
  opening: StatementBalance | undefined,
  closing: StatementBalance | undefined,
  entries: StatementEntry[],
): boolean | undefined {
  if (!opening || !closing || opening.currency !== closing.currency) return undefined;
  const booked = entries.filter((e) => e.status === 'BOOK');
  if (booked.some((e) => e.currency !== opening.currency)) return undefined;
  const movement = booked.reduce((sum, e) => sum + BigInt(e.direction === 'credit' ? e.amountMinor : -e.amountMinor), 0n);
  return BigInt(opening.amountMinor) + movement === BigInt(closing.amountMinor);
}

/** Hostile files put megabytes in one element: a refusal quotes only the start of it. */
function shown(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function compact(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

function dropUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}
