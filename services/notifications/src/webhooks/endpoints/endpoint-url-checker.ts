import { Inject, Injectable } from '@nestjs/common';
import { NotificationsError } from '../../notifications.errors';
import { checkWebhookUrl } from '../delivery/address-policy';
import { resolvedAddressProblem, WEBHOOK_SENDER_SETTINGS, WebhookSenderSettings } from '../delivery/webhook-sender';

/** Where a host name is resolved at registration (the system resolver; specs pass their own). */
export const HOST_RESOLUTION_CHECK = Symbol('HOST_RESOLUTION_CHECK');
export type HostResolutionCheck = (hostname: string) => Promise<string | undefined>;
export const systemHostResolutionCheck: HostResolutionCheck = resolvedAddressProblem;

/**
 * The registration check of an endpoint URL: the static rules, then, for a host name, every address
 * it resolves to now. The sender checks the addresses again at each connection.
 */
@Injectable()
export class EndpointUrlChecker {
  constructor(
    @Inject(WEBHOOK_SENDER_SETTINGS) private readonly settings: WebhookSenderSettings,
    @Inject(HOST_RESOLUTION_CHECK) private readonly resolution: HostResolutionCheck,
  ) {}

  /** The URL as stored (normalized), or a 400 naming `url` and the reason. */
  async check(raw: string): Promise<string> {
    const checked = checkWebhookUrl(raw, this.settings);
    if ('refused' in checked) throw NotificationsError.webhookUrlRefused(checked.refused);
    if (checked.address === undefined) {
      const problem = await this.resolution(checked.url.hostname);
      if (problem) throw NotificationsError.webhookUrlRefused(problem);
    }
    return checked.url.toString();
  }
}
