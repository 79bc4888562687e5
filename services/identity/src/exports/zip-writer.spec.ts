import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { readZip } from '@obolus/testing';
import { writeZip } from './zip-writer';

const at = new Date('2026-11-27T09:30:12Z');

function hasUnzip(): boolean {
  try {
    execFileSync('unzip', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('writeZip', () => {
  const entries = [
    { name: 'manifest.json', bytes: Buffer.from('{"files":[]}\n') },
    { name: 'invoicing/invoices/FR-2026-000001.pdf', bytes: Buffer.from('%PDF-1.7 fake but binary \u0000\u00ff', 'latin1') },
    { name: 'identity/société.json', bytes: Buffer.from('{"name":"Société Générale"}') },
    { name: 'empty.txt', bytes: Buffer.alloc(0) },
  ];

  it('holds every entry byte for byte, with its CRC-32, readable from the central directory', () => {
    const zip = writeZip(entries, at);
    const read = readZip(zip);
    expect([...read.keys()]).toEqual(entries.map((entry) => entry.name));
    for (const entry of entries) expect(read.get(entry.name)!.equals(entry.bytes)).toBe(true);
    // The first local header's CRC and sizes.
    expect(zip.readUInt32LE(0)).toBe(0x04034b50);
    expect(zip.readUInt32LE(14)).toBe(crc32(entries[0]!.bytes));
    expect(zip.readUInt32LE(22)).toBe(entries[0]!.bytes.length);
  });

  it('is tested good by unzip -t, which checks every CRC', () => {
    if (!hasUnzip()) return;
    const path = join(mkdtempSync(join(tmpdir(), 'obolus-zip-')), 'export.zip');
    writeFileSync(path, writeZip(entries, at));
    const report = execFileSync('unzip', ['-t', path], { encoding: 'utf8' });
    expect(report).toContain('No errors detected');
    expect(execFileSync('unzip', ['-p', path, 'invoicing/invoices/FR-2026-000001.pdf']).equals(entries[1]!.bytes)).toBe(true);
  });

  it('refuses the same name twice', () => {
    expect(() => writeZip([entries[0]!, entries[0]!], at)).toThrow(/twice/);
  });

  it('is the same bytes for the same entries and instant', () => {
    expect(writeZip(entries, at).equals(writeZip(entries, at))).toBe(true);
  });
});
