import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { JwtAccessTokenVerifier, TenantContext, TenantContextInterceptor } from '@obolus/auth';
import { UnitOfWorkRunner } from '@obolus/messaging';
import { ServiceModule } from '@obolus/platform';
import { Logger } from 'pino';
import { AccountPurgeJobs } from './accounts/account-purge-jobs';
import { AccountsController } from './accounts/accounts.controller';
import { MeController } from './accounts/me.controller';
import { AccountsRepository } from './accounts/accounts.repository';
import { AccountEntity } from './accounts/entities/account.entity';
import { UserEntity } from './accounts/entities/user.entity';
import { CloseAccountUseCase } from './accounts/use-cases/close-account/close-account.use-case';
import { PurgeClosedAccountUseCase } from './accounts/use-cases/purge-closed-account/purge-closed-account.use-case';
import { PurgeClosedAccountsUseCase } from './accounts/use-cases/purge-closed-accounts/purge-closed-accounts.use-case';
import { GetMeUseCase } from './accounts/use-cases/get-me/get-me.use-case';
import { SignUpUseCase } from './accounts/use-cases/sign-up/sign-up.use-case';
import { AuditLogController } from './audit/audit-log.controller';
import { AuditLogRepository } from './audit/audit-log.repository';
import { StaffActionsConsumer } from './audit/staff-actions.consumer';
import { ListAuditLogUseCase } from './audit/use-cases/list-audit-log/list-audit-log.use-case';
import { RecordStaffActionUseCase } from './audit/use-cases/record-staff-action/record-staff-action.use-case';
import { AuthController } from './auth/auth.controller';
import { IdentityAuthGuard } from './auth/identity-auth.guard';
import { PasswordResetsRepository } from './auth/password-resets.repository';
import { SignInFailuresRepository } from './auth/sign-in-failures.repository';
import { SignInThrottle } from './auth/sign-in-throttle';
import { TrustProxy } from './auth/trust-proxy';
import { ChangePasswordUseCase } from './auth/use-cases/change-password/change-password.use-case';
import { RefreshSessionUseCase } from './auth/use-cases/refresh-session/refresh-session.use-case';
import { RequestPasswordResetUseCase } from './auth/use-cases/request-password-reset/request-password-reset.use-case';
import { ResetPasswordUseCase } from './auth/use-cases/reset-password/reset-password.use-case';
import { SignInUseCase } from './auth/use-cases/sign-in/sign-in.use-case';
import { SignOutUseCase } from './auth/use-cases/sign-out/sign-out.use-case';
import { PasswordHasher } from './credentials/password-hasher';
import { IdentityInitial1732233600100 } from './database/migrations/1732233600100-identity-initial';
import { IdentitySecurity1732233600101 } from './database/migrations/1732233600101-identity-security';
import { AccountSeatLimits1795824000100 } from './database/migrations/1795824000100-account-seat-limits';
import { AccountExports1797000000010 } from './database/migrations/1797000000010-account-exports';
import { AccountExportsController } from './exports/account-exports.controller';
import { AccountExportsJobs } from './exports/account-exports-jobs';
import { AccountExportsRepository } from './exports/account-exports.repository';
import { ExportDownloadLinks } from './exports/export-download-links';
import { ExportDownloadTokens } from './exports/export-download-tokens';
import { EXPORT_SOURCES_SETTINGS, ExportSources } from './exports/export-sources';
import { IdentityExportPart } from './exports/identity-export-part';
import { AssembleAccountExportUseCase } from './exports/use-cases/assemble-account-export/assemble-account-export.use-case';
import { DownloadAccountExportUseCase } from './exports/use-cases/download-account-export/download-account-export.use-case';
import { GetAccountExportUseCase } from './exports/use-cases/get-account-export/get-account-export.use-case';
import { RequestAccountExportUseCase } from './exports/use-cases/request-account-export/request-account-export.use-case';
import { IDENTITY_CONFIG, IdentityConfig } from './identity.config';
import { OpenApiController, OpenApiDocument } from './openapi/openapi';
import { SeatLimitsConsumer } from './seat-limits/seat-limits.consumer';
import { SeatLimitsRepository } from './seat-limits/seat-limits.repository';
import { RecordSeatLimitUseCase } from './seat-limits/use-cases/record-seat-limit/record-seat-limit.use-case';
import { SessionRevocations } from './sessions/session-revocations';
import { SessionTokens } from './sessions/session-tokens';
import { SessionsRepository } from './sessions/sessions.repository';
import { StaffController } from './staff/staff.controller';
import { StaffBootstrap } from './staff/staff-bootstrap';
import { StaffRepository } from './staff/staff.repository';
import { StaffAccountsRepository } from './staff/staff-accounts.repository';
import { GetStaffAccountUseCase } from './staff/use-cases/get-staff-account/get-staff-account.use-case';
import { SearchAccountsUseCase } from './staff/use-cases/search-accounts/search-accounts.use-case';
import { BootstrapStaffUseCase } from './staff/use-cases/bootstrap-staff/bootstrap-staff.use-case';
import { SignInStaffUseCase } from './staff/use-cases/sign-in-staff/sign-in-staff.use-case';
import { AccessTokenIssuer } from './tokens/access-token-issuer';
import { JwksController } from './tokens/jwks.controller';
import { SigningKeys } from './tokens/signing-keys';
import { SigningKeysRepository } from './tokens/signing-keys.repository';
import { InvitationsController } from './users/invitations.controller';
import { InvitationsRepository } from './users/invitations.repository';
import { UsersController } from './users/users.controller';
import { UsersRepository } from './users/users.repository';
import { AcceptInvitationUseCase } from './users/use-cases/accept-invitation/accept-invitation.use-case';
import { ChangeRoleUseCase } from './users/use-cases/change-role/change-role.use-case';
import { InviteUserUseCase } from './users/use-cases/invite-user/invite-user.use-case';
import { ListInvitationsUseCase } from './users/use-cases/list-invitations/list-invitations.use-case';
import { ListUsersUseCase } from './users/use-cases/list-users/list-users.use-case';
import { RemoveUserUseCase } from './users/use-cases/remove-user/remove-user.use-case';
import { OperationsModule } from '@obolus/operations';

