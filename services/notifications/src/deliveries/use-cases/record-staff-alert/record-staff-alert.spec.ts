import { CloudEvent, EfacturaDeadlineApproachingV1, EfacturaDeadlineApproachingV1Data } from '@obolus/contracts';
import { RecordingUnitOfWork, SettableClock } from '@obolus/testing';
import { AccountContactsRepository } from '../../../contacts/account-contacts.repository';
import { DeliveriesRepository } from '../../deliveries.repository';
import { InMemoryDeliveries } from '../../test-support/in-memory-deliveries';
import { RecordDeliveryUseCase } from '../record-delivery/record-delivery.use-case';
import { RecordOwnerNoticeUseCase } from '../record-owner-notice/record-owner-notice.use-case';
import { RecordStaffAlertCommand } from './record-staff-alert.command';
import { RecordStaffAlertUseCase } from './record-staff-alert.use-case';

const ACCOUNT = '0b9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11';

const approaching = (): CloudEvent<EfacturaDeadlineApproachingV1Data> => ({
  specversion: '1.0',
  id: 'a1b2c3d4-0000-4000-8000-000000000001',
  source: EfacturaDeadlineApproachingV1.source,
  type: EfacturaDeadlineApproachingV1.type,
  time: '2026-12-23T08:00:00.000Z',
  datacontenttype: 'application/json',
  accountid: ACCOUNT,
  data: {
    accountId: ACCOUNT,
    documentId: '1c9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11',
    invoiceId: '2d9f3a8e-5a0f-4b5e-9d5e-0c6f1c1e2a11',
    invoiceNumber: 'OBRO-2026-000001',
    issueDate: '2026-12-18',
    uploadDeadline: '2026-12-28',
    status: 'queued',
    workingDaysLeft: 2,
    alertedAt: '2026-12-23T08:00:00.000Z',
  },
});

describe('RecordStaffAlertUseCase', () => {
  const clock = new SettableClock(new Date('2026-12-23T08:00:01.000Z'));
  let deliveries: InMemoryDeliveries;
  const contacts = {
    find: async () => ({ accountId: ACCOUNT, ownerEmail: 'owner@firma.ro', locale: 'ro' }),
    noticeRecipients: async () => ['owner@firma.ro', 'admin@firma.ro'],
  };

  const alertWith = (staff: string[]) =>
    new RecordStaffAlertUseCase(
      new RecordOwnerNoticeUseCase(
        contacts as unknown as AccountContactsRepository,
        new RecordDeliveryUseCase(deliveries as unknown as DeliveriesRepository, clock),
        'https://portal.obolus.example',
      ),
      staff,
    );

  beforeEach(() => {
    deliveries = new InMemoryDeliveries();
  });

  it("sends the deadline alert to the owner, the admins and the staff, in the account's language", async () => {
    await alertWith(['efactura@obolus.example']).execute(
      RecordStaffAlertCommand.create({ event: approaching() }),
      new RecordingUnitOfWork(clock),
    );
    expect(deliveries.all()).toEqual([
      expect.objectContaining({
        template: 'efactura-deadline-approaching',
        locale: 'ro',
        recipients: ['owner@firma.ro', 'admin@firma.ro', 'efactura@obolus.example'],
      }),
    ]);
  });

  it('sends it to the account’s people only when no staff address is configured', async () => {
    await alertWith([]).execute(RecordStaffAlertCommand.create({ event: approaching() }), new RecordingUnitOfWork(clock));
    expect(deliveries.all()).toEqual([expect.objectContaining({ recipients: ['owner@firma.ro', 'admin@firma.ro'] })]);
  });
});
