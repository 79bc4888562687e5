import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';

export type EndpointStatus = 'active' | 'failing';
export type DeliveryStatus = 'pending' | 'delivered' | 'failed';
export type AttemptTrigger = 'schedule' | 'replay' | 'test';

export interface WebhookEndpoint {
  id: string;
  /** Null for a platform-wide endpoint (staff): it hears every account's events. */
  accountId: string | null;
  url: string;
  eventTypes: string[];
  description: string;
  enabled: boolean;
  secretSealed: string;
  previousSecretSealed: string | null;
  previousSecretExpiresAt: Date | null;
  status: EndpointStatus;
  failingSince: Date | null;
  createdByEmail: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface WebhookDelivery {
  id: string;
  /** The `webhook-id` header of every attempt and replay. */
  messageId: string;
  endpointId: string;
  accountId: string;
  eventId: string;
  /** The public name (`invoice.issued`), or `webhook.test`. */
  eventType: string;
  /** The CloudEvent, serialized once: every attempt sends and signs these exact bytes. */
  body: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
}

export interface WebhookAttempt {
  id: string;
  deliveryId: string;
  number: number;
  trigger: AttemptTrigger;
  /** The business instant the attempt was due at (on the account's test clock when it has one). */
  dueAt: Date;
  /** The wall-clock instant it was made. */
  attemptedAt: Date;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
  responseBody: string | null;
}

const ENDPOINT_COLUMNS = `id, account_id AS "accountId", url, event_types AS "eventTypes", description, enabled,
  secret_sealed AS "secretSealed", previous_secret_sealed AS "previousSecretSealed",
  previous_secret_expires_at AS "previousSecretExpiresAt", status, failing_since AS "failingSince",
  created_by_email AS "createdByEmail", created_at AS "createdAt", updated_at AS "updatedAt"`;

const DELIVERY_COLUMNS = `id, message_id AS "messageId", endpoint_id AS "endpointId", account_id AS "accountId",
  event_id AS "eventId", event_type AS "eventType", body, status, attempts, next_attempt_at AS "nextAttemptAt",
  last_status_code AS "lastStatusCode", last_error AS "lastError", created_at AS "createdAt", delivered_at AS "deliveredAt"`;

const ATTEMPT_COLUMNS = `id, delivery_id AS "deliveryId", number, trigger, due_at AS "dueAt", attempted_at AS "attemptedAt",
  duration_ms AS "durationMs", status_code AS "statusCode", error, response_body AS "responseBody"`;

/** The scope of an endpoint query: one account's endpoints, or the platform-wide ones (staff). */
export type EndpointScope = { accountId: string } | 'platform';

const scopeClause = (scope: EndpointScope, parameter: number): [string, unknown[]] =>
  scope === 'platform' ? ['account_id IS NULL', []] : [`account_id = $${parameter}`, [scope.accountId]];

@Injectable()
export class WebhooksRepository {
  async insertEndpoint({ manager }: UnitOfWork, endpoint: WebhookEndpoint): Promise<void> {
    await manager.query(
      `INSERT INTO notifications.webhook_endpoints (id, account_id, url, event_types, description, enabled, secret_sealed,
         status, created_by_email, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)`,
      [
        endpoint.id,
        endpoint.accountId,
        endpoint.url,
        endpoint.eventTypes,
        endpoint.description,
        endpoint.enabled,
        endpoint.secretSealed,
        endpoint.status,
        endpoint.createdByEmail,
        endpoint.createdAt,
      ],
    );
  }

  async listEndpoints({ manager }: UnitOfWork, scope: EndpointScope): Promise<WebhookEndpoint[]> {
    const [where, parameters] = scopeClause(scope, 1);
    return manager.query(
      `SELECT ${ENDPOINT_COLUMNS} FROM notifications.webhook_endpoints
        WHERE ${where} AND deleted_at IS NULL ORDER BY created_at, id`,
      parameters,
    );
  }

  /** One endpoint in a scope, locked for the caller's transaction when asked. */
  async findEndpoint(
    { manager }: UnitOfWork,
    scope: EndpointScope,
    endpointId: string,
    lock = false,
  ): Promise<WebhookEndpoint | undefined> {
    const [where, parameters] = scopeClause(scope, 2);
    const [row] = await manager.query(
      `SELECT ${ENDPOINT_COLUMNS} FROM notifications.webhook_endpoints
        WHERE id = $1 AND ${where} AND deleted_at IS NULL ${lock ? 'FOR UPDATE' : ''}`,
      [endpointId, ...parameters],
    );
    return row;
  }

  /** An endpoint by id whatever its scope (deliveries know their endpoint), deleted ones included. */
  async endpointById({ manager }: UnitOfWork, endpointId: string): Promise<(WebhookEndpoint & { deleted: boolean }) | undefined> {
    const [row] = await manager.query(
      `SELECT ${ENDPOINT_COLUMNS}, deleted_at IS NOT NULL AS deleted FROM notifications.webhook_endpoints WHERE id = $1`,
      [endpointId],
    );
    return row;
  }

