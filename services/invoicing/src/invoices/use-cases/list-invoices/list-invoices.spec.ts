import { InvoiceIssuedV1 } from '@obolus/contracts';
import { InvoicingWorld } from '../../../test-support/invoicing-world';
import { ListInvoicesCommand } from './list-invoices.command';
import { ListInvoicesUseCase } from './list-invoices.use-case';

describe('ListInvoicesUseCase', () => {
  it("lists only the account's own invoices, newest first, without their PDF bytes", async () => {
    const world = new InvoicingWorld();
    const [mine, other] = [await world.signUp(), await world.signUp()];
    for (const accountId of [mine, other, mine]) {
      await world.requestPayment(accountId);
      await world.issueInvoice(world.payment(world.draftsOf(accountId).at(-1)!.id));
      world.clock.advance(60_000);
    }
    const list = await new ListInvoicesUseCase(world.invoicesRepository).execute(
      ListInvoicesCommand.create({ accountId: mine }),
      world.uow,
    );
    const numbersOfMine = world.uow
      .dataOf(InvoiceIssuedV1)
      .filter((i) => i.accountId === mine)
      .map((i) => i.number);
    expect(list.map((i) => i.number)).toEqual(numbersOfMine.reverse());
    expect(list.every((i) => i.accountId === mine && !('pdf' in i))).toBe(true);
  });
});
