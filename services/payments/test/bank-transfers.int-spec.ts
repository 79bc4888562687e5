import { INestApplication } from '@nestjs/common';
import { TestTokenIssuer } from '@obolus/auth';
import { buildCamt053, CamtEntrySpec, newPaymentReference } from '@obolus/bank-statements';
import { PaymentSucceededV1 } from '@obolus/contracts';
import { serviceConnectionUrl } from '@obolus/database';
import { UnitOfWorkRunner } from '@obolus/messaging';
import { bootstrapService, nameBasedUuid } from '@obolus/platform';
import { rowCounts, serveJwks } from '@obolus/testing';
import { randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { STATEMENT_UPLOAD } from '../src/bank-transfers/statement-upload';
import { AwaitBankTransferCommand } from '../src/bank-transfers/use-cases/await-bank-transfer/await-bank-transfer.command';
import { AwaitBankTransferUseCase } from '../src/bank-transfers/use-cases/await-bank-transfer/await-bank-transfer.use-case';
import { paymentsConfigSpec } from '../src/payments.config';
import { PaymentsModule } from '../src/payments.module';
import { CollectPaymentCommand } from '../src/payments/use-cases/collect-payment/collect-payment.command';
import { CollectPaymentUseCase } from '../src/payments/use-cases/collect-payment/collect-payment.use-case';

/** Bank transfers against the real payments schema: requested, matched from a camt.053, recorded by staff. */
describe('payments matches bank transfers from camt.053 statements (real Postgres)', () => {
  let app: INestApplication;
  let url: string;
  let db: Client;
  let jwks: Awaited<ReturnType<typeof serveJwks>>;
  let staffToken = '';
  let ownerToken = '';
  const accountId = randomUUID();
  const staffId = randomUUID();
  // Each run has its own account IBAN, statement ids, references and amounts: the schema outlives runs.
  const run = randomUUID().slice(0, 8).toUpperCase();
  const iban = `FR76${String(Date.now()).slice(-10)}${run.replace(/[^0-9]/g, '0')}12345`.slice(0, 27);
  const amountBase = 100_000 + Math.floor(Math.random() * 800_000);

  beforeAll(async () => {
    const issuer = await TestTokenIssuer.create();
    jwks = await serveJwks(issuer.jwks);
    Object.assign(process.env, {
      PORT: '0',
      DATABASE_URL: serviceConnectionUrl(process.env.DATABASE_ADMIN_URL!, 'payments'),
      IDENTITY_JWKS_URL: jwks.url,
      STRIPE_SECRET_KEY: 'sk_test_bank_transfers',
      STRIPE_API_URL: 'http://127.0.0.1:9',
      STRIPE_WEBHOOK_SECRET: 'whsec_bank_transfers',
      LOG_LEVEL: 'warn',
    });
    app = await bootstrapService({
      service: 'payments',
      config: paymentsConfigSpec,
      module: (config, logger) => PaymentsModule.forRoot(config, logger),
      rawBodies: [STATEMENT_UPLOAD],
    });
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    db = new Client({ connectionString: process.env.DATABASE_ADMIN_URL });
    await db.connect();
    staffToken = await issuer.staff({ staffId, email: 'ana@obolus.example', roles: ['support'] });
    ownerToken = await issuer.customer({ userId: randomUUID(), accountId, email: 'owner@atelier.fr', role: 'owner' });
  });
  afterAll(async () => {
    await db?.end();
    await app?.close();
    await jwks?.close();
  });

  /** A bank transfer requested by invoicing (and, when a buyer is given, its proforma), as the consumers record them. */
  async function requested(amountMinor: number, buyerName?: string, currency = 'EUR') {
    const draftId = randomUUID();
    const reference = newPaymentReference(`PF${run}${draftId.slice(0, 6)}`);
    const work = app.get(UnitOfWorkRunner);
    const request = CollectPaymentCommand.create({
      accountId,
      draftId,
      currency,
      amountDueMinor: amountMinor,
      paymentMethod: 'bank_transfer',
      description: 'Obolus Pro, annual',
      requestedAt: new Date('2026-11-20T09:00:00Z').toISOString(),
      transferReference: reference,
    });
    await work.run((uow) => app.get(CollectPaymentUseCase).execute(request, uow));
    if (buyerName) {
      const proforma = AwaitBankTransferCommand.create({
        accountId,
        draftId,
        amountMinor,
        currency,
        transferReference: reference,
        buyerName,
        proformaNumber: `PF-${run}/${draftId.slice(0, 6)}`,
        requestedAt: '2026-11-20T09:00:00Z',
      });
      await work.run((uow) => app.get(AwaitBankTransferUseCase).execute(proforma, uow));
    }
    return { paymentId: nameBasedUuid('obolus.payments.payment-for-draft', draftId), draftId, reference };
  }

  const statement = (statementId: string, entries: CamtEntrySpec[]) =>
    buildCamt053({ statementId: `${run}-${statementId}`, iban, entries });

  async function upload(xml: string): Promise<{ status: number; body: any }> {
    const response = await fetch(
      `${url}/staff/bank-statements?reason=${encodeURIComponent('Statement exported from the bank portal')}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/xml', authorization: `Bearer ${staffToken}` },
        body: xml,
      },
    );
    return { status: response.status, body: await response.json() };
  }

  async function paymentRow(paymentId: string) {
    const { rows } = await db.query(
      `SELECT status, provider, provider_payment_id, transfer_reference, buyer_name, amount_minor::int, currency,
              received_minor::int, excess_minor::int
         FROM payments.payments WHERE id = $1`,
      [paymentId],
    );
    return rows[0];
  }

  async function succeededEvents(paymentId: string): Promise<Record<string, unknown>[]> {
    const { rows } = await db.query<{ envelope: { data: Record<string, unknown> } }>(
      `SELECT envelope FROM payments.outbox WHERE event_type = $1 AND envelope->'data'->>'paymentId' = $2 ORDER BY seq`,
      [PaymentSucceededV1.type, paymentId],
    );
    return rows.map((row) => row.envelope.data);
  }

  it('records a requested bank transfer once as awaiting its reference, with the buyer the proforma names', async () => {
    const { paymentId, draftId, reference } = await requested(amountBase, 'Atelier Durand SARL');
    const again = CollectPaymentCommand.create({
      accountId,
      draftId,
      currency: 'EUR',
      amountDueMinor: amountBase,
      paymentMethod: 'bank_transfer',
      description: 'Obolus Pro, annual',
      requestedAt: '2026-11-20T09:00:00Z',
      transferReference: reference,
    });
    await app.get(UnitOfWorkRunner).run((uow) => app.get(CollectPaymentUseCase).execute(again, uow));
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM payments.payments WHERE draft_id = $1`, [draftId]);
    expect(rows[0].n).toBe(1);
    expect(await paymentRow(paymentId)).toEqual({
      status: 'processing',
      provider: 'bank',
      provider_payment_id: null,
      transfer_reference: reference,
      buyer_name: 'Atelier Durand SARL',
      amount_minor: amountBase,
      currency: 'EUR',
      received_minor: 0,
      excess_minor: 0,
    });
  });

  it('matches a statement by reference: the payment succeeds and payment.succeeded (provider bank) is in the outbox; the same file again changes nothing', async () => {
    const { paymentId, draftId, reference } = await requested(amountBase + 1);
    const unknown = newPaymentReference(`UNKNOWN${run}`);
    const xml = statement('S1', [
      { entryReference: 'E1', amount: euros(amountBase + 1), reference, payerName: 'DUPONT & FILS SARL' },
      { entryReference: 'E2', amount: '99.00', reference: unknown, payerName: 'Garage Bernard' },
      { entryReference: 'E3', amount: '45.90', direction: 'DBIT' },
    ]);

    const first = await upload(xml);
    expect(first.status).toBe(201);
    expect(first.body.alreadyRecorded).toBe(false);
    expect(first.body.statements[0]).toMatchObject({
      accountIban: iban,
      statementId: `${run}-S1`,
      uploadedBy: `staff:${staffId}`,
      counts: { matched: 1, unmatched: 1, ignored: 1 },
      payments: [{ paymentId, status: 'succeeded', receivedMinor: amountBase + 1, excessMinor: 0 }],
    });
    const entryKey = `${iban}/${run}-S1/NtryRef:E1`;
    expect(await paymentRow(paymentId)).toMatchObject({
      status: 'succeeded',
      provider_payment_id: `${entryKey}#1`,
      received_minor: amountBase + 1,
    });
    expect(await succeededEvents(paymentId)).toEqual([
      expect.objectContaining({
        paymentId,
        draftId,
        accountId,
        amountMinor: amountBase + 1,
        currency: 'EUR',
        provider: 'bank',
        providerPaymentId: `${entryKey}#1`,
        paymentMethod: 'bank_transfer',
      }),
    ]);

    // What an upload writes: the statement tables and this payment. The rest of the schema is left out:
    // the service's consumers keep recording the events other suites of this run left on the shared topics.
    const written = async () => {
      const { bank_statements, bank_statement_entries, bank_transfers } = await rowCounts(db, 'payments');
      const { rows } = await db.query('SELECT status, received_minor, excess_minor FROM payments.payments WHERE id = $1', [
        paymentId,
      ]);
      return { bank_statements, bank_statement_entries, bank_transfers, payment: rows[0] };
    };
    const before = await written();
    const second = await upload(xml);
    expect(second.status).toBe(200);
    expect(second.body.alreadyRecorded).toBe(true);
    expect(second.body.statements[0].entries).toEqual(expect.arrayContaining(first.body.statements[0].entries));
    expect(await written()).toEqual(before);
    expect(await succeededEvents(paymentId)).toHaveLength(1);

    const unmatched = await fetch(`${url}/staff/bank-statements/unmatched`, {
      headers: { authorization: `Bearer ${staffToken}` },
    }).then((response) => response.json());
    expect(unmatched).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          transactionKey: `${iban}/${run}-S1/NtryRef:E2#1`,
          reason: 'no-candidate',
          amountMinor: 9900,
          payerName: 'Garage Bernard',
          references: [unknown],
          statement: expect.objectContaining({ statementId: `${run}-S1`, accountIban: iban }),
        }),
      ]),
    );
  });

  it('matches by amount and buyer name without a reference, and never across currencies', async () => {
    const eur = await requested(amountBase + 2, `Cabinet Lefèvre ${run}`);
    const ron = await requested(amountBase + 3, `Tipografia ${run} SRL`, 'RON');
    const result = await upload(
      statement('S2', [
        { entryReference: 'E1', amount: euros(amountBase + 2), payerName: `CABINET LEFEVRE ${run}` },
        { entryReference: 'E2', amount: euros(amountBase + 3), reference: ron.reference, payerName: `TIPOGRAFIA ${run}` },
      ]),
    );
    expect(result.status).toBe(201);
    expect(result.body.statements[0].entries.map((e: any) => [e.outcome, e.reason, e.paymentId])).toEqual([
      ['matched', null, eur.paymentId],
      ['unmatched', 'currency-mismatch', null],
    ]);
    expect(await paymentRow(ron.paymentId)).toMatchObject({ status: 'processing', received_minor: 0 });
  });

  it('keeps a partial payment open, settles it with a staff transfer, and shows the excess in the payment JSON', async () => {
    const { paymentId, reference } = await requested(118_800 + amountBase);
    const partial = await upload(statement('S3', [{ entryReference: 'E1', amount: euros(50_000), reference }]));
    expect(partial.body.statements[0].payments).toEqual([
      expect.objectContaining({ paymentId, status: 'processing', receivedMinor: 50_000 }),
    ]);
    expect(await succeededEvents(paymentId)).toEqual([]);

    const key = `manual-${randomUUID()}`;
    const send = () =>
      fetch(`${url}/staff/accounts/${accountId}/payments/${paymentId}/transfers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${staffToken}`, 'idempotency-key': key },
        body: JSON.stringify({
          amountMinor: 68_801 + amountBase,
          currency: 'EUR',
          receivedOn: '2026-11-27',
          payerName: 'Atelier Durand',
          reference,
          reason: 'second transfer seen on the bank portal before the statement',
        }),
      });
    const recorded = await send();
    expect(recorded.status).toBe(201);
    const view = (await recorded.json()) as { transfer: unknown };
    expect(view).toMatchObject({
      transfer: {
        source: 'staff',
        settlement: 'excess',
        surplusMinor: 1,
        recordedBy: `staff:${staffId}`,
        receivedOn: '2026-11-27',
      },
      payment: { id: paymentId, status: 'succeeded', receivedMinor: 118_801 + amountBase, excessMinor: 1 },
    });
    const repeat = await send();
    expect(repeat.status).toBe(201);
    expect(((await repeat.json()) as { transfer: unknown }).transfer).toEqual(view.transfer);
    expect(await succeededEvents(paymentId)).toEqual([
      expect.objectContaining({ amountMinor: 118_800 + amountBase, provider: 'bank' }),
    ]);

    const payments = await fetch(`${url}/accounts/${accountId}/payments`, {
      headers: { authorization: `Bearer ${ownerToken}` },
    }).then((response) => response.json());
    expect(payments).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: paymentId, status: 'succeeded', receivedMinor: 118_801 + amountBase, excessMinor: 1 }),
      ]),
    );
  });

  it('lets staff settle a payment with an unmatched statement transaction, which then leaves the unmatched list', async () => {
    const { paymentId } = await requested(amountBase + 5);
    const uploaded = await upload(statement('S5', [{ entryReference: 'E1', amount: euros(amountBase + 5) }]));
    const [entry] = uploaded.body.statements[0].entries;
    expect(entry).toMatchObject({ outcome: 'unmatched', reason: 'no-payer-name' });
    expect(entry.candidatePaymentIds).toContain(paymentId);
    const listed = async () =>
      (
        (await fetch(`${url}/staff/bank-statements/unmatched`, { headers: { authorization: `Bearer ${staffToken}` } }).then(
          (response) => response.json(),
        )) as { transactionKey: string }[]
      ).map((e) => e.transactionKey);
    expect(await listed()).toContain(entry.transactionKey);

    const response = await fetch(`${url}/staff/accounts/${accountId}/payments/${paymentId}/transfers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${staffToken}`, 'idempotency-key': randomUUID() },
      body: JSON.stringify({
        amountMinor: amountBase + 5,
        currency: 'EUR',
        receivedOn: '2026-11-26',
        statementTransactionKey: entry.transactionKey,
        reason: 'the customer sent the transfer confirmation by e-mail',
      }),
    });
    expect(response.status).toBe(201);
    expect(await paymentRow(paymentId)).toMatchObject({ status: 'succeeded', received_minor: amountBase + 5 });
    expect(await succeededEvents(paymentId)).toHaveLength(1);
    expect(await listed()).not.toContain(entry.transactionKey);
  });

  it('records a statement uploaded twice at once only once', async () => {
    const { paymentId, reference } = await requested(amountBase + 4);
    const xml = statement('S4', [{ entryReference: 'E1', amount: euros(amountBase + 4), reference }]);
    const answers = await Promise.all([upload(xml), upload(xml), upload(xml)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 201]);
    expect(await succeededEvents(paymentId)).toHaveLength(1);
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM payments.bank_transfers WHERE payment_id = $1`, [paymentId]);
    expect(rows[0].n).toBe(1);
  });
});

/** Minor units as a bank writes the amount: 118800 → '1188.00'. */
function euros(minor: number): string {
  return `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;
}
