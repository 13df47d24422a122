import { Inflate } from "fflate";
import { ascii, find, findLast, isDelim, isSpace } from "./bytes";
import { isNode } from "./load";

// Decompression bombs: a PDF of a few MB whose FlateDecode (or LZW, run-length) streams inflate to hundreds of MB.
// PDF.js inflates a content stream, a font or an object stream whole, in memory and on the calling thread, before
// anything can stop it. So before PDF.js sees the file, its streams are inflated here, streaming, with the output
// counted and thrown away, until the document's budget is spent. Image streams are left out: reading the text layer
// never decodes them. A stream need not be inflated when it cannot matter: its input bounds its output (DEFLATE
// writes at most 1032 bytes per input byte), so the streams are inflated largest first, and once the bytes counted
// plus the most that all the streams left could inflate to fit in the budget, those are left alone (`bounded`).

/** Stop inflating a stream's input at this many bytes per step (bounds the output of one step: 1032 × this). */
const STEP = 4096;

/**
 * Bytes the streams of a PDF inflate to, as far as counted: `over` when the budget ran out (then `bytes` > budget).
 * Not over, `bytes` + `bound` is at most the budget.
 */
export interface InflatedSize {
  readonly bytes: number;
  readonly over: boolean;
  /** Streams counted (compressed, not images). */
  readonly streams: number;
  /** Streams left uninflated because even at their largest ratio they fit in what was left of the budget. */
  readonly bounded: number;
  /** The most that the `bounded` streams can inflate to. */
  readonly bound: number;
}

const STREAM = ascii("stream");
const ENDSTREAM = ascii("endstream");
const OBJ = ascii("obj");

/** The top-level entries of a stream dictionary that matter here. */
interface StreamDict {
  filters: string[];
  image: boolean;
  length?: number;
  lengthIndirect: boolean;
  earlyChange: number;
}

const ABBREVIATIONS: Readonly<Record<string, string>> = {
  Fl: "FlateDecode",
  LZW: "LZWDecode",
  AHx: "ASCIIHexDecode",
  A85: "ASCII85Decode",
  RL: "RunLengthDecode",
};

/** A token of a dictionary: a name, a number or keyword, or one of << >> [ ] (strings are skipped). */
type Token = { kind: "name" | "word" | "open" | "close" | "openArray" | "closeArray"; text: string };

/** Tokenises `b[from, end)` starting at its first "<<", until that dictionary closes. */
function dictTokens(b: Uint8Array, from: number, end: number): Token[] {
  const out: Token[] = [];
  let i = from;
  while (i < end && !(b[i] === 0x3c && b[i + 1] === 0x3c)) i++;
  let depth = 0;
  while (i < end) {
    const c = b[i]!;
    if (isSpace(c)) i++;
    else if (c === 0x25) while (i < end && b[i] !== 0x0a && b[i] !== 0x0d) i++;
    else if (c === 0x28) {
      // literal string: balanced parentheses, backslash escapes
      let n = 0;
      for (; i < end; i++) {
        if (b[i] === 0x5c) i++;
        else if (b[i] === 0x28) n++;
        else if (b[i] === 0x29 && --n === 0) break;
      }
      i++;
      out.push({ kind: "word", text: "()" });
    } else if (c === 0x3c && b[i + 1] === 0x3c) {
      depth++;
      out.push({ kind: "open", text: "<<" });
      i += 2;
    } else if (c === 0x3e && b[i + 1] === 0x3e) {
      depth--;
      out.push({ kind: "close", text: ">>" });
      i += 2;
      if (depth <= 0) break;
    } else if (c === 0x3c) {
      while (i < end && b[i] !== 0x3e) i++;
      i++;
      out.push({ kind: "word", text: "<>" });
    } else if (c === 0x5b || c === 0x5d) {
      out.push({ kind: c === 0x5b ? "openArray" : "closeArray", text: "" });
      i++;
    } else if (c === 0x2f) {
      // a name, with #xx escapes
      let q = i + 1;
      let name = "";
      while (q < end && !isDelim(b[q])) {
        const h = b[q] === 0x23 && q + 2 < end ? Number.parseInt(String.fromCharCode(b[q + 1]!, b[q + 2]!), 16) : Number.NaN;
        if (!Number.isNaN(h)) {
          name += String.fromCharCode(h);
          q += 3;
        } else name += String.fromCharCode(b[q++]!);
        if (name.length > 64) break;
      }
      while (q < end && !isDelim(b[q])) q++;
      out.push({ kind: "name", text: name });
      i = q;
    } else {
      let q = i + 1;
      while (q < end && !isDelim(b[q])) q++;
      out.push({ kind: "word", text: String.fromCharCode(...b.subarray(i, Math.min(q, i + 32))) });
      i = q;
    }
  }
  return out;
}

