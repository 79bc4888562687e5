import { INestApplication } from '@nestjs/common';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the ANAF sandbox stands in for ANAF, as in e2e
import { AnafSandbox } from '@obolus/anaf-sandbox';
import { TestTokenIssuer } from '@obolus/auth';
import { calendarDateInZone } from '@obolus/calendar';
import { CloudEvent, InvoiceIssuedV1Data } from '@obolus/contracts';
import { ScheduledJobRunner, ScheduledJobsRepository, UnitOfWorkRunner } from '@obolus/messaging';
import { issuedRomanianInvoice, waitFor } from '@obolus/testing';
import { CiusRoValidator } from '@obolus/ubl';
import { createHash, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ExportAccountDataCommand } from '../src/account-data/use-cases/export-account-data/export-account-data.command';
import { ExportAccountDataUseCase } from '../src/account-data/use-cases/export-account-data/export-account-data.use-case';
import { DocumentsConsumer } from '../src/documents/documents.consumer';
import {
  GatewayWithAnafSandbox,
  Owner,
  SANDBOX_CLIENT as CLIENT,
  SELLER_CIF,
  startGatewayWithAnafSandbox,
} from './gateway-with-anaf-sandbox';

describe('efactura-gateway outcomes and deadlines: the events published with each state change (real Postgres, ANAF sandbox)', () => {
  let gateway: GatewayWithAnafSandbox;
  let anaf: AnafSandbox;
  let app: INestApplication;
  let url: string;
  let db: Client;
  let issuer: TestTokenIssuer;
  let work: UnitOfWorkRunner;
  /** The service's jobs on a runner of the spec's own, retrying after 50 ms instead of 1 s. */
  let runner: ScheduledJobRunner;

  beforeAll(async () => {
    gateway = await startGatewayWithAnafSandbox({
      sandbox: { validator: CiusRoValidator.create({ warmUp: true }) },
      // No listing of received invoices: this spec is about what the gateway sends.
      env: { EFACTURA_INCOMING_POLL_MS: '3600000' },
      incomingJobs: false,
    });
    ({ anaf, app, url, db, issuer, work, runner } = gateway);
  });

  afterAll(async () => {
    await gateway?.close();
  });

  const call = <T>(method: string, path: string, token?: string, body?: unknown) => gateway.call<T>(method, path, token, body);
  const owner = () => gateway.owner();
  /** The owner connects the CUI: Obolus's start route, ANAF's approve page (the certificate step); the callback is the test's. */
  const connect = (who: Owner): Promise<URL> => gateway.authorize(who);

  /** An invoice of the account, issued on `issueDate` (today in Romania unless said), with a number of its own. */
  function invoiceOf(accountId: string, issueDate = calendarDateInZone(new Date(), 'Europe/Bucharest')): InvoiceIssuedV1Data {
    const invoice = issuedRomanianInvoice();
    const suffix = String(Math.floor(Math.random() * 999_999)).padStart(6, '0');
    return { ...invoice, accountId, invoiceId: randomUUID(), number: `OBRO-2026-${suffix}`, issueDate };
  }

  /** Puts the account on a new test clock at `start`; moving it on runs the gateway's jobs due by then. */
  async function onTestClock(
    accountId: string,
    start: string,
  ): Promise<{ clockId: string; moveTo: (iso: string) => Promise<void> }> {
    const clockId = randomUUID();
    const repository = app.get(ScheduledJobsRepository);
    await work.run(async (uow) => {
      await repository.advanceClock(uow, clockId, new Date(start), new Date());
      await repository.assignClock(uow, accountId, clockId);
    });
    const moveTo = async (iso: string) => {
      await work.run(async (uow) => {
        await repository.advanceClock(uow, clockId, new Date(iso), new Date());
      });
      await runner.runDue({ clockId });
    };
    return { clockId, moveTo };
  }

  async function issue(invoice: InvoiceIssuedV1Data): Promise<void> {
    const event = {
      id: randomUUID(),
      type: 'obolus.invoicing.invoice.issued.v1',
      data: invoice,
    } as CloudEvent<InvoiceIssuedV1Data>;
    await gateway.handOff((context) => app.get(DocumentsConsumer).onInvoiceIssued(event, context));
  }

  type Submission = {
    status: string;
    uploadIndex: string | null;
    anafErrors: string[];
    ruleIds: string[];
    archived: boolean;
    endpoint: string;
  };
  const submissionOf = (who: { accountId: string; token: string }, invoiceId: string) =>
    call<Submission>('GET', `/accounts/${who.accountId}/efactura/invoices/${invoiceId}/submission`, who.token);

  /** Runs due jobs until the submission reaches `status` (retries wait 50 ms, polls 1 s). */
  async function until(who: { accountId: string; token: string }, invoiceId: string, status: string): Promise<Submission> {
    return waitFor(
      async () => {
        await runner.runDue();
        const found = await submissionOf(who, invoiceId);
        return found.status === 200 && found.body.status === status ? found.body : undefined;
      },
      { what: `the submission ${status}`, timeoutMs: 30_000, intervalMs: 100 },
    );
  }

  /** The data of the events of a type the gateway wrote to its outbox for an invoice (or a CUI's account), in order. */
  async function published<T = Record<string, unknown>>(
    type: string,
    where: { invoiceId?: string; accountId?: string },
  ): Promise<T[]> {
    const [field, value] = where.invoiceId ? ['invoiceId', where.invoiceId] : ['accountId', where.accountId!];
    const rows = await db.query(
      `SELECT envelope FROM efactura_gateway.outbox WHERE event_type = $1 AND envelope->'data'->>$2 = $3 ORDER BY seq`,
      [type, field, value],
    );
    return rows.rows.map((row: { envelope: { data: T } }) => row.envelope.data);
  }

  async function documentIdOf(invoiceId: string): Promise<string | undefined> {
    const rows = await db.query(`SELECT id FROM efactura_gateway.documents WHERE invoice_id = $1`, [invoiceId]);
    return (rows.rows[0] as { id: string } | undefined)?.id;
  }

  let connected: { accountId: string; token: string };

  beforeAll(async () => {
    connected = await owner();
    const callback = await connect(connected);
    expect((await call('GET', `${callback.pathname}${callback.search}`)).status).toBe(200);
  });

  it("publishes submission.accepted with ANAF's ids and the fingerprint of the archived ZIP, in the unit of work that accepts", async () => {
    const invoice = invoiceOf(connected.accountId);
    await issue(invoice);
    const uploaded = await until(connected, invoice.invoiceId, 'uploaded');
    expect(await published('obolus.efactura.submission.accepted.v1', { invoiceId: invoice.invoiceId })).toEqual([]);
    await anaf.advanceProcessing(Number(uploaded.uploadIndex));
    const accepted = await until(connected, invoice.invoiceId, 'accepted');

    const archive = await fetch(`${url}/accounts/${connected.accountId}/efactura/invoices/${invoice.invoiceId}/anaf-archive`, {
      headers: { authorization: `Bearer ${connected.token}` },
    });
    const zip = Buffer.from(await archive.arrayBuffer());
    const events = await published('obolus.efactura.submission.accepted.v1', { invoiceId: invoice.invoiceId });
    expect(events).toEqual([
      {
        accountId: connected.accountId,
        documentId: expect.any(String),
        invoiceId: invoice.invoiceId,
        invoiceNumber: invoice.number,
        cif: SELLER_CIF,
        uploadIndex: uploaded.uploadIndex,
        downloadId: (accepted as unknown as { downloadId: string }).downloadId,
        archiveSha256: createHash('sha256').update(zip).digest('hex'),
        acceptedAt: expect.any(String),
      },
    ]);
    expect(await published('obolus.efactura.submission.rejected.v1', { invoiceId: invoice.invoiceId })).toEqual([]);
  });

  it("publishes submission.rejected with ANAF's messages when the sandbox rejects what our validator passed", async () => {
    const invoice = invoiceOf(connected.accountId);
    const message = 'E: validari globale  SCHEMATRON   eroare: [BR-RO-100]-Sandbox refuses <this> one & "that"';
    const control = await fetch(`${anaf.url}/_sandbox/reject-next`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ count: 1, errors: [message] }),
    });
    expect(control.status).toBeLessThan(300);
    await issue(invoice);
    const uploaded = await until(connected, invoice.invoiceId, 'uploaded');
    await anaf.advanceProcessing(Number(uploaded.uploadIndex));
    await until(connected, invoice.invoiceId, 'rejected');
    expect(await published('obolus.efactura.submission.rejected.v1', { invoiceId: invoice.invoiceId })).toEqual([
      {
        accountId: connected.accountId,
        documentId: expect.any(String),
        invoiceId: invoice.invoiceId,
        invoiceNumber: invoice.number,
        cif: SELLER_CIF,
        uploadIndex: uploaded.uploadIndex,
        downloadId: expect.stringMatching(/^\d+$/),
        messages: [expect.stringContaining('[BR-RO-100]-Sandbox refuses <this> one & "that"')],
        messageCount: 1,
        ruleIds: ['BR-RO-100'],
        rejectedAt: expect.any(String),
      },
    ]);
    expect(await published('obolus.efactura.submission.accepted.v1', { invoiceId: invoice.invoiceId })).toEqual([]);
  });

  it("alerts 2 and 1 working days before the deadline on the account's test clock, across Christmas, then records the miss", async () => {
    const onClock = await owner();
    const { moveTo } = await onTestClock(onClock.accountId, '2026-12-18T08:00:00.000Z');
    // Issued on Friday 18 December 2026. Its document fails the official rules (a Romanian company
    // without any id, BR-RO-120), so it is never sent and can only wait for its deadline: Monday 28
    // December, the 5th working day once Christmas (Friday 25) is skipped.
    const invoice = invoiceOf(onClock.accountId, '2026-12-18');
    invoice.buyer = { legalName: 'Firma Fără Cod SRL', buyerType: 'business', address: invoice.buyer.address };
    await issue(invoice);
    const approaching = () =>
      published<{ workingDaysLeft: number; uploadDeadline: string; status: string; alertedAt: string }>(
        'obolus.efactura.deadline.approaching.v1',
        { invoiceId: invoice.invoiceId },
      );
    const missed = () => published('obolus.efactura.deadline.missed.v1', { invoiceId: invoice.invoiceId });

    // Tuesday 22, 23:00 in Bucharest: still 3 working days (23, 24, 28).
    await moveTo('2026-12-22T21:00:00.000Z');
    expect(await approaching()).toEqual([]);
    // Wednesday 23: 2 working days before.
    await moveTo('2026-12-23T09:00:00.000Z');
    expect(await approaching()).toEqual([
      expect.objectContaining({
        workingDaysLeft: 2,
        uploadDeadline: '2026-12-28',
        status: 'invalid',
        alertedAt: '2026-12-23T09:00:00.000Z',
      }),
    ]);
    // Across Christmas to Monday 28 at noon, the deadline's own day: the 1-day alert went out (on the 24th), nothing missed yet.
    await moveTo('2026-12-28T10:00:00.000Z');
    expect((await approaching()).map((e) => e.workingDaysLeft)).toEqual([2, 1]);
    expect(await missed()).toEqual([]);
    // Tuesday 29 in Bucharest: missed, recorded on the document and reported.
    await moveTo('2026-12-28T22:00:00.000Z');
    expect(await missed()).toEqual([
      expect.objectContaining({ uploadDeadline: '2026-12-28', status: 'invalid', missedAt: '2026-12-28T22:00:00.000Z' }),
    ]);
    const documents = await call<{ invoiceId: string; deadlineMissedAt: string | null }[]>(
      'GET',
      `/accounts/${onClock.accountId}/efactura/documents`,
      onClock.token,
    );
    expect(documents.body.find((d) => d.invoiceId === invoice.invoiceId)).toMatchObject({
      uploadDeadline: '2026-12-28',
      deadlineMissedAt: '2026-12-28T22:00:00.000Z',
    });
    // Once: moving on reports nothing more.
    await moveTo('2027-01-05T10:00:00.000Z');
    expect(await missed()).toHaveLength(1);
    expect(await approaching()).toHaveLength(2);
  });

  it('keeps the deadline alerts on time while ANAF is down across Christmas, and uploads once it is back', async () => {
    const onClock = await owner();
    const callback = await connect(onClock);
    expect((await call('GET', `${callback.pathname}${callback.search}`)).status).toBe(200);
    const { clockId, moveTo } = await onTestClock(onClock.accountId, '2026-12-23T20:00:00.000Z');
    const repository = app.get(ScheduledJobsRepository);
    // Issued Monday 21 December 2026: its deadline is Tuesday 29 (22, 23, 24, then Christmas 25-26 and
    // the weekend skipped, 28, 29). Its document reaches the gateway on Wednesday 23 at 22:00 in
    // Bucharest, while ANAF is down; it stays down on Thursday 24 and Monday 28.
    const invoice = invoiceOf(onClock.accountId, '2026-12-21');
    anaf.goDown({ mode: 'reset' });
    try {
      await issue(invoice);
      await runner.runDue({ clockId });
      const approaching = () =>
        published<{ workingDaysLeft: number; uploadDeadline: string; status: string; alertedAt: string }>(
          'obolus.efactura.deadline.approaching.v1',
          { invoiceId: invoice.invoiceId },
        );
      expect(await approaching()).toEqual([]);

      // Thursday 24 at 00:00 in Bucharest: 2 working days before; the upload keeps failing, the alert goes out.
      await moveTo('2026-12-23T22:00:00.000Z');
      expect(await approaching()).toEqual([
        expect.objectContaining({
          workingDaysLeft: 2,
          uploadDeadline: '2026-12-29',
          status: 'queued',
          alertedAt: '2026-12-23T22:00:00.000Z',
        }),
      ]);
      // Through the day: more failed uploads, nothing more said, nothing lost.
      await moveTo('2026-12-24T15:00:00.000Z');
      // Across Christmas and the weekend to Monday 28, 1 working day before: the second alert, on time.
      await moveTo('2026-12-27T22:00:00.000Z');
      expect(await approaching()).toEqual([
        expect.objectContaining({ workingDaysLeft: 2, alertedAt: '2026-12-23T22:00:00.000Z' }),
        expect.objectContaining({ workingDaysLeft: 1, status: 'queued', alertedAt: '2026-12-27T22:00:00.000Z' }),
      ]);
      // Nothing lost: the document is still queued, its upload job pending (retrying, or held behind the
      // account's other ANAF calls that fail while ANAF is down).
      expect((await submissionOf(onClock, invoice.invoiceId)).body).toMatchObject({
        status: 'queued',
        uploadIndex: null,
        anafErrors: [],
      });
      const documentId = (await documentIdOf(invoice.invoiceId))!;
      expect(await work.run((uow) => repository.find(uow, 'efactura-upload', documentId))).toMatchObject({ status: 'pending' });
      expect(await published('obolus.efactura.submission.rejected.v1', { invoiceId: invoice.invoiceId })).toEqual([]);
    } finally {
      await anaf.comeUp();
    }

    // ANAF is back on Monday 28 at 09:00: the same upload goes through, is accepted, and the deadline is met.
    const uploaded = await waitFor(
      async () => {
        await moveTo('2026-12-28T07:00:00.000Z');
        const found = await submissionOf(onClock, invoice.invoiceId);
        return found.body.status === 'uploaded' ? found.body : undefined;
      },
      { what: 'the upload once ANAF is back', timeoutMs: 30_000, intervalMs: 100 },
    );
    await anaf.advanceProcessing(Number(uploaded.uploadIndex));
    await moveTo('2026-12-28T07:05:00.000Z');
    expect((await submissionOf(onClock, invoice.invoiceId)).body).toMatchObject({ status: 'accepted', archived: true });
    expect(await published('obolus.efactura.submission.accepted.v1', { invoiceId: invoice.invoiceId })).toHaveLength(1);
    await moveTo('2026-12-30T10:00:00.000Z');
    expect(await published('obolus.efactura.deadline.missed.v1', { invoiceId: invoice.invoiceId })).toEqual([]);
  });

  it('manual mode: a valid document is held until the owner sends it with one click; back to automatic, held ones are queued', async () => {
    const manual = await owner();
    const callback = await connect(manual);
    expect((await call('GET', `${callback.pathname}${callback.search}`)).status).toBe(200);
    const settings = `/accounts/${manual.accountId}/efactura/settings`;
    expect((await call('GET', settings, manual.token)).body).toEqual({ uploadMode: 'automatic', updatedAt: null, queued: 0 });
    const user = await issuer.customer({
      userId: randomUUID(),
      accountId: manual.accountId,
      email: 'user@example.ro',
      role: 'user',
    });
    expect((await call('PUT', settings, user, { uploadMode: 'manual' })).status).toBe(403);
    const bad = await call<{ code: string; fields: { field: string }[] }>('PUT', settings, manual.token, {
      uploadMode: 'sometimes',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f) => f.field)).toContain('uploadMode');
    expect((await call('GET', settings, manual.token)).body).toMatchObject({ uploadMode: 'automatic' });
    const chosen = await call('PUT', settings, manual.token, { uploadMode: 'manual' });
    expect(chosen).toEqual({ status: 200, body: { uploadMode: 'manual', updatedAt: expect.any(String), queued: 0 } });

    const uploadsBefore = anaf.requests('/upload').length;
    const invoice = invoiceOf(manual.accountId);
    await issue(invoice);
    await runner.runDue();
    expect((await submissionOf(manual, invoice.invoiceId)).body).toMatchObject({ status: 'held', uploadIndex: null, attempt: 1 });
    expect(anaf.requests('/upload').length).toBe(uploadsBefore);

    const send = (who: { accountId: string; token: string }, invoiceId: string) =>
      call<Submission & { code?: string }>(
        'POST',
        `/accounts/${who.accountId}/efactura/invoices/${invoiceId}/submission/upload`,
        who.token,
      );
    // Another tenant cannot send it (nor learn it exists); a user who is neither owner nor admin cannot either.
    const stranger = await owner();
    expect(
      (
        await call(
          'POST',
          `/accounts/${manual.accountId}/efactura/invoices/${invoice.invoiceId}/submission/upload`,
          stranger.token,
        )
      ).status,
    ).toBe(404);
    expect((await send(stranger, invoice.invoiceId)).status).toBe(404);
    expect((await send({ accountId: manual.accountId, token: user }, invoice.invoiceId)).status).toBe(403);

    const sent = await send(manual, invoice.invoiceId);
    expect(sent.status).toBe(202);
    expect(sent.body).toMatchObject({ invoiceId: invoice.invoiceId, status: 'queued', attempt: 1, previousAttempts: [] });
    const again = await send(manual, invoice.invoiceId);
    expect(again).toMatchObject({ status: 409, body: { code: 'SUBMISSION_NOT_HELD' } });
    const uploaded = await until(manual, invoice.invoiceId, 'uploaded');
    await anaf.advanceProcessing(Number(uploaded.uploadIndex));
    await until(manual, invoice.invoiceId, 'accepted');
    expect(await published('obolus.efactura.submission.accepted.v1', { invoiceId: invoice.invoiceId })).toHaveLength(1);

    // Another held one; switching back to automatic queues it without a click.
    const second = invoiceOf(manual.accountId);
    await issue(second);
    await runner.runDue();
    expect((await submissionOf(manual, second.invoiceId)).body.status).toBe('held');
    const back = await call('PUT', settings, manual.token, { uploadMode: 'automatic' });
    expect(back).toEqual({ status: 200, body: { uploadMode: 'automatic', updatedAt: expect.any(String), queued: 1 } });
    expect((await until(manual, second.invoiceId, 'uploaded')).uploadIndex).toMatch(/^\d+$/);
  });

  it('staff retry a rejected submission: the same stored XML uploaded again as attempt 2, the first kept with who and why', async () => {
    const staffId = randomUUID();
    const staff = await issuer.staff({ staffId, email: 'support@obolus.example', roles: ['support'] });
    const invoice = invoiceOf(connected.accountId);
    anaf.rejectNext({ count: 1, errors: ['E: validari globale  SCHEMATRON   eroare: [BR-RO-010]-Sandbox refuses it once'] });
    await issue(invoice);
    const first = await until(connected, invoice.invoiceId, 'uploaded');
    await anaf.advanceProcessing(Number(first.uploadIndex));
    const rejected = await until(connected, invoice.invoiceId, 'rejected');
    const xmlBefore = await db.query(
      `SELECT md5(xml) AS h, status, valid FROM efactura_gateway.documents WHERE invoice_id = $1`,
      [invoice.invoiceId],
    );

    const retryPath = `/staff/accounts/${connected.accountId}/efactura/invoices/${invoice.invoiceId}/submission/retry`;
    // Customers cannot; a reason is required; another account's id finds nothing.
    expect((await call('POST', retryPath, connected.token, { reason: 'authorisation renewed' })).status).toBe(403);
    const noReason = await call<{ fields: { field: string }[] }>('POST', retryPath, staff, {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.fields.map((f) => f.field)).toContain('reason');
    const shortReason = await call<{ fields: { field: string }[] }>('POST', retryPath, staff, { reason: 'ok' });
    expect(shortReason.status).toBe(400);
    expect(shortReason.body.fields.map((f) => f.field)).toContain('reason');
    const elsewhere = `/staff/accounts/${randomUUID()}/efactura/invoices/${invoice.invoiceId}/submission/retry`;
    expect((await call('POST', elsewhere, staff, { reason: 'wrong account' })).status).toBe(404);

    const reason = 'ANAF confirmed a fault on its side (ticket 4711)';
    const retried = await call<Submission & { attempt: number; previousAttempts: unknown[] }>('POST', retryPath, staff, {
      reason,
    });
    expect(retried.status).toBe(202);
    expect(retried.body).toMatchObject({ status: 'queued', attempt: 2, uploadIndex: null, anafErrors: [], archived: false });
    expect(retried.body.previousAttempts).toEqual([
      {
        attempt: 1,
        status: 'rejected',
        uploadIndex: first.uploadIndex,
        downloadId: expect.stringMatching(/^\d+$/),
        anafErrors: rejected.anafErrors,
        ruleIds: ['BR-RO-010'],
        archived: true,
        queuedAt: expect.any(String),
        uploadedAt: expect.any(String),
        settledAt: expect.any(String),
        retriedAt: expect.any(String),
        retriedBy: `staff:${staffId}`,
        reason,
      },
    ]);
    // The retry and its audit record were written together: staff.action-taken waits in the outbox.
    const audit = await db.query(
      `SELECT envelope->'data' AS data FROM efactura_gateway.outbox
        WHERE event_type = 'obolus.platform.staff.action-taken.v1' AND message_key = $1`,
      [connected.accountId],
    );
    expect(audit.rows.map((row) => row.data)).toEqual([
      expect.objectContaining({
        accountId: connected.accountId,
        staffUserId: staffId,
        staffEmail: 'support@obolus.example',
        action: 'efactura.retried',
        reason,
        subject: { type: 'invoice', id: invoice.invoiceId },
      }),
    ]);
    // Only a rejected or failed submission: a second retry while it is queued is refused.
    expect(await call('POST', retryPath, staff, { reason })).toMatchObject({
      status: 409,
      body: { code: 'SUBMISSION_NOT_RETRYABLE' },
    });

    const second = await until(connected, invoice.invoiceId, 'uploaded');
    expect(second.uploadIndex).not.toBe(first.uploadIndex);
    await anaf.advanceProcessing(Number(second.uploadIndex));
    const accepted = await until(connected, invoice.invoiceId, 'accepted');
    expect(accepted).toMatchObject({ attempt: 2, archived: true, previousAttempts: [expect.objectContaining({ attempt: 1 })] });
    // Nothing edited: the document and its XML are as they were; one rejection, then one acceptance.
    const xmlAfter = await db.query(`SELECT md5(xml) AS h, status, valid FROM efactura_gateway.documents WHERE invoice_id = $1`, [
      invoice.invoiceId,
    ]);
    expect(xmlAfter.rows).toEqual(xmlBefore.rows);
    expect(await published('obolus.efactura.submission.rejected.v1', { invoiceId: invoice.invoiceId })).toHaveLength(1);
    expect(await published('obolus.efactura.submission.accepted.v1', { invoiceId: invoice.invoiceId })).toEqual([
      expect.objectContaining({ uploadIndex: second.uploadIndex }),
    ]);
    // Staff read it too; an accepted submission is not retried.
    const seen = await call<{ attempt: number }>(
      'GET',
      `/staff/accounts/${connected.accountId}/efactura/invoices/${invoice.invoiceId}/submission`,
      staff,
    );
    expect(seen).toMatchObject({ status: 200, body: { attempt: 2, status: 'accepted' } });
    // The account's export carries the earlier attempt (who and why) and its ANAF archive.
    const part = await work.run((uow) =>
      app.get(ExportAccountDataUseCase).execute(ExportAccountDataCommand.create({ accountId: connected.accountId }), uow),
    );
    const attemptsFile = part.files.find((f) => f.path === 'submission-attempts.json')!;
    const attemptsRows = JSON.parse(Buffer.from(attemptsFile.base64, 'base64').toString('utf8')) as Record<string, unknown>[];
    expect(attemptsRows.filter((row) => row.retried_by === `staff:${staffId}`)).toEqual([
      expect.objectContaining({ attempt: 1, status: 'rejected', reason, upload_index: first.uploadIndex }),
    ]);
    expect(part.files.map((f) => f.path)).toContain(`anaf-receipts/${invoice.number}-attempt-1.zip`);
    expect(await call('POST', retryPath, staff, { reason })).toMatchObject({
      status: 409,
      body: { code: 'SUBMISSION_NOT_RETRYABLE' },
    });
  });

  it('publishes authorization.lost when ANAF revokes a CUI, once', async () => {
    const invoice = invoiceOf(connected.accountId);
    anaf.revoke({ clientId: CLIENT.clientId, cif: SELLER_CIF });
    await issue(invoice);
    await waitFor(
      async () => {
        await runner.runDue();
        const lost = await published('obolus.efactura.authorization.lost.v1', { accountId: connected.accountId });
        return lost.length > 0 ? lost : undefined;
      },
      { what: 'authorization.lost', timeoutMs: 10_000 },
    );
    await runner.runDue();
    expect(await published('obolus.efactura.authorization.lost.v1', { accountId: connected.accountId })).toEqual([
      {
        accountId: connected.accountId,
        cif: SELLER_CIF,
        reason: 'revoked',
        message: expect.stringContaining('403'),
        lostAt: expect.any(String),
      },
    ]);
    expect((await submissionOf(connected, invoice.invoiceId)).body.status).toBe('queued');
  });
});
