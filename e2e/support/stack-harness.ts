import { AnafSandbox, AnafSandboxOptions, startAnafSandbox } from '@obolus/anaf-sandbox';
import { startMailSandbox, MailSandbox } from '@obolus/mail-sandbox';
import { PaypalSandbox, startPaypalSandbox } from '@obolus/paypal-sandbox';
import {
  OBOLUS_SERVICES,
  ObolusService,
  serviceEnvironment,
  ServiceProcess,
  StackEnvironment,
  startServiceProcess,
  webEnvironment,
} from '@obolus/stack';
import { startStripeSandbox, StripeSandbox } from '@obolus/stripe-sandbox';
import { startViesSandbox, ViesSandbox } from '@obolus/vat';
import { CrowdUrls, OtlpReceiver, TcpProxy, waitFor } from '@obolus/testing';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Stripe from 'stripe';

/** Each service's output, for reading after a failed run. */
const logDirectory = join(__dirname, '../../.data/e2e-logs');

/**
 * The whole of Obolus for an end-to-end test: six services as their own processes against the real
 * broker and database, the Stripe and mail sandboxes as real servers on loopback, and an OTLP receiver
 * the services export their spans to.
 */
export class StackHarness {
  readonly receiver = new OtlpReceiver();
  readonly services = new Map<ObolusService, ServiceProcess>();
  /** Second instances, for scale-out tests: same database, same consumer groups, other ports. */
  readonly replicas = new Map<ObolusService, ServiceProcess>();
  mail!: MailSandbox;
  stripe!: StripeSandbox;
  /** invoicing checks VAT numbers here (VIES_URL), never with the real VIES. */
  vies!: ViesSandbox;
  /** With `anaf`: efactura-gateway's ANAF (OAuth and e-Factura), registered for this stack's callback. */
  anaf?: AnafSandbox;
  /** With `paypal`: payments' PayPal (PAYPAL_API_URL), its one webhook delivered to payments. */
  paypal?: PaypalSandbox;
  /** With `web`: the portal's edge, on basePort + 7. */
  web?: ServiceProcess;
  private stack!: StackEnvironment;
  /** With `faults`: proxies in front of Postgres, the SMTP sandbox and the Stripe sandbox, to take them down. */
  readonly proxies: { postgres?: TcpProxy; smtp?: TcpProxy; stripe?: TcpProxy } = {};

  constructor(
    private readonly basePort: number,
    private readonly options: {
      faults?: boolean;
      mailCapacity?: number;
      env?: Record<string, string>;
      /** Starts the ANAF sandbox (options as given) and points efactura-gateway at it. */
      anaf?: AnafSandboxOptions;
      /** Starts the PayPal sandbox and points payments at it. */
      paypal?: boolean;
      /** Also starts the portal's web edge (services/web) on basePort + 7, after the services. */
      web?: boolean;
    } = {},
  ) {}

  port(service: ObolusService): number {
    return this.basePort + OBOLUS_SERVICES.indexOf(service) + 1;
  }

  url(service: ObolusService): string {
    return `http://127.0.0.1:${this.port(service)}`;
  }

  /** The portal's address, with `web`. */
  get webUrl(): string {
    return `http://127.0.0.1:${this.basePort + OBOLUS_SERVICES.length + 1}`;
  }

