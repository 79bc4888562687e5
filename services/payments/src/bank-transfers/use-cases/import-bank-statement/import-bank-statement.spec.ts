import { BankStatementError, buildCamt053, CamtEntrySpec, newPaymentReference } from '@obolus/bank-statements';
import { PaymentSucceededV1, StaffActionTakenV1 } from '@obolus/contracts';
import { InMemoryAccountClocks, RecordingUnitOfWork, repositoryRoot, SettableClock } from '@obolus/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { PaymentsRepository } from '../../../payments/payments.repository';
import { InMemoryPayments } from '../../../payments/test-support/in-memory-payments';
import { BankTransfersRepository } from '../../bank-transfers.repository';
import { InMemoryBankTransfers } from '../../test-support/in-memory-bank-transfers';
import { AwaitBankTransferCommand } from '../await-bank-transfer/await-bank-transfer.command';
import { AwaitBankTransferUseCase } from '../await-bank-transfer/await-bank-transfer.use-case';
import { SUPPORT } from '../../test-support/staff';
import { ImportBankStatementCommand } from './import-bank-statement.command';
import { ImportBankStatementUseCase } from './import-bank-statement.use-case';

describe('ImportBankStatementUseCase', () => {
  const clock = new SettableClock(new Date('2026-11-28T08:00:00Z'));
  let payments: InMemoryPayments;
  let transfers: InMemoryBankTransfers;
  let importStatement: ImportBankStatementUseCase;
  let awaitTransfer: AwaitBankTransferUseCase;
  let uow: RecordingUnitOfWork;

  beforeEach(() => {
    payments = new InMemoryPayments();
    transfers = new InMemoryBankTransfers(payments);
    const clocks = new InMemoryAccountClocks(clock);
    importStatement = new ImportBankStatementUseCase(
      transfers as unknown as BankTransfersRepository,
      payments as unknown as PaymentsRepository,
      clocks,
      clock,
    );
    awaitTransfer = new AwaitBankTransferUseCase(transfers as unknown as BankTransfersRepository, clocks);
    uow = new RecordingUnitOfWork(clock);
  });

  async function awaiting(reference: string, amountMinor: number, buyerName?: string, currency = 'EUR') {
    const command = AwaitBankTransferCommand.create({
      accountId: randomUUID(),
      draftId: randomUUID(),
      amountMinor,
      currency,
      transferReference: reference,
      ...(buyerName ? { buyerName } : {}),
      requestedAt: '2026-11-20T09:00:00Z',
    });
    await awaitTransfer.execute(command, uow);
    return [...payments.payments.values()].find((p) => p.draftId === command.draftId)!;
  }

  const upload = (statementId: string, entries: CamtEntrySpec[], currency = 'EUR') =>
    importStatement.execute(
      ImportBankStatementCommand.create({
        xml: Buffer.from(buildCamt053({ statementId, currency, entries })),
        uploadedBy: 'staff:ana',
        ...SUPPORT,
        reason: 'November statement from BT',
      }),
      uow,
    );

  it('matches a transfer by its reference: the payment succeeds and payment.succeeded names the bank and the entry', async () => {
    const payment = await awaiting('RF18539007547034', 118_800);
    const result = await upload('S-1', [
      { entryReference: 'E1', amount: '1188.00', reference: 'RF18 5390 0754 7034', payerName: 'Dupont & Fils SARL' },
    ]);
    expect(result.alreadyRecorded).toBe(false);
    expect(result.statements[0].counts).toEqual({ matched: 1, unmatched: 0, ignored: 0 });
    const entryKey = 'FR7630004000031234567890143/S-1/NtryRef:E1';
    expect(uow.dataOf(PaymentSucceededV1)).toEqual([
      {
        accountId: payment.accountId,
        paymentId: payment.id,
        draftId: payment.draftId,
        amountMinor: 118_800,
        currency: 'EUR',
        provider: 'bank',
        providerPaymentId: `${entryKey}#1`,
        paymentMethod: 'bank_transfer',
        succeededAt: '2026-11-28T08:00:00.000Z',
      },
    ]);
    // The account paid towards learns who uploaded the statement, and why.
    expect(uow.dataOf(StaffActionTakenV1)).toEqual([
      {
        accountId: payment.accountId,
        staffUserId: SUPPORT.staffUserId,
        staffEmail: SUPPORT.staffEmail,
        action: 'bank-statement.uploaded',
        reason: 'November statement from BT',
        subject: { type: 'bank-statement', id: result.statements[0].id },
        details: { statementId: 'S-1', accountIban: 'FR7630004000031234567890143', paymentsPaidTowards: 1 },
        occurredAt: '2026-11-28T08:00:00.000Z',
      },
    ]);
    expect(payments.payments.get(payment.id)).toMatchObject({ status: 'succeeded', receivedMinor: 118_800, excessMinor: 0 });
    expect([...transfers.transfers.values()]).toEqual([
      expect.objectContaining({
        paymentId: payment.id,
        source: 'statement',
        rule: 'reference',
        settlement: 'exact',
        receivedOn: '2026-11-26',
        recordedBy: 'staff:ana',
      }),
    ]);
  });

  it('changes nothing on a second upload of the same statement, and answers the earlier result', async () => {
    await awaiting('RF18539007547034', 118_800);
    const entries = [{ entryReference: 'E1', amount: '1188.00', reference: 'RF18539007547034' }];
    const first = await upload('S-1', entries);
    const again = await upload('S-1', entries);
    expect(again.alreadyRecorded).toBe(true);
    expect(again.statements[0].entries).toEqual(first.statements[0].entries);
    expect(uow.dataOf(PaymentSucceededV1)).toHaveLength(1);
    expect(transfers.transfers.size).toBe(1);
    expect(transfers.entries).toHaveLength(1);
  });

  it('keeps a partial payment open with what was received, and settles it from a later statement', async () => {
    const payment = await awaiting('RF18539007547034', 118_800);
    await upload('S-1', [{ entryReference: 'E1', amount: '500.00', reference: 'RF18539007547034' }]);
    expect(payments.payments.get(payment.id)).toMatchObject({ status: 'processing', receivedMinor: 50_000 });
    expect(uow.dataOf(PaymentSucceededV1)).toEqual([]);
    await upload('S-2', [{ entryReference: 'E1', amount: '688.00', reference: 'RF18539007547034' }]);
    expect(payments.payments.get(payment.id)).toMatchObject({ status: 'succeeded', receivedMinor: 118_800 });
    expect(uow.dataOf(PaymentSucceededV1)).toEqual([expect.objectContaining({ amountMinor: 118_800 })]);
  });

  it('records an excess to the cent, and publishes the amount asked', async () => {
    const payment = await awaiting('RF18539007547034', 118_800);
    await upload('S-1', [{ entryReference: 'E1', amount: '1188.01', reference: 'RF18539007547034' }]);
    expect(payments.payments.get(payment.id)).toMatchObject({ status: 'succeeded', receivedMinor: 118_801, excessMinor: 1 });
    expect([...transfers.transfers.values()]).toEqual([expect.objectContaining({ settlement: 'excess', surplusMinor: 1 })]);
    expect(uow.dataOf(PaymentSucceededV1)).toEqual([expect.objectContaining({ amountMinor: 118_800 })]);
  });

  it('matches by amount and the buyer name when the payer gave no reference', async () => {
    const payment = await awaiting('RF18539007547034', 60_000, 'Atelier Lefèvre SARL');
    await awaiting(newPaymentReference('PF2026000002'), 60_000, 'Cabinet Martin');
    const result = await upload('S-1', [{ entryReference: 'E1', amount: '600.00', payerName: 'ATELIER LEFEVRE' }]);
    expect(result.statements[0].entries).toEqual([
      expect.objectContaining({ outcome: 'matched', paymentId: payment.id, detail: 'amount-and-name: exact' }),
    ]);
  });

  it('leaves an unknown reference, another currency and a debit for staff, and changes no payment', async () => {
    const payment = await awaiting('RF18539007547034', 118_800);
    const result = await upload('S-1', [
      { entryReference: 'E1', amount: '99.00', reference: newPaymentReference('PF2026000002'), payerName: 'Garage Bernard' },
      { entryReference: 'E2', amount: '1188.00', currency: 'RON', reference: 'RF18539007547034' },
      { entryReference: 'E3', amount: '45.90', direction: 'DBIT' },
    ]);
    expect(result.statements[0].entries.map((e) => [e.outcome, e.reason])).toEqual([
      ['unmatched', 'no-candidate'],
      ['unmatched', 'currency-mismatch'],
      ['ignored', 'debit'],
    ]);
    expect(payments.payments.get(payment.id)).toMatchObject({ status: 'processing', receivedMinor: 0 });
    expect(transfers.transfers.size).toBe(0);
    expect(uow.emitted).toEqual([]);
  });

  it('pays a Romanian proforma from a BT statement (RON, ns2 prefix, diacritics): by reference in the free text, by amount and name, and a partial payment', async () => {
    const byReference = await awaiting('RF88RO2026000042', 238_000, 'Ştefănescu Ţesătorie SRL', 'RON');
    const byName = await awaiting(newPaymentReference('RO2026000044'), 119_000, 'Brânzeturi Munteanu SRL', 'RON');
    const partial = await awaiting('RF61RO2026000043', 200_000, 'Cofetăria Dulce Țară SRL-D', 'RON');
    const result = await importStatement.execute(
      ImportBankStatementCommand.create({
        xml: readFileSync(join(repositoryRoot, 'libs/bank-statements/test-fixtures/ro-bt-ron.camt053.001.04.xml')),
        uploadedBy: 'staff:ana',
        ...SUPPORT,
        reason: 'November statement from BT',
      }),
      uow,
    );
    expect(payments.payments.get(byReference.id)).toMatchObject({ status: 'succeeded', receivedMinor: 238_000 });
    expect(payments.payments.get(byName.id)).toMatchObject({ status: 'succeeded', receivedMinor: 119_000 });
    expect(payments.payments.get(partial.id)).toMatchObject({ status: 'processing', receivedMinor: 50_000 });
    expect(uow.dataOf(PaymentSucceededV1).map((e) => [e.paymentId, e.currency, e.amountMinor])).toEqual([
      [byReference.id, 'RON', 238_000],
      [byName.id, 'RON', 119_000],
    ]);
    // The payment order out (a supplier paid from the account) is a debit: ignored.
    expect(result.statements[0].counts).toEqual({ matched: 3, unmatched: 0, ignored: 1 });
  });

  it.each([
    ['malformed XML', '<Document><BkToCstmrStmt>', 'CAMT_XML_MALFORMED'],
    [
      'an XML bomb',
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><Document>&lol2;</Document>',
      'CAMT_DOCTYPE_REFUSED',
    ],
    [
      'another namespace',
      buildCamt053({ statementId: 'S', entries: [], namespace: 'urn:iso:std:iso:20022:tech:xsd:camt.052.001.02' }),
      'CAMT_UNSUPPORTED_MESSAGE',
    ],
    ['a body that is not XML', '{"statement": "S-1"}', 'CAMT_XML_MALFORMED'],
  ])('refuses %s, writing nothing', async (_label, xml, code) => {
    await expect(
      importStatement.execute(
        ImportBankStatementCommand.create({
          xml: Buffer.from(xml),
          uploadedBy: 'staff:ana',
          ...SUPPORT,
          reason: 'November statement from BT',
        }),
        uow,
      ),
    ).rejects.toThrow(expect.objectContaining({ code }) as BankStatementError);
    expect(transfers.statements.size).toBe(0);
  });

  it('refuses an empty upload before reading it', () => {
    expect(() =>
      ImportBankStatementCommand.create({
        xml: Buffer.alloc(0),
        uploadedBy: 'staff:ana',
        ...SUPPORT,
        reason: 'November statement from BT',
      }),
    ).toThrow(expect.objectContaining({ code: 'STATEMENT_MISSING' }));
  });
});
