import { RecordingUnitOfWork } from '@obolus/testing';
import { randomUUID } from 'node:crypto';
import { InvoicingErrorCode } from '../../../invoicing.errors';
import { InvoicingWorld } from '../../../test-support/invoicing-world';
import { GetBillingDetailsCommand } from './get-billing-details.command';
import { GetBillingDetailsUseCase } from './get-billing-details.use-case';

describe('GetBillingDetailsUseCase', () => {
  it("answers with the caller's own details, and 404 for an account that has set none", async () => {
    const world = new InvoicingWorld();
    const mine = randomUUID();
    await world.setBillingDetails({
      accountId: mine,
      legalName: 'Atelier Dupont SARL',
      buyerType: 'business',
      address: { line1: '3 rue des Lilas', city: 'Lyon', country: 'FR' },
    });
    const get = new GetBillingDetailsUseCase(world.detailsRepository);
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