  async start(): Promise<void> {
    const otlpEndpoint = await this.receiver.start();
    this.mail = await startMailSandbox({ capacity: this.options.mailCapacity });
    const webhookSecret = `whsec_e2e_${randomBytes(8).toString('hex')}`;
    this.stripe = await startStripeSandbox({
      webhookUrls: [`${this.url('payments')}/webhooks/stripe`],
      webhookSecret,
      asyncDelayMs: 200,
      webhookRetryBaseMs: 250,
      webhookRetryMaxMs: 2000,
      webhookMaxAttempts: 20,
    });
    this.vies = await startViesSandbox();
    const sandboxes: Record<string, string> = {};
    if (this.options.anaf) {
      const callback = `${this.url('efactura-gateway')}/efactura/oauth/callback`;
      const client = { clientId: 'obolus-e2e-client', clientSecret: `e2e-${randomBytes(8).toString('hex')}` };
      this.anaf = await startAnafSandbox({ port: 0, ...this.options.anaf, clients: [{ ...client, redirectUris: [callback] }] });
      Object.assign(sandboxes, {
        ANAF_OAUTH_URL: `${this.anaf.url}/anaf-oauth2/v1`,
        ANAF_API_URL: `${this.anaf.url}/test/FCTEL/rest`,
        ANAF_CLIENT_ID: client.clientId,
        ANAF_CLIENT_SECRET: client.clientSecret,
        ANAF_REDIRECT_URI: callback,
        ANAF_SIGNING_CERTIFICATES: this.anaf.signingCertificatePem,
      });
    }
    if (this.options.paypal) {
      this.paypal = await startPaypalSandbox({
        port: 0,
        clientId: 'obolus-e2e-paypal',
        clientSecret: `e2e-${randomBytes(8).toString('hex')}`,
        webhookUrls: [`${this.url('payments')}/webhooks/paypal`],
        webhookRetryBaseMs: 250,
      });
      Object.assign(sandboxes, {
        PAYPAL_API_URL: this.paypal.url,
        PAYPAL_CLIENT_ID: this.paypal.clientId,
        PAYPAL_CLIENT_SECRET: this.paypal.clientSecret,
        PAYPAL_WEBHOOK_ID: this.paypal.webhookId,
      });
    }
    let databaseAdminUrl = process.env.DATABASE_ADMIN_URL!;
    let smtpPort = this.mail.smtpPort;
    let stripeUrl = this.stripe.url;
    if (this.options.faults) {
      const postgres = new URL(databaseAdminUrl);
      this.proxies.postgres = new TcpProxy({ host: postgres.hostname, port: Number(postgres.port || 5432) });
      postgres.port = String(await this.proxies.postgres.up());
      databaseAdminUrl = postgres.toString();
      this.proxies.smtp = new TcpProxy({ host: '127.0.0.1', port: this.mail.smtpPort });
      smtpPort = await this.proxies.smtp.up();
      const stripe = new URL(this.stripe.url);
      this.proxies.stripe = new TcpProxy({ host: stripe.hostname, port: Number(stripe.port) });
      stripe.port = String(await this.proxies.stripe.up());
      stripeUrl = stripe.toString().replace(/\/$/, '');
    }
    this.stack = {
      databaseAdminUrl,
      kafkaBrokers: process.env.KAFKA_BROKERS!.split(','),
      otlpEndpoint,
      ports: Object.fromEntries(OBOLUS_SERVICES.map((s) => [s, this.port(s)])),
      portalUrl: this.webUrl,
      extra: {
        STRIPE_SECRET_KEY: 'sk_test_obolus_e2e',
        STRIPE_API_URL: stripeUrl,
        STRIPE_WEBHOOK_SECRET: webhookSecret,
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        VIES_URL: this.vies.url,
        IDENTITY_SIGNIN_MAX_FAILURES_PER_IP: '1000',
        ...sandboxes,
        ...this.options.env,
      },
    };
    // Wait for every start to settle, so a failed one never leaves the others running unattended.
    const started = await Promise.allSettled(OBOLUS_SERVICES.map((service) => this.startService(service)));
    const failed = started.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failed) {
      await this.stop();
      throw failed.reason;
    }
    if (this.options.web) {
      try {
        this.web = await startServiceProcess({
          service: 'web',
          env: webEnvironment(this.stack, {
            port: this.basePort + OBOLUS_SERVICES.length + 1,
            stripeApiUrl: this.stripe.url,
            stripePublishableKey: 'pk_test_obolus_e2e',
            paypalUrl: this.paypal?.url,
          }),
          healthTimeoutMs: 60_000,
          logFile: join(logDirectory, 'web.log'),
        });
      } catch (error) {
        await this.stop();
        throw error;
      }
    }
  }

  async startService(service: ObolusService): Promise<ServiceProcess> {
    mkdirSync(logDirectory, { recursive: true });
    const running = await startServiceProcess({
      service,
      env: serviceEnvironment(service, this.stack),
      healthTimeoutMs: 90_000,
      logFile: join(logDirectory, `${service}.log`),
    });
    this.services.set(service, running);
    return running;
  }

  /** Stripe's own SDK pointed at the sandbox: the customer's browser confirms set-ups with Stripe directly, as Stripe.js would. */
  stripeClient(): Stripe {
    const api = new URL(this.stripe.url);
    return new Stripe('sk_test_obolus_e2e', { host: api.hostname, port: api.port, protocol: 'http', maxNetworkRetries: 0 });
  }

  /** A new test clock at `frozenTime`, once every service has it. */
  async testClock(frozenTime: string, name: string): Promise<string> {
    const created = await new Journey().request<{ id: string }>('POST', `${this.url('subscriptions')}/test-clocks`, {
      frozenTime,
      name: `${name} ${frozenTime}`,
    });
    await this.untilClockReady(created.id);
    return created.id;
  }

  /** Moves a test clock, then waits until every service has done the work due by its new time. */
  async advanceClock(clockId: string, frozenTime: string): Promise<void> {
    await new Journey().request('POST', `${this.url('subscriptions')}/test-clocks/${clockId}/advance`, { frozenTime }, [202]);
    await this.untilClockReady(clockId);
  }

  async untilClockReady(clockId: string): Promise<void> {
    await waitFor(
      async () => {
        const clock = await new Journey().request<{ status: string }>(
          'GET',
          `${this.url('subscriptions')}/test-clocks/${clockId}`,
        );
        return clock.status === 'ready' ? true : undefined;
      },
      { what: `test clock ${clockId} ready`, timeoutMs: 180_000, intervalMs: 250 },
    );
  }

  /** Where a crowd of customers sends its requests. */
  crowdUrls(): CrowdUrls {
    return {
      identity: this.url('identity'),
      subscriptions: this.url('subscriptions'),
      payments: this.url('payments'),
      invoicing: this.url('invoicing'),
      stripe: this.stripe.url,
      stripeSecretKey: 'sk_test_obolus_e2e',
    };
  }

  /** Starts a second instance of every service; Kafka shares each topic's partitions between the two. */
  async startReplicas(): Promise<void> {
    mkdirSync(logDirectory, { recursive: true });
    await Promise.all(
      OBOLUS_SERVICES.map(async (service) => {
        const running = await startServiceProcess({
          service,
          env: serviceEnvironment(service, this.stack, this.port(service) + 20),
          healthTimeoutMs: 90_000,
          logFile: join(logDirectory, `${service}-replica.log`),
        });
        this.replicas.set(service, running);
      }),
    );
  }

  /** A crash: SIGKILL, no clean-up, no offsets committed beyond what was already done. */
  async kill(service: ObolusService): Promise<void> {
    await this.services.get(service)?.kill();
  }

  /** Stops everything; returns the exit codes of the services' graceful stops. */
  async stop(): Promise<Record<string, number | null>> {
    const codes: Record<string, number | null> = {};
    if (this.web) codes.web = await this.web.stop();
    await Promise.all(
      [...this.services, ...[...this.replicas].map(([service, running]) => [`${service}-replica`, running] as const)].map(
        async ([service, running]) => {
          codes[service] = await running.stop();
        },
      ),
    );
    await Promise.all(Object.values(this.proxies).map((proxy) => proxy.down()));
    await this.stripe?.close();
    await this.vies?.close();
    await this.anaf?.close();
    await this.paypal?.close();
    await this.mail?.close();
    await this.receiver.stop();
    return codes;
  }
}