/**
 * Reads the stream dictionary that ends right before `end` (the ">>" before "stream"), from the first "<<" at or
 * after `from`: its top-level /Filter, /Subtype, /Length and the EarlyChange of its /DecodeParms.
 */
function readDict(b: Uint8Array, from: number, end: number): StreamDict {
  const out: StreamDict = { filters: [], image: false, lengthIndirect: false, earlyChange: 1 };
  const t = dictTokens(b, from, end);
  // skip one value starting at token k; returns the index after it
  const skip = (k: number): number => {
    let depth = 0;
    do {
      const kind = t[k]?.kind;
      if (kind === "open" || kind === "openArray") depth++;
      else if (kind === "close" || kind === "closeArray") depth--;
      k++;
    } while (depth > 0 && k < t.length);
    return k;
  };
  for (let k = 1; k < t.length; ) {
    const key = t[k]!;
    if (key.kind !== "name") {
      k = skip(k);
      continue;
    }
    const v = k + 1;
    const value = t[v];
    if (!value) break;
    if (key.text === "Filter") {
      if (value.kind === "name") out.filters = [ABBREVIATIONS[value.text] ?? value.text];
      else if (value.kind === "openArray") {
        out.filters = [];
        for (let j = v + 1; j < t.length && t[j]!.kind === "name"; j++) out.filters.push(ABBREVIATIONS[t[j]!.text] ?? t[j]!.text);
      }
    } else if (key.text === "Subtype" && value.kind === "name") out.image = value.text === "Image";
    else if (key.text === "Length" && value.kind === "word" && /^\d+$/.test(value.text)) {
      if (t[v + 1]?.kind === "word" && /^\d+$/.test(t[v + 1]!.text) && t[v + 2]?.text === "R") {
        out.lengthIndirect = true;
        k = v + 3;
        continue;
      }
      out.length = Number(value.text);
    } else if (key.text === "DecodeParms" && value.kind === "open") {
      const close = skip(v);
      for (let j = v + 1; j < close - 1; j++) if (t[j]!.kind === "name" && t[j]!.text === "EarlyChange" && t[j + 1]?.text === "0") out.earlyChange = 0;
    }
    k = skip(v);
  }
  return out;
}

/** Output of one decoding stage: chunks of bytes (may be views into a buffer reused later: count or copy them). */
type Sink = (chunk: Uint8Array) => boolean;

/** Inflates zlib (or raw DEFLATE) data, giving the output to `sink` step by step; stops when `sink` says so. */
function inflateTo(data: Uint8Array, sink: Sink, untilEnd: boolean): void {
  let at = 0;
  const cmf = data[0] ?? 0;
  const flg = data[1] ?? 0;
  if ((cmf & 0x0f) === 8 && ((cmf << 8) | flg) % 31 === 0) at = flg & 0x20 ? 6 : 2;
  let stop = false;
  const inf = new Inflate((chunk) => {
    if (!stop && chunk.length && !sink(chunk)) stop = true;
  });
  const state = (inf as unknown as { s?: { f?: number; l?: unknown } }).s;
  try {
    while (at < data.length && !stop) {
      const next = Math.min(data.length, at + STEP);
      inf.push(data.subarray(at, next), false);
      at = next;
      // the DEFLATE data ended (its final block is done): what follows is not part of the stream
      if (untilEnd && state?.f && !state.l) return;
    }
  } catch {
    // corrupt data: PDF.js stops there too
  }
}

/** The platform's DecompressionStream (browsers, Node ≥ 18), typed locally: library sources are checked without the DOM. */
interface ByteReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
  cancel(): Promise<void>;
}
type NativeInflater = new (
  format: "deflate-raw",
) => {
  readonly readable: { getReader(): ByteReader };
  readonly writable: { getWriter(): { write(b: Uint8Array): Promise<void>; close(): Promise<void> } };
};

