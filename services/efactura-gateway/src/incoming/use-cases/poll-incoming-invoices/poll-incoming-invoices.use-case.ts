import { Inject, Injectable } from '@nestjs/common';
import { AnafArchiveError, AnafClient, AnafMessage, checkArchiveSignature } from '@obolus/anaf';
import { EfacturaIncomingReceivedV1 } from '@obolus/contracts';
import { AccountClocks, JobScheduler, UnitOfWork } from '@obolus/messaging';
import { Clock } from '@obolus/platform';
import { randomUUID } from 'node:crypto';
import { EFACTURA_SETTINGS, EfacturaSettings } from '../../../efactura-settings';
import { EfacturaError } from '../../../efactura.errors';
import { AnafToken } from '../../../submissions/anaf-token';
import { INCOMING_POLL_JOB, IncomingPollPayload, listingWindow } from '../../incoming-schedule';
import { IncomingRepository } from '../../incoming.repository';
import { incomingReceivedData } from '../../mappers/incoming-received';
import { IncomingSummary, incomingSummary } from '../../mappers/incoming-summary';
import { readSupplierArchive } from '../../supplier-archive';
import { PollIncomingInvoicesCommand } from './poll-incoming-invoices.command';

export interface IncomingPollResult {
  listed: number;
  stored: number;
  stopped?: boolean;
}

/** ANAF's pages are 500 messages; this many pages is 50,000 messages in one window, far past any CUI's. */
const MAX_PAGES = 100;

const refused = (reason: string): IncomingSummary => ({
  supplierCif: null,
  supplierName: null,
  number: null,
  issueDate: null,
  currency: null,
  payableMinor: null,
  parsed: null,
  parseError: reason,
});

/**
 * E3: one listing of the invoices suppliers sent to a CUI (filter P), over a window ending a little
 * short of now and reaching back over ANAF's listing delay. Each message not yet kept is downloaded
 * once and kept as ANAF sent it; its signature is checked and the invoice read with libs/ubl. An
 * archive that is refused (unsafe entry names such as `../x`, a document over ANAF's 10 MB, an entry
 * that inflates past it, more than the two entries ANAF writes), not signed as it should be, or not readable
 * is still kept and listed, with the reason; each one kept publishes `efactura.incoming.received` in
 * the same unit of work. The next listing is planned at the end; a chain of
 * listings belongs to one authorisation and stops when the CUI is reconnected or revoked.
 */
@Injectable()
export class PollIncomingInvoicesUseCase {
  constructor(
    private readonly incoming: IncomingRepository,
    private readonly anaf: AnafClient,
    private readonly token: AnafToken,
    private readonly scheduler: JobScheduler,
    private readonly clock: Clock,
    private readonly clocks: AccountClocks,
    @Inject(EFACTURA_SETTINGS) private readonly settings: EfacturaSettings,
  ) {}

  async execute(command: PollIncomingInvoicesCommand, uow: UnitOfWork): Promise<IncomingPollResult> {
    const { accountId, cif } = command;
    const state = await this.incoming.listingState(uow, accountId, cif);
    if (!state || state.status !== 'connected' || state.connectedAt.toISOString() !== command.chain) {
      return { listed: 0, stored: 0, stopped: true };
    }
    const now = this.clock.now();
    const window = listingWindow(state.listedUntil, now, this.settings.incomingLagMs);
    const messages = await this.list(accountId, cif, window);
    const known = await this.incoming.known(
      uow,
      accountId,
      cif,
      messages.map((m) => m.id),
    );
    let stored = 0;
    for (const message of messages.filter((m) => !known.has(m.id))) {
      const fetched = await this.fetch(accountId, cif, message.id);
      if (!fetched) continue;
      const { zip, summary, signer } = fetched;
      const id = randomUUID();
      const inserted = await this.incoming.insertIfAbsent(
        uow,
        {
          id,
          accountId,
          cif,
          anafId: message.id,
          uploadIndex: message.idSolicitare,
          createdAtAnaf: message.dataCreare,
          ...summary,
          signer,
          receivedAt: now,
        },
        zip,
      );
      if (!inserted) continue;
      stored += 1;
      await uow.emit(EfacturaIncomingReceivedV1, {
        accountId,
        subject: id,
        data: incomingReceivedData({ id, accountId, cif, anafId: message.id, receivedAt: now }, summary),
      });
    }
    await this.incoming.saveListedUntil(uow, accountId, cif, new Date(window.endTime));
    await this.scheduler.schedule<IncomingPollPayload>(uow, {
      kind: INCOMING_POLL_JOB,
      key: `${accountId}:${cif}:${command.chain}:${command.run + 1}`,
      accountId,
      // ANAF's windows follow real time; the next listing is planned in the account's time (a test clock's, if on one).
      dueAt: new Date((await this.clocks.now(uow, accountId)).getTime() + this.settings.incomingPollMs),
      payload: { accountId, cif, chain: command.chain, run: command.run + 1 },
    });
    return { listed: messages.length, stored };
  }

  /** Every received invoice in the window, page after page ("no messages" is an empty window). */
  private async list(accountId: string, cif: string, window: { startTime: number; endTime: number }): Promise<AnafMessage[]> {
    const messages: AnafMessage[] = [];
    for (let pagina = 1; pagina <= MAX_PAGES; pagina += 1) {
      const page = await this.token.call(accountId, cif, (accessToken) =>
        this.anaf.listaMesajePaginatieFactura(accessToken, { cif, ...window, pagina, filtru: 'P' }),
      );
      messages.push(...page.messages.filter((m) => m.tip === 'FACTURA PRIMITA' && m.id !== ''));
      if (page.error !== undefined || pagina >= page.totalPages) break;
    }
    return messages;
  }

  /** The archive as ANAF sent it, its checked signer, and what could be read; a refused archive is kept unopened. */
  private async fetch(
    accountId: string,
    cif: string,
    anafId: string,
  ): Promise<{ zip: Buffer; summary: IncomingSummary; signer: string | null } | undefined> {
    const answer = await this.token.call(accountId, cif, (accessToken) => this.anaf.descarcare(accessToken, anafId));
    if (!('zip' in answer)) {
      // Past ANAF's 60 days the message is gone for good: it is passed over, and the listings go on.
      if (answer.expired) return undefined;
      throw EfacturaError.anafUnavailable(`descarcare ${anafId}: ${answer.error}`);
    }
    let archive;
    try {
      archive = readSupplierArchive(answer.zip);
    } catch (error) {
      if (!(error instanceof AnafArchiveError)) throw error;
      return { zip: answer.zip, summary: refused(`archive refused: ${error.message}`), signer: null };
    }
    const signature = checkArchiveSignature(archive, { trusted: this.settings.trustedSigners });
    const summary = incomingSummary(archive.document.bytes.toString('utf8'));
    if (!signature.valid)
      return {
        zip: answer.zip,
        summary: { ...summary, parseError: `the signature does not hold: ${signature.reason}` },
        signer: null,
      };
    return { zip: answer.zip, summary, signer: signature.subject };
  }
}
