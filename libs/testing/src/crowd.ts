import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * A crowd of customers for burst and fault tests: accounts prepared one by one (sign-up, sign-in,
 * billing details, a saved card, the trial), then all their purchases sent at once, then the outcome
 * checked per account: one invoice, one succeeded payment, one invoice e-mail. Used by bench/burst and
 * the e2e crowd tests, through the public HTTP APIs only.
 */
export interface CrowdUrls {
  identity: string;
  subscriptions: string;
  payments: string;
  invoicing: string;
  /** The Stripe sandbox, which confirms card set-ups as Stripe.js would in the customer's browser. */
  stripe: string;
  stripeSecretKey: string;
}

export interface CrowdAccount {
  index: number;
  accountId: string;
  owner: string;
  accessToken: string;
  /** When the purchase request was sent (ms since the epoch). */
  purchasedAt?: number;
}

/** The fields of a captured e-mail the crowd reads (the mail sandbox's CapturedMessage has them). */
export interface CapturedMail {
  receivedAt: string;
  envelope: { to: string[] };
  subject: string;
  messageId: string | null;
}

async function call<T>(method: string, url: string, body?: unknown, token?: string, expected = [200, 201, 202]): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    if (expected.includes(response.status)) return (text ? JSON.parse(text) : undefined) as T;
    // Sign-ups and sign-ins are throttled per address; a crowd from one address waits its turn.
    if (response.status === 429 && attempt < 20) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      continue;
    }
    throw new Error(`${method} ${url} answered ${response.status}: ${text.slice(0, 500)}`);
  }
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function inParallel<T, R>(items: T[], concurrency: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]!);
      }
    }),
  );
  return results;
}

/** Options of a crowd: `testClockId` signs every account up on that test clock (where test clocks are enabled). */
export interface CrowdOptions {
  testClockId?: string;
}

