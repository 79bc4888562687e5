import { DynamicModule, Module } from '@nestjs/common';
import { ServiceConfig, ServiceModule } from '@obolus/platform';
import { Logger } from 'pino';
import { AccountsController } from './accounts/accounts.controller';
import { AccountsRepository } from './accounts/accounts.repository';
import { AccountEntity } from './accounts/entities/account.entity';
import { UserEntity } from './accounts/entities/user.entity';
import { SignUpUseCase } from './accounts/use-cases/sign-up/sign-up.use-case';
import { IdentityInitial1732233600100 } from './database/migrations/1732233600100-identity-initial';

@Module({})
export class IdentityModule {
  static forRoot(config: ServiceConfig, logger: Logger): DynamicModule {
    return {
      module: IdentityModule,
      imports: [
        ServiceModule.forRoot({
          service: 'identity',
          config,
          logger,
          entities: [AccountEntity, UserEntity],
          migrations: [IdentityInitial1732233600100],
        }),
      ],
      controllers: [AccountsController],
      providers: [AccountsRepository, SignUpUseCase],
    };
  }
}
