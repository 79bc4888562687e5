import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@obolus/messaging';
import { ProformaEntity } from '../../entities/proforma.entity';
import { ProformasRepository } from '../../proformas.repository';
import { ListProformasCommand } from './list-proformas.command';

/** I4: the account's proformas (latest 200), open or paid, newest first, without their PDF bytes. */
@Injectable()
export class ListProformasUseCase {
  constructor(private readonly proformas: ProformasRepository) {}

  execute(command: ListProformasCommand, uow: UnitOfWork): Promise<ProformaEntity[]> {
    return this.proformas.list(uow, command.accountId);
  }
}
