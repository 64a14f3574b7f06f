import { Inflate } from 'fflate';
import { ImportError } from './importError';
import type { ImportSource } from './types';

/**
 * A file that can be read at any offset: a browser File (slice), a file on disk (fs read at a
 * position) or bytes in memory. A zip is read through this so that only its directory and one
 * member's compressed bytes at a time are ever in memory, never the whole archive inflated.
 */
export interface RandomAccessFile {
  name: string;
  size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

/** One file inside a zip, from the zip's central directory. */
export interface ZipMember {
  /** Path inside the zip, e.g. `2014-08/2014-08-west-yorkshire-street.csv`. */
  path: string;
  method: number;
  compressedSize: number;
  size: number;
  crc: number;
  localHeaderOffset: number;
}

/** Compressed bytes read and inflated per step: the largest buffer a member needs at once. */
const STEP = 1 << 20;
/** Compressed bytes given to the inflater at once. */
const INFLATE_STEP = 64 << 10;
const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;
const LOC_SIG = 0x04034b50;

export function bytesFile(name: string, bytes: Uint8Array): RandomAccessFile {
  return { name, size: bytes.byteLength, read: async (o, n) => bytes.subarray(o, Math.min(bytes.byteLength, o + n)) };
}

/** True when the first bytes are a zip's local file header ("PK\3\4") or an empty zip's end record. */
export function looksLikeZip(first: Uint8Array): boolean {
  return first.length >= 4 && first[0] === 0x50 && first[1] === 0x4b && (first[2] === 3 || first[2] === 5) && (first[3] === 4 || first[3] === 6);
}

function damaged(zip: RandomAccessFile, what: string): ImportError {
  return new ImportError(
    `${zip.name} is not a readable zip file (${what}). It may be incomplete (an interrupted download) or not a zip at all; ` +
      'download it again, or unzip it and import the CSV files. Nothing was imported from it.',
    zip.name,
  );
}

/** Lists the zip's files from its central directory (directories and macOS resource forks left out). */
export async function listZipMembers(zip: RandomAccessFile): Promise<ZipMember[]> {
  if (zip.size < 22) throw damaged(zip, 'it is too short to be a zip');
  // The end-of-central-directory record is in the last 22 bytes plus a comment of up to 64 KiB.
  const tailLen = Math.min(zip.size, 22 + 0xffff);
  const tail = await zip.read(zip.size - tailLen, tailLen);
  const tv = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tv.getUint32(i, true) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw damaged(zip, 'its table of contents at the end is missing');
  const entries = tv.getUint16(eocd + 10, true);
  const cdSize = tv.getUint32(eocd + 12, true);
  const cdOffset = tv.getUint32(eocd + 16, true);
  if (entries === 0xffff || cdOffset === 0xffffffff) {
    throw new ImportError(
      `${zip.name} is a ZIP64 archive (over 4 GB or 65,535 files), which this version cannot read. Unzip it and import the CSV files or the folder.`,
      zip.name,
    );
  }
  if (cdOffset + cdSize > zip.size) throw damaged(zip, 'its table of contents points past the end of the file');
  const cd = await zip.read(cdOffset, cdSize);
  const v = new DataView(cd.buffer, cd.byteOffset, cd.byteLength);
  const members: ZipMember[] = [];
  let p = 0;
  for (let i = 0; i < entries; i++) {
    if (p + 46 > cd.length || v.getUint32(p, true) !== CEN_SIG) throw damaged(zip, `entry ${i + 1} of its table of contents is broken`);
    const flags = v.getUint16(p + 8, true);
    const nameLen = v.getUint16(p + 28, true);
    const extraLen = v.getUint16(p + 30, true);
    const commentLen = v.getUint16(p + 32, true);
    const nameBytes = cd.subarray(p + 46, p + 46 + nameLen);
    // Bit 11: UTF-8 names; otherwise CP437, which for police.uk's ASCII names reads the same.
    const path = new TextDecoder(flags & 0x800 ? 'utf-8' : 'latin1').decode(nameBytes);
    const m: ZipMember = {
      path,
      method: v.getUint16(p + 10, true),
      crc: v.getUint32(p + 16, true),
      compressedSize: v.getUint32(p + 20, true),
      size: v.getUint32(p + 24, true),
      localHeaderOffset: v.getUint32(p + 42, true),
    };
    if (flags & 1) throw new ImportError(`${zip.name}: ${path} is encrypted; unzip it with its password and import the CSV files.`, zip.name);
    p += 46 + nameLen + extraLen + commentLen;
    if (path.endsWith('/') || path.startsWith('__MACOSX/') || /(^|\/)\._/.test(path)) continue;
    members.push(m);
  }
  return members;
}

/**
 * One zip member as an ImportSource: its compressed bytes are read a megabyte at a time and
 * inflated as they stream, and the CRC and length are checked at the end, so a damaged archive
 * fails that file's import (rolled back) instead of importing a truncated month.
 */
export function zipMemberSource(zip: RandomAccessFile, member: ZipMember): ImportSource {
  const fileName = member.path.split('/').pop() ?? member.path;
  const name = `${fileName} (in ${zip.name})`;
  const bad = (what: string) =>
    new ImportError(`${name} cannot be read: ${what}. The zip is damaged; download it again. Nothing from this file was imported.`, name);
  return {
    name,
    size: member.size,
    async *chunks() {
      if (member.method !== 0 && member.method !== 8) {
        throw new ImportError(`${name} is compressed with a method this app cannot read (zip method ${member.method}); unzip it and import the CSV.`, name);
      }
      const loc = await zip.read(member.localHeaderOffset, 30);
      const lv = new DataView(loc.buffer, loc.byteOffset, loc.byteLength);
      if (loc.length < 30 || lv.getUint32(0, true) !== LOC_SIG) throw bad('its header inside the zip is missing');
      let pos = member.localHeaderOffset + 30 + lv.getUint16(26, true) + lv.getUint16(28, true);
      const end = pos + member.compressedSize;
      if (end > zip.size) throw bad('the zip ends before this file does');
      let crc = 0xffffffff;
      let length = 0;
      const out: Uint8Array[] = [];
      const take = (c: Uint8Array) => {
        crc = crcUpdate(crc, c);
        length += c.length;
        out.push(c);
      };
      const inflater = member.method === 8 ? new Inflate((c) => take(c)) : null;
      while (pos < end) {
        const n = Math.min(STEP, end - pos);
        const chunk = await zip.read(pos, n);
        pos += n;
        if (!inflater) {
          take(chunk.slice());
          yield out.shift()!;
          continue;
        }
        // Inflated in small compressed steps: a push's output is its input times the compression
        // ratio (about 5x for police.uk CSVs), so the text handed on stays a few hundred KB.
        for (let k = 0; k < chunk.length; k += INFLATE_STEP) {
          try {
            inflater.push(chunk.subarray(k, k + INFLATE_STEP), pos >= end && k + INFLATE_STEP >= chunk.length);
          } catch (e) {
            throw bad(`its compressed data is invalid (${(e as Error).message})`);
          }
          while (out.length) yield out.shift()!;
        }
      }
      if (inflater && member.compressedSize === 0) throw bad('it has no compressed data');
      if (length !== member.size) throw bad(`it holds ${length} bytes where the zip lists ${member.size}`);
      if ((crc ^ 0xffffffff) >>> 0 !== member.crc) throw bad('its checksum does not match');
    },
  };
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

function crcUpdate(crc: number, bytes: Uint8Array): number {
  let c = crc;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return c;
}