/**
 * A customer's browser session as one trace: every request carries a W3C traceparent with the same
 * trace id, as an instrumented front end would send.
 */
export class Journey {
  readonly traceId = randomBytes(16).toString('hex');
  accessToken?: string;

  async request<T = unknown>(
    method: string,
    url: string,
    body?: unknown,
    expected = [200, 201, 202],
    extraHeaders: Record<string, string> = {},
  ): Promise<T> {
    const { status, text, json } = await this.send(method, url, body, extraHeaders);
    if (!expected.includes(status)) throw new Error(`${method} ${url} answered ${status}: ${text}`);
    return (json ?? text) as T;
  }

  /** Any answer, for a test that checks a refusal: its status, its text, and its body parsed when it is JSON. */
  async send(
    method: string,
    url: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<{ status: number; text: string; json: unknown }> {
    const headers: Record<string, string> = {
      traceparent: `00-${this.traceId}-${randomBytes(8).toString('hex')}-01`,
      ...extraHeaders,
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.accessToken) headers.authorization = `Bearer ${this.accessToken}`;
    const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    return { status: response.status, text, json: type.includes('json') ? JSON.parse(text) : undefined };
  }

  async download(url: string): Promise<{ status: number; type: string | null; body: Buffer }> {
    const response = await fetch(url, { headers: { authorization: `Bearer ${this.accessToken}` } });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: Buffer.from(await response.arrayBuffer()),
    };
  }
}
