import { deflateRawSync } from 'node:zlib';
import { AnafArchiveError, readAnafArchive, readZipEntries } from './archive';

interface Entry {
  name: string;
  data: Buffer;
  deflate?: boolean;
  /** The size the headers declare, when it should lie. */
  declaredSize?: number;
}

/** A ZIP as any writer lays it out (CRCs left at zero: the reader does not need them). */
function zip(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const body = entry.deflate ? deflateRawSync(entry.data) : entry.data;
    const size = entry.declaredSize ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(entry.deflate ? 8 : 0, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(entry.deflate ? 8 : 0, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const invoice = Buffer.from('<Invoice/>');
const signature = Buffer.from('<Signature/>');

describe('readAnafArchive', () => {
  it('finds the document and the signature, stored or deflated', () => {
    const archive = readAnafArchive(
      zip([
        { name: '5001.xml', data: invoice, deflate: true },
        { name: 'semnatura_5001.xml', data: signature },
      ]),
    );
    expect(archive.document).toEqual({ name: '5001.xml', bytes: invoice });
    expect(archive.signature).toEqual({ name: 'semnatura_5001.xml', bytes: signature });
  });

  it('refuses what is not an archive of one document and its signature', () => {
    expect(() => readAnafArchive(Buffer.from('{"eroare":"x"}'))).toThrow(new AnafArchiveError('not a ZIP archive'));
    expect(() => readAnafArchive(zip([{ name: '5001.xml', data: invoice }]))).toThrow(/expected one document and one signature/);
    expect(() =>
      readAnafArchive(
        zip([
          { name: '5001.xml', data: invoice },
          { name: '5002.xml', data: invoice },
          { name: 'semnatura_5001.xml', data: signature },
        ]),
      ),
    ).toThrow(/found 5001.xml, 5002.xml, semnatura_5001.xml/);
  });

  it('refuses entry names that could point outside the archive', () => {
    for (const name of ['../5001.xml', '/etc/passwd', 'a/b.xml', 'C:\\x.xml', '..', 'x\u0000.xml']) {
      expect(() => readZipEntries(zip([{ name, data: invoice }]))).toThrow(/refused entry name/);
    }
  });

  it('stops a ZIP bomb at the entry limit, whatever its header declares', () => {
    const bomb = Buffer.alloc(5 * 1024 * 1024, 0x41);
    expect(() => readZipEntries(zip([{ name: 'a.xml', data: bomb, deflate: true }]), { maxEntryBytes: 1024 * 1024 })).toThrow(
      /holds 5242880 bytes, more than 1048576/,
    );
    expect(() =>
      readZipEntries(zip([{ name: 'a.xml', data: bomb, deflate: true, declaredSize: 10 }]), { maxEntryBytes: 1024 * 1024 }),
    ).toThrow(/cannot be inflated within 1048576 bytes/);
  });

  it('refuses a truncated archive and too many entries', () => {
    const whole = zip([{ name: 'a.xml', data: invoice }]);
    const truncated = Buffer.concat([whole.subarray(0, 20), whole.subarray(whole.length - 22)]);
    expect(() => readZipEntries(truncated)).toThrow(AnafArchiveError);
    const many = zip(Array.from({ length: 20 }, (_, i) => ({ name: `${i}.xml`, data: invoice })));
    expect(() => readZipEntries(many)).toThrow(/20 entries, more than the 16 allowed/);
  });
});