const nativeInflater = (): NativeInflater | undefined => {
  const D = (globalThis as { DecompressionStream?: NativeInflater }).DecompressionStream;
  if (!D) return undefined;
  try {
    new D("deflate-raw");
    return D;
  } catch {
    return undefined;
  }
};
let native: NativeInflater | undefined | null = null;

/**
 * Inflates with the platform's (native, several times faster) DecompressionStream when there is one: it inflates as
 * its output is read, so a bomb never sits in memory; reading stops when `sink` says so. DEFLATE data that ends
 * before the input does (trailing bytes) or is corrupt ends the count there, as with fflate.
 */
async function inflateNativeTo(D: NativeInflater, data: Uint8Array, sink: Sink): Promise<void> {
  const cmf = data[0] ?? 0;
  const flg = data[1] ?? 0;
  const at = (cmf & 0x0f) === 8 && ((cmf << 8) | flg) % 31 === 0 ? (flg & 0x20 ? 6 : 2) : 0;
  const ds = new D("deflate-raw");
  const w = ds.writable.getWriter();
  w.write(data.subarray(at)).catch(() => undefined);
  w.close().catch(() => undefined);
  const r = ds.readable.getReader();
  try {
    for (;;) {
      const { done, value } = await r.read();
      if (done || !value) break;
      if (!sink(value)) {
        await r.cancel().catch(() => undefined);
        break;
      }
    }
  } catch {
    // corrupt data, or bytes after the end of the DEFLATE data: counted as far as it inflated
  }
}

/** The parts of Node's zlib used here (loaded only in Node, by a specifier bundlers for the browser leave alone). */
interface NodeZlib {
  inflateRawSync(b: Uint8Array, o: { maxOutputLength: number; finishFlush: number; chunkSize: number }): Uint8Array;
  readonly constants: { readonly Z_SYNC_FLUSH: number };
}
const ZLIB = "node:zlib";
let zlib: Promise<NodeZlib | undefined> | undefined;
const nodeZlib = (): Promise<NodeZlib | undefined> => {
  zlib ??= isNode()
    ? import(/* @vite-ignore */ ZLIB).then(
        (m) => m as NodeZlib,
        () => undefined,
      )
    : Promise.resolve(undefined);
  return zlib;
};

/**
 * Inflates with Node's zlib in one call, its output capped at `room` + 1 bytes (zlib stops there: a bomb is never
 * inflated further). Returns the size, or undefined when the data is corrupt (zlib then gives nothing back, where
 * PDF.js would keep what came before the fault: the caller counts it by streaming).
 */
function inflateNodeSize(z: NodeZlib, data: Uint8Array, room: number): number | undefined {
  const cmf = data[0] ?? 0;
  const flg = data[1] ?? 0;
  const at = (cmf & 0x0f) === 8 && ((cmf << 8) | flg) % 31 === 0 ? (flg & 0x20 ? 6 : 2) : 0;
  try {
    // output steps of about eight times the input (16 KiB to 1 MiB): a font of 200 KB is not inflated 16 KiB at a time
    const chunkSize = Math.min(2 ** 20, Math.max(2 ** 14, 2 ** Math.ceil(Math.log2(Math.max(1, data.length) * 8))));
    return z.inflateRawSync(data.subarray(at), { maxOutputLength: Math.max(1, room + 1), finishFlush: z.constants.Z_SYNC_FLUSH, chunkSize }).length;
  } catch (e) {
    // past maxOutputLength
    if (e instanceof RangeError || (e as { code?: unknown })?.code === "ERR_BUFFER_TOO_LARGE") return room + 1;
    return undefined;
  }
}