/** One French customer ready to buy: trialing, billing details given, a card saved. */
export async function prepareAccount(
  urls: CrowdUrls,
  index: number,
  runTag: string,
  options: CrowdOptions = {},
): Promise<CrowdAccount> {
  const owner = `owner+${runTag}-${index}@crowd.example`;
  const password = `Correct-Horse-${runTag}-${index}`;
  const { accountId } = await call<{ accountId: string }>('POST', `${urls.identity}/accounts`, {
    companyName: `Crowd ${index} SAS`,
    email: owner,
    password,
    country: 'FR',
    catalog: 'fr-crm',
    signupChannel: 'website',
    ...(options.testClockId ? { testClockId: options.testClockId } : {}),
  });
  const { accessToken } = await call<{ accessToken: string }>('POST', `${urls.identity}/auth/sign-in`, {
    email: owner,
    password,
  });
  await call(
    'PUT',
    `${urls.invoicing}/accounts/${accountId}/billing-details`,
    {
      legalName: `Crowd ${index} SAS`,
      buyerType: 'business',
      address: { line1: `${index} rue des Lilas`, city: 'Lyon', postalCode: '69003', country: 'FR' },
    },
    accessToken,
  );
  await until(`the trial of ${accountId}`, () =>
    call<{ status?: string }>(
      'GET',
      `${urls.subscriptions}/accounts/${accountId}/subscription`,
      undefined,
      accessToken,
      [200, 404],
    ).then((s) => (s?.status === 'trialing' ? s : undefined)),
  );
  const { setupIntentId } = await call<{ setupIntentId: string }>(
    'POST',
    `${urls.payments}/accounts/${accountId}/payment-methods/setup-intents`,
    {},
    accessToken,
  );
  const confirmed = await fetch(`${urls.stripe}/v1/setup_intents/${setupIntentId}/confirm`, {
    method: 'POST',
    headers: { authorization: `Bearer ${urls.stripeSecretKey}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'payment_method=pm_card_visa',
  });
  if (!confirmed.ok) throw new Error(`confirming ${setupIntentId} answered ${confirmed.status}`);
  await until(`the saved card of ${accountId}`, () =>
    call<{ default?: unknown }>('GET', `${urls.payments}/accounts/${accountId}/payment-methods`, undefined, accessToken).then(
      (m) => m.default ?? undefined,
    ),
  );
  return { index, accountId, owner, accessToken };
}

export async function prepareCrowd(
  urls: CrowdUrls,
  count: number,
  concurrency = 8,
  options: CrowdOptions = {},
): Promise<CrowdAccount[]> {
  const runTag = randomBytes(4).toString('hex');
  return inParallel(
    Array.from({ length: count }, (_, i) => i),
    concurrency,
    (index) => prepareAccount(urls, index, runTag, options),
  );
}

/** Every account buys Dream Team, monthly, 3 seats, by card, all at once. */
export async function purchaseAll(urls: CrowdUrls, accounts: CrowdAccount[]): Promise<void> {
  await Promise.all(
    accounts.map(async (account) => {
      account.purchasedAt = Date.now();
      await call(
        'POST',
        `${urls.subscriptions}/accounts/${account.accountId}/subscription/purchase`,
        {
          edition: 'dream-team',
          term: 'monthly',
          seats: 3,
          paymentMethod: 'card',
        },
        account.accessToken,
      );
    }),
  );
}

const isInvoiceMail = (mail: CapturedMail) => /^(Facture|Factura|Invoice) /.test(mail.subject);

/** Waits until every account's owner got an invoice e-mail; returns each one's purchase-to-e-mail time. */
export async function awaitInvoiceEmails(
  accounts: CrowdAccount[],
  messages: () => CapturedMail[],
  timeoutMs: number,
): Promise<Map<string, number>> {
  const latencies = new Map<string, number>();
  const byOwner = new Map(accounts.map((account) => [account.owner, account]));
  const deadline = Date.now() + timeoutMs;
  while (latencies.size < accounts.length) {
    for (const mail of messages()) {
      if (!isInvoiceMail(mail)) continue;
      for (const to of mail.envelope.to) {
        const account = byOwner.get(to);
        if (account && !latencies.has(account.accountId)) {
          latencies.set(account.accountId, Date.parse(mail.receivedAt) - (account.purchasedAt ?? 0));
        }
      }
    }
    if (latencies.size === accounts.length) break;
    if (Date.now() > deadline) {
      const missing = accounts.filter((a) => !latencies.has(a.accountId)).map((a) => a.accountId);
      throw new Error(
        `${missing.length} of ${accounts.length} invoice e-mails missing after ${timeoutMs} ms: ${missing.slice(0, 5).join(', ')}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return latencies;
}

export interface CrowdCounts {
  invoices: number;
  succeededPayments: number;
  invoiceDeliveries: number;
  invoiceEmails: number;
}

/** What each account ended with, read from every service's tables and the captured mail. */
export async function countPerAccount(
  adminUrl: string,
  accounts: CrowdAccount[],
  messages: () => CapturedMail[],
): Promise<Map<string, CrowdCounts>> {
  const db = new Client({ connectionString: adminUrl });
  await db.connect();
  try {
    const ids = accounts.map((a) => a.accountId);
    const tally = async (sql: string) =>
      new Map((await db.query<{ account_id: string; n: string }>(sql, [ids])).rows.map((r) => [r.account_id, Number(r.n)]));
    const invoices = await tally(
      'SELECT account_id, count(*) AS n FROM invoicing.invoices WHERE account_id = ANY($1) GROUP BY 1',
    );
    const payments = await tally(
      `SELECT account_id, count(*) AS n FROM payments.payments WHERE account_id = ANY($1) AND status = 'succeeded' GROUP BY 1`,
    );
    const deliveries = await tally(
      `SELECT account_id, count(*) AS n FROM notifications.deliveries WHERE account_id = ANY($1) AND template = 'invoice-issued' GROUP BY 1`,
    );
    const emails = new Map<string, number>();
    const byOwner = new Map(accounts.map((account) => [account.owner, account.accountId]));
    for (const mail of messages()) {
      if (!isInvoiceMail(mail)) continue;
      const accountId = mail.envelope.to.map((to) => byOwner.get(to)).find(Boolean);
      if (accountId) emails.set(accountId, (emails.get(accountId) ?? 0) + 1);
    }
    return new Map(
      ids.map((id) => [
        id,
        {
          invoices: invoices.get(id) ?? 0,
          succeededPayments: payments.get(id) ?? 0,
          invoiceDeliveries: deliveries.get(id) ?? 0,
          invoiceEmails: emails.get(id) ?? 0,
        },
      ]),
    );
  } finally {
    await db.end();
  }
}

/** Accounts whose outcome is not exactly one of each. */
export function notExactlyOnce(counts: Map<string, CrowdCounts>): [string, CrowdCounts][] {
  return [...counts].filter(
    ([, c]) => c.invoices !== 1 || c.succeededPayments !== 1 || c.invoiceDeliveries !== 1 || c.invoiceEmails !== 1,
  );
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Messages on every `.dlq` topic of Obolus, by topic; compare two readings to see what a run added. */
export async function deadLetterCounts(brokers: string[]): Promise<Record<string, number>> {
  const { Kafka, logLevel } = await import('kafkajs');
  const admin = new Kafka({ clientId: 'crowd-dlq-check', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => t.endsWith('.dlq') && !/^(test|bench)\./.test(t));
    const counts: Record<string, number> = {};
    for (const topic of topics) {
      const offsets = await admin.fetchTopicOffsets(topic);
      const n = offsets.reduce((sum, o) => sum + (Number(o.high) - Number(o.low)), 0);
      if (n > 0) counts[topic] = n;
    }
    return counts;
  } finally {
    await admin.disconnect();
  }
}
