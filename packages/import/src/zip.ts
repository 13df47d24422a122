import type { LimitKind } from "@gov-disclosure/core";
import { Inflate, inflateSync } from "fflate";

/** Most entries an Office archive may hold before it is read. */
export const MAX_ZIP_ENTRIES = 2000;
/** Most bytes all entries of an Office archive may inflate to, together, before it is read. */
export const MAX_UNZIPPED_BYTES = 64 * 1024 * 1024;

/** The archive breaks a limit (too many entries, too large once inflated, sizes that lie): it is not read. @internal */
export class ZipLimitError extends Error {
  constructor(
    readonly what: LimitKind,
    readonly count: number,
    readonly limit: number,
  ) {
    super(`${what}: ${count} (limit ${limit})`);
  }
}
/** The archive is not a well-formed zip this reader accepts (damaged, truncated, encrypted, zip64, multi-disk). @internal */
export class ZipFormatError extends Error {}

/** One entry of the central directory, checked. @internal */
export interface ZipEntryInfo {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly dataOffset: number;
}

const u16 = (b: Uint8Array, p: number) => b[p]! | (b[p + 1]! << 8);
const u32 = (b: Uint8Array, p: number) => (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24)) >>> 0;
const sigAt = (b: Uint8Array, p: number, sig: number) => p >= 0 && p + 4 <= b.length && u32(b, p) === sig;

declare const TextDecoder: { new (label?: string): { decode(input: Uint8Array): string } };

/**
 * Reads a zip's central directory and checks it before any unzip library sees the archive: at most `maxEntries`
 * entries, at most `maxBytes` declared uncompressed bytes in all, no encryption, zip64 or split archives, and every
 * entry inflates to exactly what it declares — counted while inflating in small steps and stopped as soon as an
 * entry produces more than it declared (a small entry, of at most 16 KiB, in one call into a buffer one byte over its
 * declared size), so a lying entry costs at most some 17 MB of inflating and tens of milliseconds.
 * Throws `ZipLimitError` or `ZipFormatError`. @internal
 */
export function checkZip(b: Uint8Array, maxEntries = MAX_ZIP_ENTRIES, maxBytes = MAX_UNZIPPED_BYTES): ZipEntryInfo[] {
  return checkZipParts(b, () => false, maxEntries, maxBytes).entries;
}

/**
 * `checkZip`, keeping the inflated bytes of the entries `keep` names (within the same limits: they were counted while
 * inflating), so that a caller can pre-check a part before an unzip library sees it. @internal
 */