/** Decodes LZW (PDF's variant: 9- to 12-bit codes, EarlyChange) into `sink`. */
function lzwTo(data: Uint8Array, sink: Sink, earlyChange: number): void {
  const prefix = new Int32Array(4096);
  const suffix = new Uint8Array(4096);
  const len = new Int32Array(4096);
  for (let k = 0; k < 256; k++) {
    prefix[k] = -1;
    suffix[k] = k;
    len[k] = 1;
  }
  const out = new Uint8Array(65536);
  let fill = 0;
  const flush = () => {
    const ok = sink(out.subarray(0, fill));
    fill = 0;
    return ok;
  };
  let next = 258;
  let width = 9;
  let prev = -1;
  let bitBuf = 0;
  let bits = 0;
  const tmp = new Uint8Array(4096);
  for (let i = 0; i < data.length; ) {
    while (bits < width && i < data.length) {
      bitBuf = ((bitBuf << 8) | data[i++]!) >>> 0;
      bits += 8;
    }
    if (bits < width) break;
    const code = (bitBuf >>> (bits - width)) & ((1 << width) - 1);
    bits -= width;
    bitBuf &= (1 << bits) - 1;
    if (code === 256) {
      next = 258;
      width = 9;
      prev = -1;
      continue;
    }
    if (code === 257) break;
    let entry = code;
    if (code >= next) {
      if (code > next || prev < 0) break; // corrupt
      entry = prev;
    }
    // the entry's bytes, written backwards into tmp
    let n = len[entry]!;
    let e = entry;
    for (let k = n - 1; k >= 0; k--) {
      tmp[k] = suffix[e]!;
      e = prefix[e]!;
    }
    if (code >= next) tmp[n++] = tmp[0]!;
    if (fill + n > out.length && !flush()) return;
    out.set(tmp.subarray(0, n), fill);
    fill += n;
    if (prev >= 0 && next < 4096) {
      prefix[next] = prev;
      suffix[next] = tmp[0]!;
      len[next] = len[prev]! + 1;
      next++;
    }
    prev = code;
    if (next + earlyChange >= 1 << width && width < 12) width++;
  }
  if (fill) flush();
}

/** Decodes run-length data into `sink`. */
function runLengthTo(data: Uint8Array, sink: Sink): void {
  const out = new Uint8Array(65536);
  let fill = 0;
  for (let i = 0; i < data.length; ) {
    const n = data[i++]!;
    if (n === 128) break;
    const count = n < 128 ? n + 1 : 257 - n;
    if (fill + count > out.length) {
      if (!sink(out.subarray(0, fill))) return;
      fill = 0;
    }
    if (n < 128) {
      out.set(data.subarray(i, i + count), fill);
      i += count;
    } else out.fill(data[i++] ?? 0, fill, fill + count);
    fill += count;
  }
  if (fill) sink(out.subarray(0, fill));
}

function asciiHex(data: Uint8Array): Uint8Array {
  const out = new Uint8Array((data.length >> 1) + 1);
  let n = 0;
  let hi = -1;
  for (const c of data) {
    if (c === 0x3e) break;
    const v = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x41 && c <= 0x46 ? c - 55 : c >= 0x61 && c <= 0x66 ? c - 87 : -1;
    if (v < 0) continue;
    if (hi < 0) hi = v;
    else {
      out[n++] = (hi << 4) | v;
      hi = -1;
    }
  }
  if (hi >= 0) out[n++] = hi << 4;
  return out.subarray(0, n);
}

function ascii85(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.ceil((data.length * 4) / 5) + 4 * data.length);
  let n = 0;
  let group = 0;
  let count = 0;
  for (let i = 0; i < data.length; i++) {
    const c = data[i]!;
    if (c === 0x7e) break;
    if (isSpace(c)) continue;
    if (c === 0x7a && count === 0) {
      n += 4;
      continue;
    }
    if (c < 0x21 || c > 0x75) continue;
    group = group * 85 + (c - 0x21);
    if (++count === 5) {
      out[n++] = (group >>> 24) & 0xff;
      out[n++] = (group >>> 16) & 0xff;
      out[n++] = (group >>> 8) & 0xff;
      out[n++] = group & 0xff;
      group = 0;
      count = 0;
    }
  }
  if (count > 1) {
    for (let k = count; k < 5; k++) group = group * 85 + 84;
    for (let k = 0; k < count - 1; k++) out[n++] = (group >>> (24 - 8 * k)) & 0xff;
  }
  return out.subarray(0, n);
}

const EXPANDING = new Set(["FlateDecode", "LZWDecode", "RunLengthDecode"]);

