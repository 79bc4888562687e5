import { Inject, Injectable } from '@nestjs/common';
import { IDENTITY_CONFIG, IdentityConfig } from '../identity.config';
import { ExportDownloadTokens } from './export-download-tokens';

/** The public address of an export's ZIP, with its signed token: good until `expiresAt`, for whoever holds it. */
@Injectable()
export class ExportDownloadLinks {
  constructor(
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    private readonly tokens: ExportDownloadTokens,
  ) {}

  async linkTo(accountId: string, exportId: string, expiresAt: Date): Promise<string> {
    const url = new URL(`account-exports/${exportId}/download`, `${this.config.IDENTITY_PUBLIC_URL.replace(/\/$/, '')}/`);
    url.searchParams.set('token', await this.tokens.sign({ accountId, exportId }, expiresAt));
    return url.toString();
  }
}
