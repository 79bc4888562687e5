import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { CatalogRegistry } from '../../../catalog/catalog-registry';
import { entitlementsOf } from '../../mappers/entitlements';
import { SubscriptionsError } from '../../subscriptions.errors';
import { SubscriptionsRepository } from '../../subscriptions.repository';
import { CheckEntitlementCommand } from './check-entitlement.command';

export interface EntitlementAnswer {
  allowed: boolean;
  /** Why not, when refused. */
  reason?: string;
  /** The limit the question met (bytes or seats). */
  limit?: number;
  /** What is left under that limit. */
  remaining?: number;
}

/**
 * "May account X do F?" (C6, C7), from the same row and catalog as the entitlements: a feature of
 * its edition; a document within the per-document limit and the storage left (per seat paid for);
 * users within the edition's seats (C3: Solopreneur has one). A blocked account may do nothing but
 * pay (T3). Every question asked must be allowed; the first refusal is the answer.
 */
@Injectable()
export class CheckEntitlementUseCase {
  constructor(
    private readonly catalogs: CatalogRegistry,
    private readonly subscriptions: SubscriptionsRepository,
  ) {}

  async execute(command: CheckEntitlementCommand, uow: UnitOfWork): Promise<EntitlementAnswer> {
    const subscription = await this.subscriptions.findByAccount(uow, command.accountId);
    if (!subscription) throw SubscriptionsError.subscriptionNotFound();
    const catalog = this.catalogs.get(subscription.catalog);
    if (command.feature !== undefined && !Object.hasOwn(catalog.features, command.feature)) {
      throw SubscriptionsError.unknownFeature(command.feature, Object.keys(catalog.features));
    }
    const entitlements = entitlementsOf(subscription, catalog);
    if (entitlements.status === 'blocked') {
      return { allowed: false, reason: 'the account is blocked until it pays; only billing is open' };
    }
    const answers: EntitlementAnswer[] = [];
    if (command.feature !== undefined) {
      const edition = this.catalogs.edition(catalog, subscription.edition)?.name ?? subscription.edition;
      answers.push(
        entitlements.features.includes(command.feature)
          ? { allowed: true }
          : { allowed: false, reason: `${edition} does not include ${command.feature}` },
      );
    }
    if (command.storeBytes !== undefined) {
      const { documentMaxBytes, storageBytes: limit } = entitlements.limits;
      const remaining = Math.max(limit - entitlements.usage.storageBytes, 0);
      if (command.storeBytes > documentMaxBytes) {
        answers.push({
          allowed: false,
          reason: `a document is at most ${documentMaxBytes} bytes`,
          limit: documentMaxBytes,
          remaining,
        });
      } else if (command.storeBytes > remaining) {
        answers.push({ allowed: false, reason: `the account has ${remaining} bytes of storage left`, limit, remaining });
      } else {
        answers.push({ allowed: true, limit, remaining: remaining - command.storeBytes });
      }
    }
    if (command.addSeats !== undefined) {
      const limit = entitlements.limits.seats;
      const remaining = Math.max(limit - entitlements.usage.seats, 0);
      answers.push(
        command.addSeats > remaining
          ? { allowed: false, reason: `the edition is for at most ${limit} user(s)`, limit, remaining }
          : { allowed: true, limit, remaining: remaining - command.addSeats },
      );
    }
    return answers.find((answer) => !answer.allowed) ?? (answers.length === 1 ? answers[0]! : { allowed: true });
  }
}
