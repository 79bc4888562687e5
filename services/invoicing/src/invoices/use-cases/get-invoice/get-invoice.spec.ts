import { InvoiceIssuedV1 } from '@obolus/contracts';
import { randomUUID } from 'node:crypto';
import { InvoicingErrorCode } from '../../../invoicing.errors';
import { InvoicingWorld } from '../../../test-support/invoicing-world';
import { GetInvoiceCommand } from './get-invoice.command';
import { GetInvoiceUseCase } from './get-invoice.use-case';

describe('GetInvoiceUseCase', () => {
  it('answers with the invoice of the account, and 404 for the same id asked by another account', async () => {
    const world = new InvoicingWorld();
    const accountId = await world.signUp();
    await world.requestPayment(accountId);
    await world.issueInvoice(world.payment(world.draftsOf(accountId)[0]!.id));
    const [issued] = world.uow.dataOf(InvoiceIssuedV1);
    const get = new GetInvoiceUseCase(world.invoicesRepository);

    await expect(
      get.execute(GetInvoiceCommand.create({ accountId, invoiceId: issued!.invoiceId }), world.uow),
    ).resolves.toMatchObject({ number: issued!.number, totals: issued!.totals, recipients: ['ana@popescu.ro'] });
    await expect(
      get.execute(GetInvoiceCommand.create({ accountId: randomUUID(), invoiceId: issued!.invoiceId }), world.uow),
    ).rejects.toMatchObject({ code: InvoicingErrorCode.InvoiceNotFound, kind: 'not-found' });
  });
});
