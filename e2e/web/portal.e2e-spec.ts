import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { capture, launchChromium, openDevice, reloadUntil, webArtefacts } from '../support/browser';
import { Journey, StackHarness } from '../support/stack-harness';

/**
 * The customer portal in a browser, on the whole stack: a French owner on a phone signs up, buys Dream Team
 * for three users after reading the quote, saves a card through the portal's own form (confirmed with the
 * Stripe sandbox from the page, as Stripe.js would), pays, downloads the invoice, sets billing details with a
 * finance address, invites a user, exports and closes the account. Every main page is scanned with axe on the
 * phone and on a desktop; no CSP violation and no page error on the way. Another account's URL is the
 * not-found page, with none of its data.
 */
describe('the customer portal in a browser', () => {
  const harness = new StackHarness(5700, { web: true });
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

  async function signIn(page: Page, email: string, password: string) {
    await page.goto('/sign-in');
    await page.getByLabel('E-mail', { exact: true }).fill(email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/accounts\/[0-9a-f-]{36}$/);
  }

  it('takes a French owner on a phone from sign-up to a paid invoice, billing details, an invitation, an export and closure', async () => {
    const phone = await openDevice(browser, 'phone', harness.webUrl, 'fr-FR');
    const { page } = phone;
    const id = tag();
    const owner = `owner+${id}@atelier-dupont.fr`;
    const finance = `compta+${id}@atelier-dupont.fr`;
    const colleague = `commercial+${id}@atelier-dupont.fr`;
    const password = `Correct-Horse-${id}`;

    // 1. Sign-up through the page, in French (the phone's language).
    await page.goto('/sign-up');
    await page.getByRole('heading', { name: 'Créer votre compte' }).waitFor();
    await capture(page, 'portal-phone-sign-up');
    await page.getByLabel("Nom de l'entreprise").fill('Atelier Dupont SAS');
    await page.getByLabel('E-mail', { exact: true }).fill(owner);
    await page.getByLabel('Mot de passe', { exact: true }).fill(password);
    await page.getByLabel('Pays').selectOption('FR');
    await page.getByRole('button', { name: 'Démarrer mon essai gratuit' }).click();
    await page.waitForURL(/\/accounts\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    const accountId = page.url().split('/').pop()!;
    const base = `/accounts/${accountId}`;

    // 2. Home: the trial of Dream Team (fr-crm's trial edition), 15 days for a website sign-up, as a badge.
    const summary = page.getByTestId('subscription-summary');
    await summary.waitFor({ timeout: 30_000 });
    await expect(summary.getByRole('heading', { level: 2 }).textContent()).resolves.toBe('Dream Team');
    const badge = page.getByTestId('days-left');
    await expect(badge.textContent()).resolves.toBe('Essai : 15 jours restants');
    await capture(page, 'portal-phone-home');

    // 3. The badge opens the purchase view: Dream Team, monthly, 3 users, and the quote before anything is bought.
    await badge.click();
    await page.waitForURL(`**${base}/subscription`);
    await page.getByRole('radio', { name: /Dream Team/ }).check();
    await page.getByLabel('Formule').selectOption('monthly');
    await page.getByLabel("Nombre d'utilisateurs").fill('3');
    await page.getByLabel('Moyen de paiement').selectOption('card');
    await page.getByRole('button', { name: 'Voir le prix' }).click();
    const quote = page.getByTestId('quote');
    await quote.waitFor();
    await expect(page.getByTestId('quote-total').textContent()).resolves.toMatch(/^117,00\s€$/);
    await expect(page.getByTestId('quote-charged-now').textContent()).resolves.toMatch(/^117,00\s€$/);
    await expect(quote.textContent()).resolves.toContain('Dream Team, mensuel, pour 3 utilisateurs');
    await capture(page, 'portal-phone-subscription');

    // 4. No card yet: the page says so and leads to the payment page, where our form saves one with Stripe.
    await page.getByTestId('needs-payment-method').getByRole('link', { name: 'Paiement' }).click();
    await page.waitForURL(`**${base}/payment`);
    await page.getByTestId('no-saved-method').waitFor();
    await page.getByLabel('Numéro de carte').fill('4242 4242 4242 4242');
    await page.getByLabel("Date d'expiration").fill('12/30');
    await page.getByLabel('Cryptogramme (CVC)').fill('123');
    await page.getByRole('button', { name: 'Enregistrer la carte' }).click();
    await page.getByTestId('saved-method').waitFor({ timeout: 60_000 });
    await expect(page.getByTestId('saved-method').textContent()).resolves.toContain('Carte bancaire');
    await capture(page, 'portal-phone-payment');

    // 5. Back to the subscription (through the phone's menu), the same choice, the quote, then pay.
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Abonnement' }).click();
    await page.waitForURL(`**${base}/subscription`);
    await page.getByRole('radio', { name: /Dream Team/ }).check();
    await page.getByLabel("Nombre d'utilisateurs").fill('3');
    await page.getByRole('button', { name: 'Voir le prix' }).click();
    await page.getByRole('button', { name: 'Confirmer et payer' }).click();
    await page.getByTestId('purchase-done').waitFor({ timeout: 30_000 });

    // 6. The invoice in the list (issued once the card payment succeeds), and its PDF.
    const invoiceRow = page.locator('tr[data-testid^="document-OBFR-"]');
    await reloadUntil(page, `${base}/invoices`, async () => (await invoiceRow.count()) === 1, 'the invoice in the list');
    const number = (await invoiceRow.getAttribute('data-testid'))!.replace('document-', '');
    expect(number).toMatch(/^OBFR-\d{4}-\d{6}$/);
    await expect(invoiceRow.textContent()).resolves.toMatch(/140,40\s€/);
    await expect(invoiceRow.textContent()).resolves.toContain('Payée');
    await capture(page, 'portal-phone-invoices');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: `PDF de ${number}` }).click(),
    ]);
    const pdfPath = join(webArtefacts, `portal-${number}.pdf`);
    mkdirSync(webArtefacts, { recursive: true });
    await download.saveAs(pdfPath);
    expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
    expect(execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' })).toContain(number);
    // A French invoice has no e-Factura XML.
    await expect(page.getByRole('link', { name: `XML de ${number}` }).count()).resolves.toBe(0);

    // 7. Billing details: the VAT number checked with VIES live (its registered name shown), a finance address added.
    await page.goto(`${base}/billing`);
    await page.getByTestId('billing-form').waitFor();
    await page.getByLabel('Raison sociale').fill('Atelier Dupont SAS');
    await page.getByLabel('Numéro de TVA intracommunautaire').fill('FR40303265045');
    await page.getByRole('button', { name: 'Vérifier auprès de VIES' }).click();
    const vat = page.getByTestId('vat-result');
    await vat.getByText('Numéro de TVA valide (VIES)').waitFor();
    await expect(vat.textContent()).resolves.toContain('ATELIER DUPONT SAS');
    await page.getByLabel('Rue et numéro').fill('8 rue des Lilas');
    await page.getByLabel('Code postal').fill('69003');
    await page.getByLabel('Ville').fill('Lyon');
    await page.getByLabel('Ajouter une adresse').fill(finance);
    await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByText('Enregistré.').waitFor();
    await page.reload();
    await page.getByTestId('recipients').getByText(finance).waitFor();
    await capture(page, 'portal-phone-billing');

    // 8. The same pages on a desktop, signed in through the sign-in page.
    const desktop = await openDevice(browser, 'desktop', harness.webUrl, 'fr-FR');
    await signIn(desktop.page, owner, password);
    for (const [path, name, ready] of [
      ['', 'home', 'subscription-summary'],
      ['/subscription', 'subscription', 'subscription-form'],
      ['/payment', 'payment', 'saved-method'],
      ['/billing', 'billing', 'billing-form'],
      ['/invoices', 'invoices', 'invoices'],
      ['/team', 'team', 'users-table'],
      ['/efactura', 'efactura', 'efactura-not-romanian'],
      ['/webhooks', 'webhooks', 'webhook-create-form'],
      ['/close', 'close', 'export-card'],
    ] as const) {
      await desktop.page.goto(`${base}${path}`);
      await desktop.page.getByTestId(ready).waitFor();
      await capture(desktop.page, `portal-desktop-${name}`);
    }
    await desktop.context.close();

    // 9. An invitation (the team page).
    await page.goto(`${base}/team`);
    await page.getByTestId('invite-email').fill(colleague);
    await page.getByTestId('invite-submit').click();
    await page.locator(`[data-testid="invitation-row"][data-email="${colleague}"]`).waitFor({ timeout: 30_000 });
    await capture(page, 'portal-phone-team');
    // The other account pages on the phone: e-Factura (explained to a French account) and webhooks.
    for (const [path, ready] of [
      ['efactura', 'efactura-not-romanian'],
      ['webhooks', 'webhook-create-form'],
    ] as const) {
      await page.goto(`${base}/${path}`);
      await page.getByTestId(ready).waitFor();
      await capture(page, `portal-phone-${path}`);
    }

    // 10. The export, downloaded, then the closure with the password asked again.
    await page.goto(`${base}/close`);
    await page.getByTestId('export-request').click();
    const exportLink = page.getByTestId('export-download');
    await exportLink.waitFor({ timeout: 120_000 });
    const [archive] = await Promise.all([page.waitForEvent('download'), exportLink.click()]);
    const archivePath = join(webArtefacts, `portal-export-${accountId}.zip`);
    await archive.saveAs(archivePath);
    expect(readFileSync(archivePath).subarray(0, 2).toString()).toBe('PK');
    await capture(page, 'portal-phone-close');
    await page.getByTestId('close-start').click();
    await page.getByTestId('close-password').fill(password);
    await page.getByTestId('close-confirm').click();
    await page.getByTestId('goodbye').waitFor({ timeout: 30_000 });
    await capture(page, 'portal-phone-goodbye');

    expect(phone.problems).toEqual([]);
    expect(desktop.problems).toEqual([]);
    await phone.context.close();
  }, 240_000);

  it("shows another account's invoices URL as the not-found page, with none of its data", async () => {
    const id = tag();
    const journey = new Journey();
    const accounts: { accountId: string; email: string; password: string; company: string }[] = [];
    for (const company of ['Boulangerie Martin SARL', 'Fromagerie Secrète SAS']) {
      const email = `owner+${id}-${accounts.length}@example.fr`;
      const password = `Correct-Horse-${id}`;
      const { accountId } = await journey.request<{ accountId: string }>('POST', `${harness.url('identity')}/accounts`, {
        companyName: company,
        email,
        password,
        country: 'FR',
        catalog: 'fr-crm',
        signupChannel: 'website',
      });
      accounts.push({ accountId, email, password, company });
    }
    const [mine, theirs] = accounts;
    const phone = await openDevice(browser, 'phone', harness.webUrl, 'fr-FR');
    await signIn(phone.page, mine!.email, mine!.password);
    expect(phone.page.url()).toContain(`/accounts/${mine!.accountId}`);

    // Their invoices, billing details and subscription: the services answer 404, the page shows none of it.
    for (const path of ['invoices', 'billing', 'subscription', 'payment']) {
      await phone.page.goto(`/accounts/${theirs!.accountId}/${path}`);
      await phone.page.getByTestId('not-found').waitFor();
      await expect(phone.page.getByRole('heading', { level: 1 }).last().textContent()).resolves.toBe('Page introuvable');
      await expect(phone.page.getByTestId('invoices').count()).resolves.toBe(0);
      const text = (await phone.page.textContent('body')) ?? '';
      expect(text).not.toContain(theirs!.company);
      expect(text).not.toContain(theirs!.email);
    }
    await capture(phone.page, 'portal-phone-not-found');
    expect(phone.problems).toEqual([]);
    await phone.context.close();
  }, 60_000);
});
