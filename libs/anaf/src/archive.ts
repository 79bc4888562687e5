import { inflateRawSync } from 'node:zlib';

/** One file of an ANAF archive. */
export interface ArchiveEntry {
  name: string;
  bytes: Buffer;
}

/** What `descarcare` holds: the invoice (or ANAF's error file) and ANAF's detached signature of it. */
export interface AnafArchive {
  /** `{index}.xml`: the invoice as uploaded, or for `nok` the error file. */
  document: ArchiveEntry;
  /** `semnatura_{index}.xml`: the XML-DSig signature. */
  signature: ArchiveEntry;
}

export class AnafArchiveError extends Error {
  override readonly name = 'AnafArchiveError';
}

export interface ArchiveLimits {
  /** The most one entry may hold once inflated; 20 MB (ANAF takes uploads of at most 10 MB). */
  maxEntryBytes?: number;
  /** The most entries read; ANAF's archives hold two. */
  maxEntries?: number;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;

/**
 * A file name ANAF would write: a plain name, no folder, no traversal, no drive, no control character.
 * Anything else is refused, so nothing read from an archive can name a place outside it.
 */
function safeName(name: string): boolean {
  return /^[A-Za-z0-9_.-]{1,128}$/.test(name) && name !== '.' && name !== '..';
}

/**
 * Reads every entry of a ZIP from its central directory (stored or deflated), with limits that hold
 * against a hostile archive: sizes checked before and while inflating (a ZIP bomb stops at the limit),
 * names restricted to plain file names, offsets checked against the buffer.
 */
export function readZipEntries(zip: Buffer, limits: ArchiveLimits = {}): ArchiveEntry[] {
  const maxEntryBytes = limits.maxEntryBytes ?? 20 * 1024 * 1024;
  const maxEntries = limits.maxEntries ?? 16;
  if (zip.length < 22 || zip.readUInt32LE(0) !== LOCAL_HEADER) throw new AnafArchiveError('not a ZIP archive');
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > zip.length || zip.readUInt32LE(eocd) !== END_OF_CENTRAL_DIRECTORY)
    throw new AnafArchiveError('no end of central directory record');
  const count = zip.readUInt16LE(eocd + 10);
  if (count > maxEntries) throw new AnafArchiveError(`${count} entries, more than the ${maxEntries} allowed`);
  let at = zip.readUInt32LE(eocd + 16);
  const entries: ArchiveEntry[] = [];
  const inside = (start: number, length: number): boolean => start >= 0 && length >= 0 && start + length <= zip.length;
  for (let i = 0; i < count; i += 1) {
    if (!inside(at, 46) || zip.readUInt32LE(at) !== CENTRAL_HEADER)
      throw new AnafArchiveError(`bad central directory entry ${i}`);
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const localOffset = zip.readUInt32LE(at + 42);
    if (!inside(at + 46, nameLength)) throw new AnafArchiveError(`bad central directory entry ${i}`);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    if (!safeName(name)) throw new AnafArchiveError(`refused entry name ${JSON.stringify(name.slice(0, 80))}`);
    if (flags & 0x1) throw new AnafArchiveError(`entry ${name} is encrypted`);
    if (size > maxEntryBytes) throw new AnafArchiveError(`entry ${name} holds ${size} bytes, more than ${maxEntryBytes}`);
    if (!inside(localOffset, 30) || zip.readUInt32LE(localOffset) !== LOCAL_HEADER)
      throw new AnafArchiveError(`bad local header for ${name}`);
    const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    if (!inside(dataStart, compressedSize)) throw new AnafArchiveError(`entry ${name} runs past the archive`);
    const raw = zip.subarray(dataStart, dataStart + compressedSize);
    let bytes: Buffer;
    if (method === 0) bytes = Buffer.from(raw);
    else if (method === 8) {
      try {
        bytes = inflateRawSync(raw, { maxOutputLength: maxEntryBytes });
      } catch (error) {
        throw new AnafArchiveError(`entry ${name} cannot be inflated within ${maxEntryBytes} bytes: ${(error as Error).message}`);
      }
    } else throw new AnafArchiveError(`entry ${name} uses compression method ${method}`);
    if (bytes.length !== size) throw new AnafArchiveError(`entry ${name} is ${bytes.length} bytes, its header says ${size}`);
    entries.push({ name, bytes });
    at = next;
  }
  return entries;
}

/** The document and the signature of an archive from `descarcare`, refused unless it holds exactly those two. */
export function readAnafArchive(zip: Buffer, limits: ArchiveLimits = {}): AnafArchive {
  const entries = readZipEntries(zip, limits);
  const signatures = entries.filter((e) => /^semnatura_.+\.xml$/.test(e.name));
  const documents = entries.filter((e) => e.name.endsWith('.xml') && !signatures.includes(e));
  const [signature] = signatures;
  const [document] = documents;
  if (!signature || !document || signatures.length !== 1 || documents.length !== 1)
    throw new AnafArchiveError(
      `expected one document and one signature, found ${entries.map((e) => e.name).join(', ') || 'nothing'}`,
    );
  return { document, signature };
}
