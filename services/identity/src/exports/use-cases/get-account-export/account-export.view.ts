import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AccountExport, AccountExportStatus } from '../../account-exports.repository';

/** An export as its owner sees it; with its download link once ready (and until the link expires). */
export class AccountExportView {
  @ApiProperty({ format: 'uuid' }) exportId!: string;
  @ApiProperty({ enum: ['pending', 'ready'] }) status!: AccountExportStatus;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) readyAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) expiresAt?: string;
  @ApiPropertyOptional() fileCount?: number;
  @ApiPropertyOptional() sizeBytes?: number;
  @ApiPropertyOptional({ description: 'SHA-256 of the ZIP' }) sha256?: string;
  @ApiPropertyOptional({ format: 'uri' }) downloadUrl?: string;
}

export function viewOf(row: AccountExport, downloadUrl?: string): AccountExportView {
  return {
    exportId: row.id,
    status: row.status,
    requestedAt: row.requestedAt.toISOString(),
    ...(row.readyAt ? { readyAt: row.readyAt.toISOString() } : {}),
    ...(row.expiresAt ? { expiresAt: row.expiresAt.toISOString() } : {}),
    ...(row.fileCount !== null ? { fileCount: row.fileCount } : {}),
    ...(row.sizeBytes !== null ? { sizeBytes: row.sizeBytes } : {}),
    ...(row.sha256 ? { sha256: row.sha256 } : {}),
    ...(downloadUrl ? { downloadUrl } : {}),
  };
}