export function checkZipParts(
  b: Uint8Array,
  keep: (name: string) => boolean,
  maxEntries = MAX_ZIP_ENTRIES,
  maxBytes = MAX_UNZIPPED_BYTES,
): { entries: ZipEntryInfo[]; parts: Map<string, Uint8Array> } {
  // the end of central directory record: the last one, as unzip libraries (JSZip) look for it
  let eocd = -1;
  for (let p = b.length - 22; p >= 0; p--)
    if (b[p] === 0x50 && b[p + 1] === 0x4b && b[p + 2] === 0x05 && b[p + 3] === 0x06) {
      eocd = p;
      break;
    }
  if (eocd < 0) throw new ZipFormatError("no end of central directory record (truncated archive)");
  if (sigAt(b, eocd - 20, 0x07064b50)) throw new ZipFormatError("zip64 archives are not read");
  if (u16(b, eocd + 4) !== 0 || u16(b, eocd + 6) !== 0) throw new ZipFormatError("split (multi-disk) archives are not read");
  const count = u16(b, eocd + 10);
  const cdSize = u32(b, eocd + 12);
  const cdOffset = u32(b, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw new ZipFormatError("zip64 archives are not read");
  if (count > maxEntries) throw new ZipLimitError("zip-entries", count, maxEntries);
  if (cdOffset + cdSize !== eocd) throw new ZipFormatError("the central directory is not where the end record says");
  const entries: ZipEntryInfo[] = [];
  let declared = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (!sigAt(b, p, 0x02014b50) || p + 46 > eocd) throw new ZipFormatError("damaged central directory");
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    const compressedSize = u32(b, p + 20);
    const size = u32(b, p + 24);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    const local = u32(b, p + 42);
    const name = new TextDecoder("utf-8").decode(b.subarray(p + 46, Math.min(eocd, p + 46 + nameLen)));
    p += 46 + nameLen + extraLen + commentLen;
    if (flags & 1) throw new ZipFormatError(`encrypted entry ${name.slice(0, 80)}`);
    if (compressedSize === 0xffffffff || size === 0xffffffff || local === 0xffffffff) throw new ZipFormatError("zip64 archives are not read");
    if (method !== 0 && method !== 8) throw new ZipFormatError(`entry ${name.slice(0, 80)} uses compression method ${method}`);
    declared += size;
    if (declared > maxBytes) throw new ZipLimitError("zip-bytes", declared, maxBytes);
    if (!sigAt(b, local, 0x04034b50) || local + 30 > cdOffset) throw new ZipFormatError(`damaged local header of ${name.slice(0, 80)}`);
    const dataOffset = local + 30 + u16(b, local + 26) + u16(b, local + 28);
    if (dataOffset + compressedSize > cdOffset) throw new ZipFormatError(`entry ${name.slice(0, 80)} runs past the end of the data`);
    entries.push({ name, method, compressedSize, size, dataOffset });
  }
  const parts = new Map<string, Uint8Array>();
  for (const e of entries) {
    const data = b.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
    const kept = keep(e.name);
    if (e.method === 0) {
      if (e.compressedSize !== e.size) throw new ZipLimitError("zip-entry-size", e.compressedSize, e.size);
      if (kept) parts.set(e.name, data);
      continue;
    }
    const out = inflateCapped(e, data, kept);
    if (out) parts.set(e.name, out);
  }
  return { entries, parts };
}

/**
 * Largest compressed entry inflated in one call, into a buffer one byte over its declared size: DEFLATE expands at most
 * about 1032 times, so a lying entry this small costs at most some 17 MB of writes into nothing (about 70 ms here)
 * before it is caught; a larger one is inflated in steps.
 */
const ONE_CALL = 16 * 1024;

/**
 * Inflates one entry in 4 KiB steps, counting the output and stopping as soon as it exceeds the declared size (an
 * entry of at most `ONE_CALL` compressed bytes in one call, its output capped at one byte over); with `keep`, returns
 * the bytes (at most the declared size).
 */
function inflateCapped(e: ZipEntryInfo, data: Uint8Array, keep = false): Uint8Array | undefined {
  if (data.length > 0 && data.length <= ONE_CALL) {
    let out: Uint8Array;
    try {
      out = inflateSync(data, { out: new Uint8Array(e.size + 1) });
    } catch (err) {
      // a stored (uncompressed) block copied past the buffer's end: the entry holds more than it declares
      if (err instanceof RangeError) throw new ZipLimitError("zip-entry-size", e.size + 1, e.size);
      throw new ZipFormatError(`entry ${e.name.slice(0, 80)} does not inflate: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (out.length > e.size) throw new ZipLimitError("zip-entry-size", out.length, e.size);
    return keep ? out : undefined;
  }
  let produced = 0;
  let over = false;
  const out = keep ? new Uint8Array(e.size) : undefined;
  const inf = new Inflate((chunk) => {
    if (out && produced + chunk.length <= e.size) out.set(chunk, produced);
    produced += chunk.length;
    if (produced > e.size) over = true;
  });
  const STEP = 4096;
  try {
    for (let i = 0; i < data.length && !over; i += STEP) inf.push(data.subarray(i, i + STEP), i + STEP >= data.length);
    if (data.length === 0) inf.push(new Uint8Array(0), true);
  } catch (err) {
    if (!over) throw new ZipFormatError(`entry ${e.name.slice(0, 80)} does not inflate: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (over) throw new ZipLimitError("zip-entry-size", produced, e.size);
  return out?.subarray(0, produced);
}
