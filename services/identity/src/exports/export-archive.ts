import { ExportFile } from '@obolus/platform';
import { createHash } from 'node:crypto';
import { writeZip } from './zip-writer';

export const MANIFEST_PATH = 'manifest.json';

export interface ManifestEntry {
  path: string;
  contentType: string;
  size: number;
  sha256: string;
}

/** `manifest.json`: every other file of the ZIP with its size and SHA-256, so the owner can check each one. */
export interface ExportManifest {
  format: 'obolus-account-export/1';
  accountId: string;
  exportId: string;
  generatedAt: string;
  files: ManifestEntry[];
}

export interface ExportArchive {
  zip: Buffer;
  manifest: ExportManifest;
  /** Files in the ZIP, the manifest included. */
  fileCount: number;
  sha256: string;
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** The export's ZIP: the manifest first, then the files in the order given (each service's part in turn). */
export function assembleExportArchive(
  meta: { accountId: string; exportId: string; generatedAt: Date },
  files: readonly ExportFile[],
): ExportArchive {
  const manifest: ExportManifest = {
    format: 'obolus-account-export/1',
    accountId: meta.accountId,
    exportId: meta.exportId,
    generatedAt: meta.generatedAt.toISOString(),
    files: files.map((file) => ({
      path: file.path,
      contentType: file.contentType,
      size: file.bytes.length,
      sha256: sha256(file.bytes),
    })),
  };
  const zip = writeZip(
    [
      { name: MANIFEST_PATH, bytes: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') },
      ...files.map((file) => ({ name: file.path, bytes: file.bytes })),
    ],
    meta.generatedAt,
  );
  return { zip, manifest, fileCount: files.length + 1, sha256: sha256(zip) };
}
