import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { AccountCreatedV1, AccountCreatedV1Data, CloudEvent } from '@obolus/contracts';
import { EventHandlerContext } from '@obolus/messaging';
import { RecordCustomerCommand } from './use-cases/record-customer/record-customer.command';
import { RecordCustomerUseCase } from './use-cases/record-customer/record-customer.use-case';

@Controller()
export class CustomersConsumer {
  constructor(private readonly recordCustomer: RecordCustomerUseCase) {}

  @EventPattern(AccountCreatedV1.type)
  onAccountCreated(@Payload() event: CloudEvent<AccountCreatedV1Data>, @Ctx() uow: EventHandlerContext): Promise<void> {
    return this.recordCustomer.execute(RecordCustomerCommand.create(event.data), uow);
  }
}
