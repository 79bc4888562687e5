import { AnafArchive, readAnafArchive } from '@obolus/anaf';

/**
 * ANAF takes uploads of at most 10 MB, so a supplier's invoice is never larger: an archive entry that
 * says or inflates past this is refused before it is read.
 */
export const MAX_SUPPLIER_DOCUMENT_BYTES = 10 * 1024 * 1024;

/**
 * The document and signature of a supplier invoice's archive, read in memory only (nothing is ever
 * extracted to disk); throws AnafArchiveError for an entry name that is not a plain file name (`../x`,
 * `/etc/x`, `a/b`), an entry over MAX_SUPPLIER_DOCUMENT_BYTES (a ZIP bomb stops there), more than the
 * two entries ANAF writes, or a broken archive.
 */
export function readSupplierArchive(zip: Buffer): AnafArchive {
  return readAnafArchive(zip, { maxEntryBytes: MAX_SUPPLIER_DOCUMENT_BYTES, maxEntries: 2 });
}
