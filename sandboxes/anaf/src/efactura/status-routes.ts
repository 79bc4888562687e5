import { json, springError, xml, type Reply } from '../http';
import type { DailyCounters } from '../limits';
import type { AnafLimits } from '../options';
import { statusError, statusHeader } from './anaf-xml';
import { mayActFor, wholeNumber, type ApiCall } from './api-call';
import type { MessageStore } from './messages';
import { writeZip } from '../archive/zip';
import { detachedSignature } from '../signing/xml-signature';
import type { SigningIdentity } from '../signing/certificate';

export const RETENTION_MS = 60 * 86_400_000;

export interface StatusSettings {
  store: MessageStore;
  daily: DailyCounters;
  limits: () => AnafLimits;
  identity: SigningIdentity;
}

/** `stareMesaj?id_incarcare=`: in prelucrare until processing ends, then ok or nok with the download id. */
export function status(call: ApiCall, settings: StatusSettings): Reply {
  const given = call.query.get('id_incarcare');
  if (given === null || given === '') return springError(400, 'Parametrul id_incarcare este obligatoriu', call.now, call.path);
  const index = wholeNumber(given);
  if (index === undefined) return xml(statusError(`Id_incarcare introdus= ${given} nu este un numar intreg`));
  const upload = settings.store.uploads.get(index);
  if (!upload) return xml(statusError(`Nu exista factura cu id_incarcare= ${index}`));
  if (!mayActFor(call.grant, upload.cif)) return xml(statusError(`Nu aveti dreptul de inteorgare pentru id_incarcare= ${index}`));
  const limit = settings.limits().statusQueriesPerMessagePerDay;
  if (!settings.daily.take(`stareMesaj ${index}`, limit, call.now)) {
    return xml(statusError(`S-au facut deja ${limit} interogari de stare pentru id_incarcare= ${index} in cursul zilei`));
  }
  if (!upload.result) return xml(statusHeader('in prelucrare'));
  return xml(statusHeader(upload.result.stare, upload.result.downloadId));
}

/** `descarcare?id=`: the ZIP of `{index}.xml` and its detached signature `semnatura_{index}.xml`. */
export function download(call: ApiCall, settings: StatusSettings): Reply {
  const given = call.query.get('id');
  if (given === null || given === '') return springError(400, 'Parametrul id este obligatoriu', call.now, call.path);
  const refuse = (eroare: string): Reply => json({ eroare, titlu: 'Descarcare mesaj' });
  const id = wholeNumber(given);
  if (id === undefined) return refuse(`Id descarcare introdus= ${given} nu este un numar intreg`);
  const archive = settings.store.downloads.get(id);
  if (!archive) return refuse(`Pentru id=${id} nu exista inregistrata nici o factura`);
  if (!archive.cifs.some((cif) => mayActFor(call.grant, cif)))
    return refuse(`Nu aveti dreptul sa descarcati mesajul cu id=${id}`);
  if (call.now - archive.createdAt > RETENTION_MS) {
    return refuse('Fisierul nu mai poate fi descarcat pentru ca a trecut perioada de 60 de zile in care este disponibil');
  }
  const limit = settings.limits().downloadsPerMessagePerDay;
  if (!settings.daily.take(`descarcare ${id}`, limit, call.now)) {
    return refuse(`S-au facut deja ${limit} descarcari pentru mesajul cu id=${id} in cursul zilei`);
  }
  const name = `${archive.index}.xml`;
  const zip =
    archive.servedArchive ??
    writeZip(
      [
        { name, data: archive.document },
        {
          name: `semnatura_${archive.index}.xml`,
          data: Buffer.from(detachedSignature(archive.document, name, settings.identity), 'utf8'),
        },
      ],
      archive.createdAt,
    );
  return {
    status: 200,
    contentType: 'application/zip',
    body: zip,
    headers: { 'Content-Disposition': `attachment; filename="${id}.zip"` },
  };
}
