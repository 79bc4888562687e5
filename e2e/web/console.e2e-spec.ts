import { buildCamt053 } from '@obolus/bank-statements';
import { LOCAL_STAFF_EMAIL, LOCAL_STAFF_PASSWORD } from '@obolus/stack';
import { waitFor } from '@obolus/testing';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { capture, launchChromium, openDevice, reloadUntil, webArtefacts } from '../support/browser';
import { Journey, StackHarness } from '../support/stack-harness';

const SELLER_CUI = '14040242';
const EFACTURA_DESK = 'efactura-desk@obolus.example';
const RETRY_REASON = 'Buyer registration corrected at ONRC, ticket 4471';

interface Invoice {
  id: string;
  number: string;
  currency: string;
  totals: { grossMinor: number };
  lines: { description: string; netMinor: number; vatRateBasisPoints: number }[];
}

interface Proforma {
  id: string;
  number: string;
  transfer: { reference: string; amountMinor: number };
}

interface Payment {
  id: string;
  status: string;
  paymentMethod: string;
  amountMinor: number;
  currency: string;
}

/**
 * The staff console in a browser, on the whole stack with the web edge (S1): a Romanian owner buys Premium
 * prepaid-6 by payment order in the portal and sees the proforma; staff find the account and record the
 * transfer with a reason; the owner downloads the fiscal invoice's XML and PDF. Staff credit a line (the owner
 * sees the credit note), extend another account's trial by 10 days, retry an e-Factura submission ANAF
 * rejected until it is accepted (the audit log showing who retried and why), upload a camt.053 and resolve its
 * unmatched transfer, bill a monthly subscription early, refund part of a card payment, and move a test
 * account's clock. Every console page is scanned with axe on a desktop and on a phone, none wider than the phone.
 */