  async updateEndpoint(
    { manager }: UnitOfWork,
    endpointId: string,
    changes: Partial<Pick<WebhookEndpoint, 'url' | 'eventTypes' | 'description' | 'enabled' | 'status' | 'failingSince' | 'secretSealed' | 'previousSecretSealed' | 'previousSecretExpiresAt'>>,
    updatedAt: Date,
  ): Promise<void> {
    const columns: Record<string, string> = {
      url: 'url',
      eventTypes: 'event_types',
      description: 'description',
      enabled: 'enabled',
      status: 'status',
      failingSince: 'failing_since',
      secretSealed: 'secret_sealed',
      previousSecretSealed: 'previous_secret_sealed',
      previousSecretExpiresAt: 'previous_secret_expires_at',
    };
    const entries = Object.entries(changes).filter(([, value]) => value !== undefined);
    const sets = entries.map(([key], index) => `${columns[key]} = $${index + 3}`);
    await manager.query(
      `UPDATE notifications.webhook_endpoints SET updated_at = $2${sets.length ? ', ' + sets.join(', ') : ''} WHERE id = $1`,
      [endpointId, updatedAt, ...entries.map(([, value]) => value)],
    );
  }

  async deleteEndpoint({ manager }: UnitOfWork, endpointId: string, deletedAt: Date): Promise<void> {
    await manager.query(`UPDATE notifications.webhook_endpoints SET deleted_at = $2, updated_at = $2 WHERE id = $1`, [
      endpointId,
      deletedAt,
    ]);
  }

  /** The enabled endpoints that hear this event: the account's own and the platform-wide ones. */
  async subscribersOf({ manager }: UnitOfWork, accountId: string, eventType: string): Promise<WebhookEndpoint[]> {
    return manager.query(
      `SELECT ${ENDPOINT_COLUMNS} FROM notifications.webhook_endpoints
        WHERE (account_id = $1 OR account_id IS NULL) AND enabled AND deleted_at IS NULL AND $2 = ANY (event_types)
        ORDER BY created_at, id`,
      [accountId, eventType],
    );
  }

  /** Records a delivery unless this endpoint has one for this event (a redelivered event); true when recorded. */
  async insertDelivery({ manager }: UnitOfWork, delivery: WebhookDelivery): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO notifications.webhook_deliveries (id, message_id, endpoint_id, account_id, event_id, event_type, body,
         status, attempts, next_attempt_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0, $9, $10)
       ON CONFLICT (endpoint_id, event_id) DO NOTHING RETURNING id`,
      [
        delivery.id,
        delivery.messageId,
        delivery.endpointId,
        delivery.accountId,
        delivery.eventId,
        delivery.eventType,
        delivery.body,
        delivery.status,
        delivery.nextAttemptAt,
        delivery.createdAt,
      ],
    );
    return rows.length > 0;
  }

  /** One delivery, locked for the attempt that holds it (a replay and a retry never interleave). */
  async lockDelivery({ manager }: UnitOfWork, deliveryId: string): Promise<WebhookDelivery | undefined> {
    const [row] = await manager.query(
      `SELECT ${DELIVERY_COLUMNS} FROM notifications.webhook_deliveries WHERE id = $1 FOR UPDATE`,
      [deliveryId],
    );
    return row;
  }

  async findDelivery({ manager }: UnitOfWork, endpointId: string, deliveryId: string): Promise<WebhookDelivery | undefined> {
    const [row] = await manager.query(
      `SELECT ${DELIVERY_COLUMNS} FROM notifications.webhook_deliveries WHERE id = $1 AND endpoint_id = $2`,
      [deliveryId, endpointId],
    );
    return row;
  }

  async listDeliveries(
    { manager }: UnitOfWork,
    endpointId: string,
    options: { since?: Date; limit: number },
  ): Promise<WebhookDelivery[]> {
    return manager.query(
      `SELECT ${DELIVERY_COLUMNS} FROM notifications.webhook_deliveries
        WHERE endpoint_id = $1 AND ($2::timestamptz IS NULL OR created_at >= $2)
        ORDER BY created_at DESC, id LIMIT $3`,
      [endpointId, options.since ?? null, options.limit],
    );
  }

  async updateDelivery(
    { manager }: UnitOfWork,
    deliveryId: string,
    state: Pick<WebhookDelivery, 'status' | 'attempts' | 'nextAttemptAt' | 'lastStatusCode' | 'lastError' | 'deliveredAt'>,
  ): Promise<void> {
    await manager.query(
      `UPDATE notifications.webhook_deliveries
          SET status = $2, attempts = $3, next_attempt_at = $4, last_status_code = $5, last_error = $6, delivered_at = $7
        WHERE id = $1`,
      [deliveryId, state.status, state.attempts, state.nextAttemptAt, state.lastStatusCode, state.lastError, state.deliveredAt],
    );
  }

  async insertAttempt({ manager }: UnitOfWork, attempt: WebhookAttempt): Promise<void> {
    await manager.query(
      `INSERT INTO notifications.webhook_attempts (id, delivery_id, number, trigger, due_at, attempted_at, duration_ms,
         status_code, error, response_body)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        attempt.id,
        attempt.deliveryId,
        attempt.number,
        attempt.trigger,
        attempt.dueAt,
        attempt.attemptedAt,
        attempt.durationMs,
        attempt.statusCode,
        attempt.error,
        attempt.responseBody,
      ],
    );
  }

  async attemptsOf({ manager }: UnitOfWork, deliveryIds: string[]): Promise<WebhookAttempt[]> {
    if (deliveryIds.length === 0) return [];
    return manager.query(
      `SELECT ${ATTEMPT_COLUMNS} FROM notifications.webhook_attempts WHERE delivery_id = ANY ($1) ORDER BY number`,
      [deliveryIds],
    );
  }
}
