import { randomInt } from 'node:crypto';
import { json, springError, type Reply } from '../http';
import type { DailyCounters } from '../limits';
import type { AnafLimits } from '../options';
import { anafMinute } from '../romanian-time';
import { mayActFor, wholeNumber, type ApiCall } from './api-call';
import { MESSAGE_TYPES, type Message, type MessageFilter, type MessageStore } from './messages';
import { RETENTION_MS } from './status-routes';

const DAY_MS = 86_400_000;
const TITLE = 'Lista Mesaje';

export interface ListSettings {
  store: MessageStore;
  daily: DailyCounters;
  limits: () => AnafLimits;
  pageSize: () => number;
}

/** A listed message: every field a string, as ANAF sends them. */
export interface ListedMessage {
  data_creare: string;
  cif: string;
  id_solicitare: string;
  detalii: string;
  tip: string;
  id: string;
}

function listed(message: Message): ListedMessage {
  return {
    data_creare: anafMinute(message.createdAt),
    cif: message.cif,
    id_solicitare: String(message.index),
    detalii: message.detalii,
    tip: MESSAGE_TYPES[message.filter],
    id: String(message.downloadId),
  };
}

const refuse = (eroare: string): Reply => json({ eroare, titlu: TITLE });

/** Checks cif and filtru; a message ready to answer when they are wrong. */
function checkCifAndFilter(call: ApiCall, cif: string): { filter?: MessageFilter } | Reply {
  if (!/^\d+$/.test(cif)) return refuse(`CIF introdus= ${cif} nu este un numar`);
  if (!mayActFor(call.grant, cif)) return refuse(`Nu aveti drept de inrolare pentru cif=${cif}`);
  const filter = call.query.get('filtru');
  if (filter === null || filter === '') return {};
  if (!['E', 'T', 'P', 'R'].includes(filter)) return refuse('Valorile acceptate pentru parametrul filtru sunt E, T, P sau R');
  return { filter: filter as MessageFilter };
}

function messagesOf(
  settings: ListSettings,
  cif: string,
  filter: MessageFilter | undefined,
  from: number,
  to: number,
  now: number,
): Message[] {
  return settings.store.messages
    .filter(
      (m) =>
        m.cif === cif &&
        (filter === undefined || m.filter === filter) &&
        m.visibleAt <= now &&
        m.createdAt >= from &&
        m.createdAt <= to,
    )
    .sort((a, b) => a.createdAt - b.createdAt);
}

const serial = (): string => `1234AA${randomInt(100_000, 999_999)}`;

/** `listaMesajeFactura?zile=&cif=[&filtru=]`: the last 1..60 days, at most one page's worth. */
export function simpleList(call: ApiCall, settings: ListSettings): Reply {
  const zile = call.query.get('zile');
  const cif = call.query.get('cif');
  if (!zile || !cif) return springError(400, 'Parametrii zile si cif sunt obligatorii', call.now, call.path);
  const days = wholeNumber(zile);
  if (days === undefined || days < 1 || days > 60) return refuse('Numarul de zile trebuie sa fie intre 1 si 60');
  const checked = checkCifAndFilter(call, cif);
  if ('status' in checked) return checked;
  if (!settings.daily.take(`lista ${cif}`, settings.limits().simpleListsPerCifPerDay, call.now)) {
    return refuse(
      `S-au facut deja ${settings.limits().simpleListsPerCifPerDay} interogari de lista mesaje pentru cif=${cif} in cursul zilei`,
    );
  }
  const found = messagesOf(settings, cif, checked.filter, call.now - days * DAY_MS, call.now, call.now);
  if (found.length === 0) return refuse(`Nu exista mesaje in ultimele ${days} zile`);
  if (found.length > settings.pageSize()) {
    return refuse(
      `Lista de mesaje este mai mare decat numarul de ${settings.pageSize()} elemente permise in pagina. Folositi endpoint-ul cu paginatie.`,
    );
  }
  return json({
    mesaje: found.map(listed),
    serial: serial(),
    cui: cif,
    titlu: `Lista Mesaje disponibile din ultimele ${days} zile`,
  });
}

/** `listaMesajePaginatieFactura?startTime=&endTime=&cif=&pagina=[&filtru=]`: times in ms, pages from 1. */
export function paginatedList(call: ApiCall, settings: ListSettings): Reply {
  const [start, end, cif, page] = ['startTime', 'endTime', 'cif', 'pagina'].map((name) => call.query.get(name) ?? '');
  if (!start || !end || !cif || !page) {
    return springError(400, 'Parametrii startTime, endTime, cif si pagina sunt obligatorii', call.now, call.path);
  }
  const startTime = wholeNumber(start);
  const endTime = wholeNumber(end);
  const pagina = wholeNumber(page);
  if (startTime === undefined) return refuse(`startTime = ${start} nu este un numar`);
  if (endTime === undefined) return refuse(`endTime = ${end} nu este un numar`);
  if (pagina === undefined || pagina < 1) return refuse(`Pagina = ${page} nu este un numar pozitiv`);
  if (call.now - startTime > RETENTION_MS)
    return refuse(`startTime = ${start} nu poate fi mai vechi de 60 de zile fata de momentul requestului`);
  if (endTime > call.now) return refuse(`endTime = ${end} nu poate fi in viitor`);
  if (endTime <= startTime) return refuse(`endTime = ${end} nu poate fi inainte de startTime = ${start}`);
  const checked = checkCifAndFilter(call, cif);
  if ('status' in checked) return checked;
  if (!settings.daily.take(`paginatie ${cif}`, settings.limits().paginatedListsPerCifPerDay, call.now)) {
    return refuse(
      `S-au facut deja ${settings.limits().paginatedListsPerCifPerDay} interogari de lista mesaje cu paginatie in cursul zilei`,
    );
  }
  const found = messagesOf(settings, cif, checked.filter, startTime, endTime, call.now);
  if (found.length === 0) return refuse(`Nu exista mesaje in intervalul selectat`);
  const size = settings.pageSize();
  const pages = Math.ceil(found.length / size);
  if (pagina > pages) return refuse(`Pagina solicitata ${pagina} este mai mare decat numarul toatal de pagini ${pages}`);
  const slice = found.slice((pagina - 1) * size, pagina * size);
  return json({
    mesaje: slice.map(listed),
    numar_inregistrari_in_pagina: slice.length,
    numar_total_inregistrari_per_pagina: size,
    numar_total_inregistrari: found.length,
    numar_total_pagini: pages,
    index_pagina_curenta: pagina,
    serial: serial(),
    cui: cif,
    titlu: TITLE,
  });
}
