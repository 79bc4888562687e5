import { Injectable } from '@nestjs/common';
import { StaffActionTakenV1, Term } from '@obolus/contracts';
import { AccountClocks, UnitOfWork } from '@obolus/messaging';
import { CatalogRegistry } from '../../../catalog/catalog-registry';
import { DuePeriods } from '../../due-periods';
import { SubscriptionEntity } from '../../entities/subscription.entity';
import { staffActionTaken } from '@obolus/operations';
import { announceChange } from '../../mappers/subscription-changed';
import { isPrepaid, periodJobKey } from '../../period-schedule';
import { SubscriptionsError } from '../../subscriptions.errors';
import { SubscriptionsRepository } from '../../subscriptions.repository';
import { periodEnd } from '../purchase/purchase.use-case';
import { BillEarlyCommand } from './bill-early.command';

/**
 * B4: a customer who wants to pay earlier asks support, and staff bill the next period now: it is
 * invoiced and paid today, and the schedule moves accordingly: when the current period ends, the
 * period already billed just begins, and the next invoice falls at its end. Billing early again bills
 * the period after. Prepaid accounts extend by buying instead (B2). `staff.action-taken` records who
 * billed and why, in the same unit of work.
 */
@Injectable()
export class BillEarlyUseCase {
  constructor(
    private readonly catalogs: CatalogRegistry,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly clocks: AccountClocks,
    private readonly duePeriods: DuePeriods,
  ) {}

  async execute(command: BillEarlyCommand, uow: UnitOfWork): Promise<SubscriptionEntity> {
    const subscription = await this.subscriptions.findByAccount(uow, command.accountId, true);
    if (!subscription) throw SubscriptionsError.subscriptionNotFound();
    if (subscription.status !== 'active' || isPrepaid(subscription.term)) {
      throw SubscriptionsError.notBillable(
        'only a bought monthly or annual subscription is billed ahead; prepaid ones are extended by buying',
      );
    }
    const catalog = this.catalogs.get(subscription.catalog);
    const now = await this.clocks.now(uow, command.accountId);
    const start = subscription.billedThrough ?? subscription.currentPeriodEnd!;
    const end = periodEnd(start, subscription.term as Term);
    subscription.billedThrough = end;
    subscription.updatedAt = now;
    const saved = await this.subscriptions.save(uow, subscription);
    await this.duePeriods.bill(uow, saved, catalog, {
      start,
      end,
      reason: 'bill-early',
      dueAt: now,
      key: periodJobKey(saved.id, end),
    });
    await announceChange(uow, saved, catalog, 'billed-early', now);
    await uow.emit(
      StaffActionTakenV1,
      staffActionTaken(command, 'subscription.bill-early', command.accountId, now, {
        subject: { type: 'subscription', id: saved.id },
        details: { periodStart: start, periodEnd: end },
      }),
    );
    return saved;
  }
}