/**
 * The most bytes one filter can expand `n` input bytes to. DEFLATE: a 258-byte match in 2 bits, 1032 per byte (plus
 * slack for a header and a last partial block). LZW: a code of 9 bits at least, each at most a 4096-entry string.
 * Run-length: two bytes repeat one byte 128 times.
 */
const MAX_RATIO: Readonly<Record<string, (n: number) => number>> = {
  FlateDecode: (n) => 1032 * n + 1024,
  LZWDecode: (n) => 4096 * (n + 1),
  RunLengthDecode: (n) => 64 * n + 128,
};

/**
 * The compressed, non-image streams of a PDF, in file order, given to `visit`: where the data starts and ends, whether
 * the end is where /Length says (else at the next endstream, and DEFLATE is read to its own end), the dictionary and
 * where it was read from (`readDict(b, from, to)` reads it again).
 */
function scan(b: Uint8Array, visit: (start: number, end: number, verified: boolean, dict: StreamDict, from: number, to: number) => void): void {
  let pos = 0;
  let floor = 0;
  for (;;) {
    const s = find(b, STREAM, pos);
    if (s < 0) break;
    pos = s + STREAM.length;
    // the keyword "stream" (not "endstream"), right after a dictionary's ">>"
    if (!isDelim(b[s - 1]) || !isSpace(b[s + 6]) || b[s - 1] === 0x2f) continue;
    let d = s - 1;
    while (d > floor && isSpace(b[d])) d--;
    if (!(b[d] === 0x3e && b[d - 1] === 0x3e)) continue;
    const objAt = findLast(b, OBJ, floor, d);
    const from = objAt >= 0 ? objAt + 3 : floor;
    const dict = readDict(b, from, d + 1);
    let start = s + 6;
    if (b[start] === 0x0d) start++;
    if (b[start] === 0x0a) start++;
    // where the data ends: a direct /Length followed by endstream, else the next endstream
    let end = -1;
    if (dict.length !== undefined && start + dict.length <= b.length) {
      let e = start + dict.length;
      while (e < b.length && isSpace(b[e])) e++;
      if (find(b.subarray(e, e + ENDSTREAM.length), ENDSTREAM, 0) === 0) end = start + dict.length;
    }
    const verified = end >= 0;
    if (!verified) {
      const e = find(b, ENDSTREAM, start);
      end = e < 0 ? b.length : e;
    }
    pos = Math.max(pos, end);
    floor = end;
    if (dict.image || !dict.filters.some((f) => EXPANDING.has(f))) continue;
    visit(start, end, verified, dict, from, d + 1);
  }
}

/**
 * The most a stream can inflate to, from its input alone: one expanding filter, first (what follows it is not decoded
 * here), bounded by its input, which for DEFLATE without a verified end runs to the end of the file. Infinity for
 * anything else (a chain is always inflated).
 */
function boundOf(b: Uint8Array, start: number, end: number, verified: boolean, dict: StreamDict): number {
  const first = dict.filters[0]!;
  const ratio = MAX_RATIO[first];
  if (!ratio || dict.filters.slice(1).some((f) => EXPANDING.has(f))) return Number.POSITIVE_INFINITY;
  return ratio((verified || first !== "FlateDecode" ? end : b.length) - start);
}

/** Fields of one stream in the scan's table. */
const START = 0;
const END = 1;
const VERIFIED = 2;
const BOUND = 3;
const FROM = 4;
const TO = 5;
const STRIDE = 6;

/**
 * Counts the bytes that the compressed streams of a PDF (FlateDecode, LZWDecode, RunLengthDecode, alone or after
 * ASCIIHex/ASCII85, images left out) inflate to, stopping as soon as the count passes `budget`. Memory stays small:
 * the output is counted, not kept (except between two expanding filters of one stream, bounded by the budget).
 * Streams are inflated largest first; the rest are left alone once their most possible output fits in what is left of
 * the budget (`exact` inflates every stream). DEFLATE goes through Node's zlib in Node (`engine` "zlib", four times
 * cheaper than streaming), else the platform's DecompressionStream ("stream"), else fflate ("fflate"); each stops
 * inflating at the budget.
 * @internal
 */
