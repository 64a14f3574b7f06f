import { describe, expect, it } from 'vitest';
import { ContentHash } from '../../../shared/dosage/contentHash';

const hashIn = (bytes: Uint8Array, size: number) => {
  const h = new ContentHash();
  for (let i = 0; i < bytes.length; i += size) h.update(bytes.subarray(i, i + size));
  return h.digest();
};

describe('ContentHash', () => {
  it('gives the same hash however the bytes are chunked, and a different one for other bytes', () => {
    const bytes = new TextEncoder().encode('device_id,timestamp,easting,northing\nR1,2024-06-03T10:00:00Z,430050,433050\n');
    const whole = hashIn(bytes, bytes.length);
    for (const size of [1, 2, 3, 5, 7, 13, 64]) expect(hashIn(bytes, size)).toBe(whole);
    const other = bytes.slice();
    other[40] = other[40]! + 1;
    expect(hashIn(other, 7)).not.toBe(whole);
    expect(hashIn(bytes.subarray(0, bytes.length - 1), 5)).not.toBe(whole);
  });
});
