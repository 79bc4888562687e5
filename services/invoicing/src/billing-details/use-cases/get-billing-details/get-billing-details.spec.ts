import { RecordingUnitOfWork, SettableClock } from '@obolus/testing';
import { randomUUID } from 'node:crypto';
import { InvoicingErrorCode } from '../../../invoicing.errors';
import { BillingDetailsRepository } from '../../billing-details.repository';
import { InMemoryBillingDetails } from '../../test-support/in-memory-billing-details';
import { SaveBillingDetailsCommand } from '../save-billing-details/save-billing-details.command';
import { SaveBillingDetailsUseCase } from '../save-billing-details/save-billing-details.use-case';
import { GetBillingDetailsCommand } from './get-billing-details.command';
import { GetBillingDetailsUseCase } from './get-billing-details.use-case';

describe('GetBillingDetailsUseCase', () => {
  it("answers with the caller's own details, and 404 for an account that has set none", async () => {
    const repository = new InMemoryBillingDetails() as unknown as BillingDetailsRepository;
    const mine = randomUUID();
    await new SaveBillingDetailsUseCase(repository, new SettableClock()).execute(
      SaveBillingDetailsCommand.create({
        accountId: mine,
        legalName: 'Atelier Dupont SARL',
        buyerType: 'business',
        address: { line1: '3 rue des Lilas', city: 'Lyon', country: 'FR' },
      }),
      new RecordingUnitOfWork(),
    );
    const get = new GetBillingDetailsUseCase(repository);
    await expect(
      get.execute(GetBillingDetailsCommand.create({ accountId: mine }), new RecordingUnitOfWork()),
    ).resolves.toMatchObject({
      accountId: mine,
      legalName: 'Atelier Dupont SARL',
      country: 'FR',
    });
    await expect(
      get.execute(GetBillingDetailsCommand.create({ accountId: randomUUID() }), new RecordingUnitOfWork()),
    ).rejects.toMatchObject({
      code: InvoicingErrorCode.BillingDetailsNotFound,
      kind: 'not-found',
      message: 'no billing details yet',
    });
  });
});