export async function inflatedSize(b: Uint8Array, budget: number, engine: "zlib" | "stream" | "fflate" = "zlib", exact = false): Promise<InflatedSize> {
  if (native === null) native = nativeInflater();
  const D = engine !== "fflate" ? native : undefined;
  const Z = engine === "zlib" ? await nodeZlib() : undefined;
  let total = 0;
  let streams = 0;
  const count: Sink = (chunk) => {
    total += chunk.length;
    return total <= budget;
  };
  // the streams in a table of numbers (a file of many tiny streams must not become as many objects)
  let table = new Float64Array(STRIDE * 64);
  let n = 0;
  // the most the streams not yet inflated can give: the finite bounds' sum, and how many have none
  let rest = 0;
  let unbounded = 0;
  scan(b, (start, end, verified, dict, from, to) => {
    if ((n + 1) * STRIDE > table.length) {
      const grown = new Float64Array(table.length * 2);
      grown.set(table);
      table = grown;
    }
    const bound = boundOf(b, start, end, verified, dict);
    const at = n * STRIDE;
    table[at + START] = start;
    table[at + END] = end;
    table[at + VERIFIED] = verified ? 1 : 0;
    table[at + BOUND] = bound;
    table[at + FROM] = from;
    table[at + TO] = to;
    if (bound === Number.POSITIVE_INFINITY) unbounded++;
    else rest += bound;
    n++;
  });
  // largest first (a stable sort: file order among equals), so that the small ones are the ones left alone
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((x, y) => {
    const bx = table[x * STRIDE + BOUND]!;
    const by = table[y * STRIDE + BOUND]!;
    return bx > by ? -1 : bx < by ? 1 : 0;
  });
  for (let i = 0; i < n; i++) {
    if (!exact && unbounded === 0 && total + rest <= budget) return { bytes: total, over: false, streams, bounded: n - i, bound: rest };
    const at = order[i]! * STRIDE;
    const start = table[at + START]!;
    const end = table[at + END]!;
    const verified = table[at + VERIFIED] === 1;
    if (table[at + BOUND] === Number.POSITIVE_INFINITY) unbounded--;
    else rest -= table[at + BOUND]!;
    const dict = readDict(b, table[at + FROM]!, table[at + TO]!);
    streams++;
    // an unverified end may be "endstream" bytes inside the compressed data: DEFLATE data is read to its own end
    let data: Uint8Array = b.subarray(start, verified ? end : b.length);
    const expanding = dict.filters.map((f) => EXPANDING.has(f));
    const lastExpanding = expanding.lastIndexOf(true);
    for (let k = 0; k <= lastExpanding; k++) {
      const f = dict.filters[k]!;
      if (f === "ASCIIHexDecode") data = asciiHex(k === 0 ? b.subarray(start, end) : data);
      else if (f === "ASCII85Decode") data = ascii85(k === 0 ? b.subarray(start, end) : data);
      else if (EXPANDING.has(f)) {
        const input = k === 0 && f !== "FlateDecode" ? b.subarray(start, end) : data;
        // the last expanding stage is counted; an earlier one is kept (as the next stage's input), and counted
        let kept: Uint8Array[] | undefined;
        const sink: Sink =
          k === lastExpanding
            ? count
            : (chunk) => {
                kept ??= [];
                kept.push(chunk.slice());
                return count(chunk);
              };
        if (f === "FlateDecode") {
          const size = Z && k === lastExpanding ? inflateNodeSize(Z, input, budget - total) : undefined;
          if (size !== undefined) total += size;
          else if (D) await inflateNativeTo(D, input, sink);
          else inflateTo(input, sink, k === 0 && !verified);
        } else if (f === "LZWDecode") lzwTo(input, sink, dict.earlyChange);
        else runLengthTo(input, sink);
        if (total > budget) return { bytes: total, over: true, streams, bounded: 0, bound: 0 };
        if (k < lastExpanding) {
          const parts: Uint8Array[] = kept ?? [];
          const joined = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
          let o = 0;
          for (const p of parts) {
            joined.set(p, o);
            o += p.length;
          }
          data = joined;
        }
      } else break; // Crypt, image filters: nothing this reader decodes
    }
  }
  return { bytes: total, over: false, streams, bounded: 0, bound: 0 };
}