describe('the staff console in a browser', () => {
  const harness = new StackHarness(5750, {
    web: true,
    anaf: { processingDelayMs: 1500, warmUpValidator: true },
    env: {
      EFACTURA_STATUS_POLL_MS: '1000',
      EFACTURA_INCOMING_POLL_MS: '60000',
      STAFF_ALERT_EMAILS: EFACTURA_DESK,
    },
  });
  let browser: Browser;

  beforeAll(async () => {
    await harness.start();
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await harness.stop();
  }, 60_000);

  const tag = () => randomBytes(4).toString('hex');
  const service = (name: Parameters<StackHarness['url']>[0]) => harness.url(name);

  /** A Romanian company signed up through the API, with the owner's token and its billing details (CUI). */
  async function romanianAccount(companyName: string) {
    const journey = new Journey();
    const id = tag();
    const owner = `owner+${id}@fabrica-stefanesti.ro`;
    const password = `Correct-Horse-${id}`;
    const { accountId } = await journey.request<{ accountId: string }>('POST', `${service('identity')}/accounts`, {
      companyName,
      email: owner,
      password,
      country: 'RO',
      catalog: 'ro-crm',
      signupChannel: 'website',
    });
    await signInOwner(journey, owner, password);
    await billingDetails(journey, accountId, companyName);
    await trialOf(journey, accountId);
    return { journey, accountId, owner, password };
  }

  async function signInOwner(journey: Journey, email: string, password: string) {
    const session = await journey.request<{ accessToken: string }>('POST', `${service('identity')}/auth/sign-in`, {
      email,
      password,
    });
    journey.accessToken = session.accessToken;
  }

  async function billingDetails(journey: Journey, accountId: string, legalName: string) {
    await journey.request('PUT', `${service('invoicing')}/accounts/${accountId}/billing-details`, {
      legalName,
      buyerType: 'business',
      companyId: '12448440',
      tradeRegisterNumber: 'J22/123/2010',
      address: { line1: 'Bd. Ștefan cel Mare 1', city: 'Iași', postalCode: '700028', countrySubdivision: 'RO-IS', country: 'RO' },
    });
  }

  function trialOf(journey: Journey, accountId: string) {
    return waitFor(
      () =>
        journey
          .request<{
            status?: string;
            trialEndsOn: string;
          }>('GET', `${service('subscriptions')}/accounts/${accountId}/subscription`, undefined, [200, 404])
          .then((s) => (s.status ? s : undefined)),
      { what: 'the trial', timeoutMs: 60_000 },
    );
  }

  /** The payment awaiting a transfer, as the owner's API lists it. */
  function pendingTransfer(journey: Journey, accountId: string) {
    return waitFor(
      () =>
        journey
          .request<Payment[]>('GET', `${service('payments')}/accounts/${accountId}/payments`)
          .then((payments) => payments.find((p) => p.paymentMethod === 'bank_transfer' && p.status !== 'succeeded')),
      { what: 'the payment awaiting the transfer', timeoutMs: 60_000 },
    );
  }

  function proformaOf(journey: Journey, accountId: string) {
    return waitFor(
      () =>
        journey
          .request<Proforma[]>('GET', `${service('invoicing')}/accounts/${accountId}/proformas`)
          .then((proformas) => proformas[0]),
      { what: 'the proforma', timeoutMs: 60_000 },
    );
  }

  function invoicesOf(journey: Journey, accountId: string, count = 1) {
    return waitFor(
      () =>
        journey
          .request<Invoice[]>('GET', `${service('invoicing')}/accounts/${accountId}/invoices`)
          .then((invoices) => (invoices.length >= count ? invoices : undefined)),
      { what: 'the fiscal invoice', timeoutMs: 90_000 },
    );
  }

  async function staffSignIn(page: Page) {
    await page.goto('/staff/sign-in');
    await page.getByRole('heading', { name: 'Consola personalului' }).waitFor();
    await page.getByLabel('E-mail', { exact: true }).fill(LOCAL_STAFF_EMAIL);
    await page.getByLabel('Parolă', { exact: true }).fill(LOCAL_STAFF_PASSWORD);
    await page.getByRole('button', { name: 'Autentificare' }).click();
    await page.waitForURL(/\/staff$/);
  }

  /** Staff open an account from the search page, by the company's name. */
  async function openAccount(page: Page, query: string, accountId: string) {
    await page.goto('/staff');
    await page.getByLabel('Companie, adresă de e-mail sau ID-ul contului').fill(query);
    await page.getByRole('button', { name: 'Caută', exact: true }).click();
    const row = page.getByTestId(`account-${accountId}`);
    await row.waitFor();
    await row.getByRole('link').click();
    await page.waitForURL(`**/staff/accounts/${accountId}`);
    await page.getByTestId('section-subscription').waitFor();
  }

  /** Fills a console action's reason, continues, and confirms; answers the text of its outcome. */
  async function act(page: Page, testId: string, reason: string): Promise<string> {
    const action = page.getByTestId(testId);
    await action.getByLabel('Motiv').fill(reason);
    await action.getByRole('button', { name: 'Continuă' }).click();
    const confirmation = page.getByTestId(`${testId}-confirm`);
    await confirmation.getByText(`Motiv: ${reason}`).waitFor();
    await confirmation.getByRole('button', { name: 'Confirmă' }).click();
    const done = page.getByTestId(`${testId}-done`);
    const refused = page.getByTestId(testId).getByRole('alert');
    await done.or(refused).first().waitFor({ timeout: 30_000 });
    if (await refused.count()) throw new Error(`${testId} refused: ${await refused.first().textContent()}`);
    return (await done.textContent()) ?? '';
  }

  // Shared by the tests, in order: the account of the payment order and its invoice.
  let paid: { accountId: string; owner: string; password: string; journey: Journey; invoice: Invoice; companyName: string };

  it('a Romanian owner buys Premium prepaid-6 by payment order; staff record the transfer; the owner downloads the XML and the PDF', async () => {
    const owner = await openDevice(browser, 'desktop', harness.webUrl, 'ro-RO');
    const id = tag();
    const companyName = `Brutăria Moldova ${id} SRL`;
    const email = `owner+${id}@brutaria-moldova.ro`;
    const password = `Correct-Horse-${id}`;

    // The owner signs up in the portal, in Romanian.
    await owner.page.goto('/sign-up');
    await owner.page.getByRole('heading', { name: 'Creați-vă contul' }).waitFor();
    await owner.page.getByLabel('Numele companiei').fill(companyName);
    await owner.page.getByLabel('E-mail', { exact: true }).fill(email);
    await owner.page.getByLabel('Parolă', { exact: true }).fill(password);
    await owner.page.getByLabel('Țara').selectOption('RO');
    await owner.page.getByRole('button', { name: 'Încep perioada de încercare' }).click();
    await owner.page.waitForURL(/\/accounts\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    const accountId = owner.page.url().split('/').pop()!;
    const base = `/accounts/${accountId}`;
    const journey = new Journey();
    await signInOwner(journey, email, password);
    // Billing details with the CUI through the API (the billing page has its own test).
    await billingDetails(journey, accountId, companyName);
    await trialOf(journey, accountId);

    // Premium, prepaid 6 months, 1 user, by payment order: the quote, then the purchase.
    await owner.page.goto(`${base}/subscription`);
    await owner.page.getByTestId('subscription-form').waitFor();
    await owner.page.getByRole('radio', { name: /Premium/ }).check();
    await owner.page.getByLabel('Perioadă').selectOption('prepaid-6');
    await owner.page.getByLabel('Număr de utilizatori').fill('1');
    await owner.page.getByLabel('Metoda de plată').selectOption('bank_transfer');
    await owner.page.getByTestId('show-quote').click();
    await owner.page.getByTestId('quote').waitFor();
    await owner.page.getByRole('button', { name: 'Confirmă și plătește' }).click();
    await owner.page.getByTestId('purchase-done').waitFor({ timeout: 30_000 });

    // The proforma on the payment page, as the API has it.
    const proforma = await proformaOf(journey, accountId);
    expect(proforma.number).toMatch(/^OBRO-PF-\d{4}-\d{6}$/);
    await reloadUntil(
      owner.page,
      `${base}/payment`,
      async () => (await owner.page.getByTestId('proforma').count()) > 0,
      'the proforma on the payment page',
    );
    await expect(owner.page.getByTestId('proforma').first().textContent()).resolves.toContain(proforma.number);
    const payment = await pendingTransfer(journey, accountId);

    // Staff sign in, find the account by its name, open it, and record the transfer with a reason.
    const staff = await openDevice(browser, 'desktop', harness.webUrl, 'ro-RO');
    await staffSignIn(staff.page);
    await capture(staff.page, 'console-desktop-search-empty');
    await openAccount(staff.page, `Brutăria Moldova ${id}`, accountId);
    await expect(staff.page.getByTestId('account-name').textContent()).resolves.toBe(companyName);
    await capture(staff.page, 'console-desktop-account');
    // Staff read the account through the owner's routes (read-only for a staff token): the payment awaiting the transfer is listed.
    await staff.page.goto(`/staff/accounts/${accountId}/payments`);
    await staff.page.getByTestId(`payment-${payment.id}`).waitFor();
    await capture(staff.page, 'console-desktop-payments-awaiting');
    await staff.page.goto(`/staff/accounts/${accountId}`);
    await staff.page
      .getByRole('navigation', { name: 'Secțiunile contului' })
      .getByRole('link', { name: 'Transferuri bancare' })
      .click();
    await staff.page.getByTestId('section-transfers').waitFor();
    const transfer = staff.page.getByTestId('record-transfer');
    // The transfer is launched from the listed payment that awaits it: the form comes with its id and amount.
    await staff.page.getByTestId(`record-transfer-for-${payment.id}`).click();
    await expect(transfer.getByLabel('ID plată').inputValue()).resolves.toBe(payment.id);
    await transfer.getByLabel('Suma primită').fill((proforma.transfer.amountMinor / 100).toFixed(2));
    await expect(transfer.getByLabel('Monedă').inputValue()).resolves.toBe('RON');
    await transfer.getByLabel('Referința de pe transfer').fill(proforma.transfer.reference);
    await transfer.getByLabel('Plătitor').fill(companyName.toUpperCase());
    await capture(staff.page, 'console-desktop-transfers-recording');
    const recorded = await act(staff.page, 'record-transfer', 'Payment order seen on the BCR statement of today');
    expect(recorded).toContain('Înregistrat');

    // The fiscal invoice in the owner's portal, with its XML (CIUS-RO, its number) and its PDF.
    const [invoice] = await invoicesOf(journey, accountId);
    expect(invoice!.number).toMatch(/^OBRO-\d{4}-\d{6}$/);
    const row = owner.page.getByTestId(`document-${invoice!.number}`);
    await reloadUntil(owner.page, `${base}/invoices`, async () => (await row.count()) === 1, 'the fiscal invoice in the portal');
    await expect(row.textContent()).resolves.toContain('Plătită');
    mkdirSync(webArtefacts, { recursive: true });
    const xmlLink = owner.page.getByRole('link', { name: `XML ${invoice!.number}` });
    // The XML is the e-Factura document the gateway keeps once invoicing announced it.
    await waitFor(async () => ((await owner.page.request.get((await xmlLink.getAttribute('href'))!)).ok() ? true : undefined), {
      what: "the invoice's XML",
      timeoutMs: 60_000,
    });
    const [xmlDownload] = await Promise.all([owner.page.waitForEvent('download'), xmlLink.click()]);
    const xmlPath = join(webArtefacts, `console-${invoice!.number}.xml`);
    await xmlDownload.saveAs(xmlPath);
    const xml = readFileSync(xmlPath, 'utf8');
    expect(xml.startsWith('<?xml')).toBe(true);
    expect(xml).toContain(`<cbc:ID>${invoice!.number}</cbc:ID>`);
    const [pdfDownload] = await Promise.all([
      owner.page.waitForEvent('download'),
      owner.page.getByRole('link', { name: `PDF ${invoice!.number}` }).click(),
    ]);
    const pdfPath = join(webArtefacts, `console-${invoice!.number}.pdf`);
    await pdfDownload.saveAs(pdfPath);
    expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');

    paid = { accountId, owner: email, password, journey, invoice: invoice!, companyName };
    expect(owner.problems).toEqual([]);
    expect(staff.problems).toEqual([]);
    await owner.context.close();
    await staff.context.close();
  }, 240_000);

  it('staff credit one line of that invoice, and the owner sees the credit note in the portal', async () => {
    expect(paid).toBeDefined();
    const staff = await openDevice(browser, 'desktop', harness.webUrl, 'ro-RO');
    await staffSignIn(staff.page);
    await staff.page.goto(`/staff/accounts/${paid.accountId}/invoices`);
    await staff.page.getByTestId('section-invoices').waitFor();
    await staff.page.getByTestId('no-credit-notes').waitFor();
    const form = staff.page.getByTestId('credit-lines');
    // The invoice is listed to staff; choosing it fills the form.
    await staff.page.getByTestId(`invoice-${paid.invoice.number}`).getByRole('button', { name: paid.invoice.number }).click();
    await expect(form.getByLabel('ID factură').inputValue()).resolves.toBe(paid.invoice.id);
    await form.getByLabel('Linii de stornat').fill('1');
    const done = await act(staff.page, 'credit-lines', 'Customer asked to cancel the first line, ticket 4470');
    const number = /OBRO-CN-\d{4}-\d{6}/.exec(done)?.[0];
    expect(number).toBeDefined();
    await staff.page.getByTestId(`credit-note-${number}`).waitFor();
    await capture(staff.page, 'console-desktop-invoices-credit-note');

    // The owner sees it among the invoices.
    const owner = await openDevice(browser, 'desktop', harness.webUrl, 'ro-RO');
    await owner.page.goto('/sign-in');
    await owner.page.getByLabel('E-mail', { exact: true }).fill(paid.owner);
    await owner.page.getByLabel('Parolă', { exact: true }).fill(paid.password);
    await owner.page.getByRole('button', { name: 'Autentificare' }).click();
    await owner.page.waitForURL(/\/accounts\/[0-9a-f-]{36}$/);
    const row = owner.page.getByTestId(`document-${number}`);
    await reloadUntil(
      owner.page,
      `/accounts/${paid.accountId}/invoices`,
      async () => (await row.count()) === 1,
      'the credit note in the portal',
    );
    await expect(row.textContent()).resolves.toContain('stornare');
    expect(owner.problems).toEqual([]);
    expect(staff.problems).toEqual([]);
    await owner.context.close();
    await staff.context.close();
  }, 120_000);

  it('staff extend a trialing account by 10 days', async () => {
    const trialing = await romanianAccount(`Tâmplăria Carpați ${tag()} SRL`);
    const before = await trialOf(trialing.journey, trialing.accountId);
    expect(before.status).toBe('trialing');

    const staff = await openDevice(browser, 'desktop', harness.webUrl, 'ro-RO');
    await staffSignIn(staff.page);
    await openAccount(staff.page, trialing.accountId, trialing.accountId);
    const extension = staff.page.getByTestId('extend-trial');
    await extension.getByLabel('Zile de adăugat').fill('10');
    const done = await act(staff.page, 'extend-trial', 'Sales promised ten more days at the demo');
    expect(done).toContain('Gata');

    const expected = new Date(Date.parse(`${before.trialEndsOn}T00:00:00Z`) + 10 * 86_400_000).toISOString().slice(0, 10);
    const after = await trialOf(trialing.journey, trialing.accountId);
    expect(after.trialEndsOn).toBe(expected);
    await expect(staff.page.getByTestId('trial-ends-on').getAttribute('data-date')).resolves.toBe(expected);
    await capture(staff.page, 'console-desktop-account-trial-extended');
    expect(staff.problems).toEqual([]);
    await staff.context.close();
  }, 120_000);

  it('staff retry an e-Factura submission ANAF rejected; it ends accepted and the audit log shows who retried and why', async () => {
    const company = await romanianAccount(`Morăritul Bistrița ${tag()} SRL`);
    await connectAnaf(company.journey, company.accountId, SELLER_CUI);
    // ANAF rejects the next upload on a rule Obolus's own checks do not know.
    harness.anaf!.rejectNext({ errors: ['E: [BR-RO-999] numele cumpărătorului nu corespunde registrului ONRC'] });
    await company.journey.request('POST', `${service('subscriptions')}/accounts/${company.accountId}/subscription/purchase`, {
      edition: 'premium',
      term: 'prepaid-1',
      seats: 1,
      paymentMethod: 'bank_transfer',
    });
    const proforma = await proformaOf(company.journey, company.accountId);
    const payment = await pendingTransfer(company.journey, company.accountId);

    const staff = await openDevice(browser, 'desktop', harness.webUrl, 'ro-RO');
    await staffSignIn(staff.page);
    // The transfer, recorded from the console as in the first test.
    await staff.page.goto(`/staff/accounts/${company.accountId}/transfers`);
    const transfer = staff.page.getByTestId('record-transfer');
    // The transfer is launched from the listed payment that awaits it: the form comes with its id and amount.
    await staff.page.getByTestId(`record-transfer-for-${payment.id}`).click();
    await expect(transfer.getByLabel('ID plată').inputValue()).resolves.toBe(payment.id);
    await transfer.getByLabel('Suma primită').fill((proforma.transfer.amountMinor / 100).toFixed(2));
    await act(staff.page, 'record-transfer', 'Payment order seen on the statement');
    const [invoice] = await invoicesOf(company.journey, company.accountId);

    // ANAF answers (the owner's API says when), and the console shows the submission rejected, with ANAF's error.
    await submissionOnce(company.journey, company.accountId, invoice!.id, ['rejected']);
    await staff.page.goto(`/staff/accounts/${company.accountId}/efactura`);
    const lookup = staff.page.getByTestId('submission-lookup');
    await lookup.getByLabel('ID document').fill(invoice!.id);
    await lookup.getByRole('button', { name: 'Afișează' }).click();
    await expect(staff.page.getByTestId('submission-status').getAttribute('data-status')).resolves.toBe('rejected');
    await expect(staff.page.getByTestId('anaf-errors').textContent()).resolves.toContain('BR-RO-999');
    await capture(staff.page, 'console-desktop-efactura-rejected');

    // Retried with a reason; ANAF accepts this time.
    await act(staff.page, 'retry-submission', RETRY_REASON);
    await waitFor(
      async () => {
        await staff.page.getByRole('button', { name: 'Reîmprospătează' }).click();
        await staff.page.waitForLoadState('networkidle');
        return (await staff.page.getByTestId('submission-status').getAttribute('data-status')) === 'accepted' ? true : undefined;
      },
      { what: 'the retried submission accepted', timeoutMs: 120_000, intervalMs: 1000 },
    );
    await capture(staff.page, 'console-desktop-efactura-retried');

    // The audit log: the retry, by the staff member, with the reason.
    const retry = staff.page.locator('[data-testid="audit-entry"]', { hasText: RETRY_REASON });
    await reloadUntil(
      staff.page,
      `/staff/accounts/${company.accountId}/audit-log`,
      async () => (await retry.count()) === 1,
      'the retry in the audit log',
      60_000,
    );
    await expect(retry.textContent()).resolves.toContain(LOCAL_STAFF_EMAIL);
    await capture(staff.page, 'console-desktop-audit-log-retry');
    expect(staff.problems).toEqual([]);
    await staff.context.close();
  }, 240_000);

  it('staff upload a camt.053 in the console; a transfer matching no payment is resolved against the one it pays', async () => {
    const company = await romanianAccount(`Olăritul Horezu ${tag()} SRL`);
    await company.journey.request('POST', `${service('subscriptions')}/accounts/${company.accountId}/subscription/purchase`, {
      edition: 'premium',
      term: 'prepaid-1',
      seats: 1,
      paymentMethod: 'bank_transfer',
    });
    const proforma = await proformaOf(company.journey, company.accountId);
    const payment = await pendingTransfer(company.journey, company.accountId);
    // The payer forgot the reference and paid from a personal account: nothing can match it.
    const payer = `ION POPESCU ${tag().toUpperCase()}`;
    const statementId = `EXTRAS-${tag()}`;
    const camt = buildCamt053({
      statementId,
      iban: 'RO49AAAA1B31007593840000',
      currency: 'RON',
      entries: [
        {
          entryReference: `R1-${statementId}`,
          amount: (proforma.transfer.amountMinor / 100).toFixed(2),
          currency: 'RON',
          unstructured: 'PLATA ABONAMENT',
          payerName: payer,
        },
      ],
    });

    const staff = await openDevice(browser, 'desktop', harness.webUrl, 'ro-RO');
    await staffSignIn(staff.page);
    await staff.page
      .getByRole('navigation', { name: 'Navigare principală' })
      .getByRole('link', { name: 'Extrase bancare' })
      .click();
    await staff.page.waitForURL('**/staff/bank-statements');
    await staff.page
      .getByLabel('Fișierul extrasului (XML)')
      .setInputFiles({ name: `${statementId}.xml`, mimeType: 'application/xml', buffer: Buffer.from(camt) });
    expect(await act(staff.page, 'upload-statement', 'Daily BCR statement')).toContain('extras');
    const entry = staff.page.getByTestId('unmatched').getByRole('row', { name: new RegExp(payer) });
    await entry.waitFor();
    await capture(staff.page, 'console-desktop-bank-statements-unmatched');

    // Resolved: the entry's amount, date and payer come with it; staff name the account and the payment.
    await entry.getByRole('button', { name: 'Rezolvă' }).click();
    const transfer = staff.page.getByTestId('record-transfer');
    await expect(transfer.getByLabel('Suma primită').inputValue()).resolves.toBe(
      (proforma.transfer.amountMinor / 100).toFixed(2),
    );
    await expect(transfer.getByLabel('Plătitor').inputValue()).resolves.toBe(payer);
    await transfer.getByLabel('ID cont').fill(company.accountId);
    await transfer.getByLabel('ID plată').fill(payment.id);
    await act(staff.page, 'record-transfer', 'Owner confirmed by phone that Ion Popescu paid for them');
    await invoicesOf(company.journey, company.accountId);
    await staff.page.reload();
    await staff.page.getByTestId('upload-statement').waitFor();
    await staff.page.waitForLoadState('networkidle');
    await expect(staff.page.getByRole('row', { name: new RegExp(payer) }).count()).resolves.toBe(0);
    expect(staff.problems).toEqual([]);
    await staff.context.close();
  }, 180_000);

  it('staff bill a monthly card subscription early and refund part of its payment (a credit note follows); a prepaid one is refused billing early, the reason shown', async () => {
    const journey = new Journey();
    const id = tag();
    const email = `owner+${id}@atelier-dupont.fr`;
    const password = `Correct-Horse-${id}`;
    const { accountId } = await journey.request<{ accountId: string }>('POST', `${service('identity')}/accounts`, {
      companyName: `Atelier Dupont ${id} SAS`,
      email,
      password,
      country: 'FR',
      catalog: 'fr-crm',
      signupChannel: 'website',
    });
    await signInOwner(journey, email, password);
    await trialOf(journey, accountId);
    const setup = await journey.request<{ setupIntentId: string }>(
      'POST',
      `${service('payments')}/accounts/${accountId}/payment-methods/setup-intents`,
      {},
    );
    await harness.stripeClient().setupIntents.confirm(setup.setupIntentId, { payment_method: 'pm_card_visa' });
    await waitFor(
      () =>
        journey
          .request<{ default: unknown }>('GET', `${service('payments')}/accounts/${accountId}/payment-methods`)
          .then((methods) => methods.default ?? undefined),
      { what: 'the saved card', timeoutMs: 60_000 },
    );
    await journey.request('POST', `${service('subscriptions')}/accounts/${accountId}/subscription/purchase`, {
      edition: 'dream-team',
      term: 'monthly',
      seats: 1,
      paymentMethod: 'card',
    });
    await waitFor(
      () =>
        journey
          .request<{ status: string }>('GET', `${service('subscriptions')}/accounts/${accountId}/subscription`)
          .then((s) => (s.status === 'active' ? s : undefined)),
      { what: 'the active subscription', timeoutMs: 60_000 },
    );
    // The first month's invoice, before the early one.
    await invoicesOf(journey, accountId, 1);

    const staff = await openDevice(browser, 'desktop', harness.webUrl, 'ro-RO');
    await staffSignIn(staff.page);
    await openAccount(staff.page, accountId, accountId);
    expect(await act(staff.page, 'bill-early', 'Customer asked to pay the next month now (B4)')).toContain(
      'Gata: facturat până la',
    );
    // The next month is invoiced and charged now: a second invoice.
    await invoicesOf(journey, accountId, 2);

    // Part of a card payment refunded from its row in the payments section: the refund listed, a credit note for it.
    await staff.page
      .getByRole('navigation', { name: 'Secțiunile contului' })
      .getByRole('link', { name: 'Plăți și rambursări' })
      .click();
    const cardRow = staff.page.getByTestId('payments').locator('tr[data-method="card"][data-status="succeeded"]').first();
    await cardRow.getByRole('button').click();
    const refund = staff.page.getByTestId('refund');
    const card = { id: await refund.getByLabel('ID plată').inputValue() };
    expect(card.id).toMatch(/^[0-9a-f-]{36}$/);
    await refund.getByLabel('Suma de rambursat').fill('10,00');
    expect(await act(staff.page, 'refund', 'One seat removed the day after purchase')).toMatch(/10,00\sEUR/);
    await staff.page.getByTestId('refunds').getByText(card.id).waitFor();
    await capture(staff.page, 'console-desktop-payments-refunded');
    const creditNote = await waitFor(
      () =>
        journey
          .request<{ totals: { grossMinor: number } }[]>('GET', `${service('invoicing')}/accounts/${accountId}/credit-notes`)
          .then((notes) => notes[0]),
      { what: 'the credit note of the refund', timeoutMs: 60_000 },
    );
    expect(creditNote.totals.grossMinor).toBe(1000);

    // A prepaid subscription is extended by buying, not billed early: the console shows the refusal.
    await openAccount(staff.page, paid.accountId, paid.accountId);
    const billEarly = staff.page.getByTestId('bill-early');
    await billEarly.getByLabel('Motiv').fill('Customer asked to pay the next period now');
    await billEarly.getByRole('button', { name: 'Continuă' }).click();
    await staff.page.getByTestId('bill-early-confirm').getByRole('button', { name: 'Confirmă' }).click();
    await expect(billEarly.getByRole('alert').textContent()).resolves.toContain('prepaid');
    expect(staff.problems.filter((problem) => !/status of 409/.test(problem))).toEqual([]);
    await staff.context.close();
  }, 180_000);

  it("staff move a test account's clock forward from the console", async () => {
    const clockId = await harness.testClock('2027-01-04T08:00:00Z', 'console');
    const journey = new Journey();
    const id = tag();
    const { accountId } = await journey.request<{ accountId: string }>('POST', `${service('identity')}/accounts`, {
      companyName: `Cofetăria Test ${id} SRL`,
      email: `owner+${id}@cofetaria-test.ro`,
      password: `Correct-Horse-${id}`,
      country: 'RO',
      catalog: 'ro-crm',
      signupChannel: 'website',
      testClockId: clockId,
    });

    const staff = await openDevice(browser, 'desktop', harness.webUrl, 'ro-RO');
    await staffSignIn(staff.page);
    await openAccount(staff.page, accountId, accountId);
    const clock = staff.page.getByTestId('test-clock');
    await expect(clock.getByTestId('clock-time').textContent()).resolves.toContain('4 ian. 2027');
    await clock.getByLabel('Avansează la (ora 8:00 UTC în acea zi)').fill('2027-01-10');
    await clock.getByRole('button', { name: 'Continuă' }).click();
    await staff.page.getByTestId('test-clock-confirm').getByRole('button', { name: 'Confirmă' }).click();
    await staff.page.getByTestId('test-clock-done').waitFor({ timeout: 30_000 });
    await harness.untilClockReady(clockId);
    await expect(
      new Journey().request<{ frozenTime: string }>('GET', `${service('subscriptions')}/test-clocks/${clockId}`),
    ).resolves.toMatchObject({ frozenTime: '2027-01-10T08:00:00.000Z' });
    await expect(clock.getByTestId('clock-time').textContent()).resolves.toContain('10 ian. 2027');
    await capture(staff.page, 'console-desktop-account-test-clock');
    expect(staff.problems).toEqual([]);
    await staff.context.close();
  }, 240_000);

  it('captures every console page on a desktop and on a phone, with no serious accessibility violation; an unknown account is the not-found page', async () => {
    expect(paid).toBeDefined();
    for (const device of ['desktop', 'phone'] as const) {
      const staff = await openDevice(browser, device, harness.webUrl, 'ro-RO');
      await staffSignIn(staff.page);
      await staff.page.goto(`/staff?q=${encodeURIComponent(paid.companyName)}`);
      await staff.page.getByTestId(`account-${paid.accountId}`).waitFor();
      await capture(staff.page, `console-${device}-search`);
      for (const [path, name] of [
        ['', 'account'],
        ['/payments', 'payments'],
        ['/invoices', 'invoices'],
        ['/transfers', 'transfers'],
        ['/efactura', 'efactura'],
        ['/webhooks', 'webhooks'],
        ['/audit-log', 'audit-log'],
        ['/dead-letters', 'dead-letters'],
      ] as const) {
        await staff.page.goto(`/staff/accounts/${paid.accountId}${path}`);
        await staff.page.getByTestId(`section-${name === 'account' ? 'subscription' : name}`).waitFor();
        await staff.page.waitForLoadState('networkidle');
        await capture(staff.page, `console-${device}-${name}`);
        // Nothing wider than the screen: a phone never scrolls sideways.
        await expect(staff.page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).resolves.toBe(true);
      }
      await staff.page.goto('/staff/bank-statements');
      await staff.page.getByTestId('upload-statement').waitFor();
      await staff.page.waitForLoadState('networkidle');
      await capture(staff.page, `console-${device}-bank-statements`);

      await staff.page.goto('/staff/accounts/00000000-0000-4000-8000-000000000000');
      await staff.page.getByTestId('not-found').waitFor();
      expect(staff.problems).toEqual([]);
      await staff.context.close();
    }
  }, 180_000);

  /** An invoice's submission once its status is one of `statuses`, as the owner's API shows it. */
  async function submissionOnce(journey: Journey, accountId: string, invoiceId: string, statuses: string[]) {
    let last = 'none';
    return waitFor(
      async () => {
        const found = await journey.request<{ status?: string }>(
          'GET',
          `${service('efactura-gateway')}/accounts/${accountId}/efactura/invoices/${invoiceId}/submission`,
          undefined,
          [200, 404],
        );
        last = found.status ?? 'none';
        return found.status && statuses.includes(found.status) ? found : undefined;
      },
      { what: `the submission of ${invoiceId} ${statuses.join(' or ')}`, timeoutMs: 120_000, intervalMs: 500 },
    ).catch((error: Error) => {
      throw new Error(`${error.message}; its last status: ${last}`);
    });
  }

  /** The owner authorises Obolus with ANAF for a CUI: ANAF's approval page (the certificate step), then the callback. */
  async function connectAnaf(journey: Journey, accountId: string, cif: string): Promise<void> {
    const gateway = service('efactura-gateway');
    const { authorizeUrl } = await journey.request<{ authorizeUrl: string }>(
      'POST',
      `${gateway}/accounts/${accountId}/efactura/authorizations`,
      { cif: `RO${cif}` },
      [201],
    );
    const page = await (await fetch(authorizeUrl)).text();
    const requestId = /name="request_id" value="([^"]+)"/.exec(page)?.[1];
    expect(requestId).toBeDefined();
    const decision = await fetch(`${harness.anaf!.url}/anaf-oauth2/v1/authorize/decision`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ request_id: requestId!, decision: 'approve', cifs: cif }).toString(),
    });
    expect(decision.status).toBe(302);
    expect((await fetch(decision.headers.get('location')!)).status).toBe(200);
    expect(await journey.request('GET', `${gateway}/accounts/${accountId}/efactura/authorizations/${cif}`)).toMatchObject({
      connected: true,
      status: 'connected',
    });
  }
});
