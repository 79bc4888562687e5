import { crc32 } from './crc32';

describe('crc32', () => {
  it('gives the check value of the IEEE polynomial for "123456789"', () => {
    expect(crc32('123456789')).toBe(0xcbf43926);
  });

  it('is 0 for nothing and reads strings as UTF-8', () => {
    expect(crc32('')).toBe(0);
    expect(crc32('€')).toBe(crc32(Buffer.from([0xe2, 0x82, 0xac])));
  });
});
