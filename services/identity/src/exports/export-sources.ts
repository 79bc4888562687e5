import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_KEY_HEADER } from '@obolus/auth';
import { TransientEventError } from '@obolus/messaging';
import { ExportFile, parseExportPart } from '@obolus/platform';

/** A service that holds part of an account's data, and where identity asks it for that part. */
export interface ExportSource {
  service: 'subscriptions' | 'payments' | 'invoicing' | 'efactura-gateway';
  url: string;
}

export interface ExportSourcesSettings {
  sources: readonly ExportSource[];
  /** Identity's secret on the services' internal routes (their INTERNAL_API_KEYS list `identity:<it>`). */
  serviceKey: string | undefined;
  timeoutMs: number;
}

export const EXPORT_SOURCES_SETTINGS = Symbol('EXPORT_SOURCES_SETTINGS');

/**
 * Asks each service for its part of an account's export (`GET /internal/accounts/:accountId/export`) and
 * files it under the service's name. A service that is down or slow is a transient failure: the export job
 * runs again later, and no export is ever assembled with a part missing.
 */
@Injectable()
export class ExportSources {
  constructor(@Inject(EXPORT_SOURCES_SETTINGS) private readonly settings: ExportSourcesSettings) {}

  async partsOf(accountId: string): Promise<ExportFile[]> {
    const parts = await Promise.all(this.settings.sources.map((source) => this.partOf(source, accountId)));
    return parts.flat();
  }

  private async partOf(source: ExportSource, accountId: string): Promise<ExportFile[]> {
    const { serviceKey } = this.settings;
    if (!serviceKey)
      throw new Error(`IDENTITY_SERVICE_KEY is not set: ${source.service} cannot be asked for its part of the export`);
    const url = new URL(`/internal/accounts/${encodeURIComponent(accountId)}/export`, source.url);
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { [SERVICE_KEY_HEADER]: serviceKey, accept: 'application/json' },
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
    } catch (error) {
      throw new TransientEventError(`${source.service} did not answer for the export: ${String(error)}`);
    }
    if (response.status >= 500 || response.status === 429) {
      throw new TransientEventError(`${source.service} answered ${response.status} for the export`);
    }
    if (!response.ok) throw new Error(`${source.service} refused identity's export request with ${response.status}`);
    const files = parseExportPart(await response.json());
    return files.map((file) => ({ ...file, path: `${source.service}/${file.path}` }));
  }
}
