import { springError, xml, type Reply } from '../http';
import type { DailyCounters } from '../limits';
import type { AnafLimits } from '../options';
import { uploadAccepted, uploadRefused } from './anaf-xml';
import { mayActFor, type ApiCall } from './api-call';
import { documentFacts, wellFormednessError } from './document-facts';
import type { MessageStore, Standard, UploadEndpoint } from './messages';
import type { Processing } from './processing';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const STANDARDS: readonly string[] = ['UBL', 'CN', 'CII', 'RASP'];

export interface UploadSettings {
  store: MessageStore;
  processing: Processing;
  daily: DailyCounters;
  limits: () => AnafLimits;
  processingDelayMs: () => number;
}

/** `upload` and `uploadb2c`: checks done at once answer ExecutionStatus 1; the rest is processed later. */
export function upload(call: ApiCall, endpoint: UploadEndpoint, settings: UploadSettings): Reply {
  const standard = call.query.get('standard');
  const cif = call.query.get('cif');
  if (!standard || !cif) return springError(400, 'Parametrii standard si cif sunt obligatorii', call.now, call.path);
  const refuse = (message: string): Reply => xml(uploadRefused([message], call.now));
  if (!STANDARDS.includes(standard)) return refuse('Valorile acceptate pentru parametrul standard sunt UBL, CN, CII sau RASP');
  if (!/^\d+$/.test(cif)) return refuse(`CIF introdus= ${cif} nu este un numar`);
  if (!mayActFor(call.grant, cif)) return refuse(`Nu aveti drept in SPV pentru CIF=${cif}`);
  if (call.body.truncated) return refuse('Marime fisier transmis mai mare de 10 MB.');
  const text = call.body.bytes.toString('utf8');
  const malformed = wellFormednessError(text);
  if (malformed) return refuse(malformed);
  if (standard === 'RASP' && !settings.daily.take(`RASP ${cif}`, settings.limits().raspUploadsPerCifPerDay, call.now)) {
    return refuse(
      `S-a atins numarul maxim de ${settings.limits().raspUploadsPerCifPerDay} fisiere RASP transmise azi pentru CIF=${cif}`,
    );
  }
  const facts = standard === 'UBL' || standard === 'CN' ? documentFacts(text) : {};
  const flag = (name: string): boolean => call.query.get(name)?.toUpperCase() === 'DA';
  const stored = settings.store.add({
    index: settings.store.newIndex(),
    cif,
    standard: standard as Standard,
    endpoint,
    flags: { extern: flag('extern'), autofactura: flag('autofactura'), executare: flag('executare') },
    xml: call.body.bytes,
    receivedAt: call.now,
    readyAt: call.now + settings.processingDelayMs(),
    ...facts,
  });
  settings.processing.start(stored);
  return xml(uploadAccepted(stored.index, call.now));
}
