import { InvoiceIssuedV1 } from '@obolus/contracts';
import { randomUUID } from 'node:crypto';
import { InvoicingErrorCode } from '../../../invoicing.errors';
import { InvoicingWorld } from '../../../test-support/invoicing-world';
import { GetInvoicePdfCommand } from './get-invoice-pdf.command';
import { GetInvoicePdfUseCase } from './get-invoice-pdf.use-case';

describe('GetInvoicePdfUseCase', () => {
  it("serves an invoice's PDF to its account and to the internal route, and 404 to another account", async () => {
    const world = new InvoicingWorld();
    const accountId = await world.signUp();
    await world.requestPayment(accountId);
    await world.issueInvoice(world.payment(world.draftsOf(accountId)[0]!.id));
    const { invoiceId, number } = world.uow.dataOf(InvoiceIssuedV1)[0]!;
    const getPdf = new GetInvoicePdfUseCase(world.invoicesRepository);

    const mine = await getPdf.execute(GetInvoicePdfCommand.create({ accountId, invoiceId }), world.uow);
    expect(mine.filename).toBe(`${number}.pdf`);
    expect(mine.pdf.equals(world.invoices.invoices.get(invoiceId)!.pdf)).toBe(true);
    await expect(getPdf.execute(GetInvoicePdfCommand.create({ invoiceId }), world.uow)).resolves.toMatchObject({
      filename: `${number}.pdf`,
    });
    await expect(
      getPdf.execute(GetInvoicePdfCommand.create({ accountId: randomUUID(), invoiceId }), world.uow),
    ).rejects.toMatchObject({ code: InvoicingErrorCode.InvoiceNotFound, kind: 'not-found', message: 'no such invoice' });
  });
});
