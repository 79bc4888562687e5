/**
 * A service's part of an account's data export (A3), as it answers identity on
 * `GET /internal/accounts/:accountId/export`. Identity puts every part, under the service's name, into one
 * ZIP with a manifest of SHA-256 digests.
 */
export interface ExportFile {
  /** Where the file goes in the service's folder of the ZIP: `invoices/FR-2026-000001.pdf`. */
  path: string;
  contentType: string;
  bytes: Buffer;
}

/** The wire form of a part: the files' bytes in base64, inside JSON. */
export interface AccountExportPart {
  files: { path: string; contentType: string; base64: string }[];
}

/** Relative paths of plain segments: no `..`, no leading slash, no backslash or control character. */
const EXPORT_PATH = /^(?!.*(^|\/)\.\.?(\/|$))[A-Za-z0-9_][A-Za-z0-9_.@+-]*(\/[A-Za-z0-9_][A-Za-z0-9_.@+-]*)*$/;

export function isExportPath(path: string): boolean {
  return path.length <= 200 && EXPORT_PATH.test(path);
}

/** A JSON document of the export, indented so that a person can read it. */
export function jsonExportFile(path: string, value: unknown): ExportFile {
  return { path, contentType: 'application/json', bytes: Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8') };
}

/** A file name segment from a document number or name: `FR/2026-1` is `FR-2026-1`. */
export function exportFileName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_.@+-]+/g, '-').replace(/^[^A-Za-z0-9_]+/, '');
  return cleaned.slice(0, 120) || 'document';
}

export function toExportPart(files: readonly ExportFile[]): AccountExportPart {
  for (const file of files) if (!isExportPath(file.path)) throw new Error(`'${file.path}' is not an export path`);
  return {
    files: files.map((file) => ({ path: file.path, contentType: file.contentType, base64: file.bytes.toString('base64') })),
  };
}

/** Reads a part a service answered; throws on anything that is not one (a bad path, a missing field). */
export function parseExportPart(body: unknown): ExportFile[] {
  const files = (body as Partial<AccountExportPart> | null)?.files;
  if (!Array.isArray(files)) throw new Error('an export part has a files array');
  return files.map((file: unknown, index) => {
    const { path, contentType, base64 } = (file ?? {}) as Record<string, unknown>;
    if (typeof path !== 'string' || !isExportPath(path)) throw new Error(`file ${index} has no valid path`);
    if (typeof contentType !== 'string' || !/^[\w.+-]+\/[\w.+-]+$/.test(contentType))
      throw new Error(`file ${index} has no valid content type`);
    if (typeof base64 !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(base64))
      throw new Error(`file ${index} has no base64 content`);
    return { path, contentType, bytes: Buffer.from(base64, 'base64') };
  });
}

/**
 * Every row of one of the service's tables for the account, as JSON objects keyed by column, without the
 * columns named in `omit` (secrets, bytes exported as files of their own). `table` is a constant of the
 * caller (`invoicing.billing_details`), never input; the rows are the account's only. `ifTableExists` reads a
 * table a later migration adds as empty until then.
 */
export async function accountRowsAsJson(
  manager: { query(sql: string, parameters?: unknown[]): Promise<unknown> },
  table: string,
  accountId: string,
  options: { omit?: readonly string[]; orderBy?: string; ifTableExists?: boolean } = {},
): Promise<Record<string, unknown>[]> {
  if (!/^[a-z_]+\.[a-z_]+$/.test(table) || (options.orderBy !== undefined && !/^[a-z_]+$/.test(options.orderBy)))
    throw new Error(`'${table}' is not a table name`);
  if (options.ifTableExists) {
    const [found] = (await manager.query(`SELECT to_regclass($1) IS NOT NULL AS present`, [table])) as { present: boolean }[];
    if (!found?.present) return [];
  }
  const rows = (await manager.query(
    `SELECT to_jsonb(t) - $2::text[] AS row FROM ${table} t WHERE t.account_id = $1${options.orderBy ? ` ORDER BY t.${options.orderBy}` : ''}`,
    [accountId, options.omit ?? []],
  )) as { row: Record<string, unknown> }[];
  return rows.map(({ row }) => row);
}
