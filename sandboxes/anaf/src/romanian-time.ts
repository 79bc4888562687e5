/** ANAF writes times in Romanian local time (Europe/Bucharest), in a few fixed shapes. */
const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Bucharest',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface LocalTime {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

function local(epochMs: number): LocalTime {
  const found: Record<string, string> = {};
  for (const part of parts.formatToParts(new Date(epochMs))) found[part.type] = part.value;
  return {
    year: found.year,
    month: found.month,
    day: found.day,
    hour: found.hour,
    minute: found.minute,
    second: found.second,
  };
}

/** `yyyyMMddHHmm`: dateResponse and data_creare. */
export function anafMinute(epochMs: number): string {
  const t = local(epochMs);
  return `${t.year}${t.month}${t.day}${t.hour}${t.minute}`;
}

/** `dd-MM-yyyy HH:mm:ss`: the timestamp of ANAF's Spring error bodies. */
export function anafTimestamp(epochMs: number): string {
  const t = local(epochMs);
  return `${t.day}-${t.month}-${t.year} ${t.hour}:${t.minute}:${t.second}`;
}

/** The Romanian calendar day, which ANAF's per-day limits count in. */
export function romanianDay(epochMs: number): string {
  const t = local(epochMs);
  return `${t.year}-${t.month}-${t.day}`;
}