@Module({})
export class IdentityModule {
  static forRoot(config: IdentityConfig, logger: Logger): DynamicModule {
    return {
      module: IdentityModule,
      imports: [
        ServiceModule.forRoot({
          service: 'identity',
          config,
          logger,
          entities: [AccountEntity, UserEntity],
          migrations: [
            IdentityInitial1732233600100,
            IdentitySecurity1732233600101,
            AccountSeatLimits1795824000100,
            AccountExports1797000000010,
          ],
          // identity publishes account.created: sign-up puts the account on its test clock itself.
          accountClocksFromEvents: false,
        }),
        OperationsModule,
      ],
      controllers: [
        AccountsController,
        MeController,
        AccountExportsController,
        AuthController,
        UsersController,
        InvitationsController,
        AuditLogController,
        StaffController,
        JwksController,
        OpenApiController,
        SeatLimitsConsumer,
        StaffActionsConsumer,
      ],
      providers: [
        { provide: IDENTITY_CONFIG, useValue: config },
        {
          provide: EXPORT_SOURCES_SETTINGS,
          useValue: {
            sources: [
              { service: 'subscriptions', url: config.SUBSCRIPTIONS_URL },
              { service: 'payments', url: config.PAYMENTS_URL },
              { service: 'invoicing', url: config.INVOICING_URL },
              { service: 'efactura-gateway', url: config.EFACTURA_GATEWAY_URL },
            ],
            serviceKey: config.IDENTITY_SERVICE_KEY,
            timeoutMs: 60_000,
          },
        },
        // identity signs the tokens, so it verifies them against its own key set, without a fetch.
        {
          provide: SigningKeys,
          inject: [UnitOfWorkRunner, SigningKeysRepository],
          useFactory: (work: UnitOfWorkRunner, keys: SigningKeysRepository) => SigningKeys.load(config, work, keys),
        },
        {
          provide: JwtAccessTokenVerifier,
          inject: [SigningKeys],
          useFactory: (keys: SigningKeys) => new JwtAccessTokenVerifier({ keys: keys.verificationKeys }),
        },
        { provide: APP_GUARD, useClass: IdentityAuthGuard },
        { provide: APP_INTERCEPTOR, useClass: TenantContextInterceptor },
        TenantContext,
        TrustProxy,
        OpenApiDocument,
        AccessTokenIssuer,
        PasswordHasher,
        SignInFailuresRepository,
        SignInThrottle,
        SigningKeysRepository,
        StaffBootstrap,
        SessionTokens,
        AccountsRepository,
        UsersRepository,
        SessionsRepository,
        SessionRevocations,
        InvitationsRepository,
        PasswordResetsRepository,
        AuditLogRepository,
        StaffRepository,
        SeatLimitsRepository,
        SignUpUseCase,
        CloseAccountUseCase,
        PurgeClosedAccountsUseCase,
        PurgeClosedAccountUseCase,
        AccountPurgeJobs,
        SignInUseCase,
        RefreshSessionUseCase,
        SignOutUseCase,
        ChangePasswordUseCase,
        RequestPasswordResetUseCase,
        ResetPasswordUseCase,
        ListUsersUseCase,
        ListInvitationsUseCase,
        ChangeRoleUseCase,
        RemoveUserUseCase,
        InviteUserUseCase,
        AcceptInvitationUseCase,
        ListAuditLogUseCase,
        RecordStaffActionUseCase,
        GetMeUseCase,
        StaffAccountsRepository,
        SearchAccountsUseCase,
        GetStaffAccountUseCase,
        SignInStaffUseCase,
        BootstrapStaffUseCase,
        RecordSeatLimitUseCase,
        AccountExportsRepository,
        ExportDownloadTokens,
        ExportDownloadLinks,
        ExportSources,
        IdentityExportPart,
        RequestAccountExportUseCase,
        GetAccountExportUseCase,
        AssembleAccountExportUseCase,
        DownloadAccountExportUseCase,
        AccountExportsJobs,
      ],
    };
  }
}
