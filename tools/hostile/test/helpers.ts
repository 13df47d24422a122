// Shared helpers of the hostile suite: time bounds, per-kind tallies printed after each file, hostile archives.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { crc32 } from "node:zlib";
import { expect } from "vitest";

const tallies = new Map<string, number>();

/** Counts `n` cases of a kind; `printTallies` prints one line per kind. */
export function tally(kind: string, n = 1): void {
  tallies.set(kind, (tallies.get(kind) ?? 0) + n);
}

/**
 * One summary line per kind of case tried in this file (call from afterAll), also written to
 * `tools/hostile/hostile-cases/<file>.json` for the CI summary (scripts/test-summary.mjs prints cases per class).
 */
export function printTallies(file: string): void {
  const sorted = [...tallies].sort();
  for (const [kind, n] of sorted) console.log(`[hostile] ${file}: ${kind}: ${n} cases`);
  const dir = join(here, "..", "hostile-cases");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${file}.json`), `${JSON.stringify(Object.fromEntries(sorted), null, 2)}\n`);
}

/** Runs `fn` and asserts it finished within `ms` (wall clock; the machine is shared, so bounds are generous). */
export async function within<T>(ms: number, what: string, fn: () => T | Promise<T>): Promise<T> {
  const t = performance.now();
  const r = await fn();
  const dt = performance.now() - t;
  expect(dt, `${what} took ${dt.toFixed(0)} ms (bound ${ms} ms)`).toBeLessThan(ms);
  return r;
}

const here = dirname(fileURLToPath(import.meta.url));

/** What the child process reports after importing a file. */
export interface ChildResult {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly ms: number;
  readonly out: { report: boolean; codes: string[]; messages: string[]; maxRssKb: number; importMs: number; cells?: Record<string, unknown> } | undefined;
  readonly stderr: string;
}

/** Imports a file in a child process (so a bomb cannot take the test runner down), killed after `timeoutMs`. */
export function importInChild(file: string, filename: string, timeoutMs: number): ChildResult {
  const t = performance.now();
  const r = spawnSync(process.execPath, ["--conditions=@gov-disclosure/source", "--import", "tsx", join(here, "child/import-file.ts"), file, filename], {
    encoding: "utf8",
    timeout: timeoutMs,
    killSignal: "SIGKILL",
    cwd: join(here, ".."),
    maxBuffer: 16 * 1024 * 1024,
  });
  const ms = performance.now() - t;
  const line = r.stdout?.trim().split("\n").pop();
  let out: ChildResult["out"];
  try {
    out = line ? JSON.parse(line) : undefined;
  } catch {
    out = undefined;
  }
  return { status: r.status, signal: r.signal, ms, out, stderr: (r.stderr ?? "").slice(-2000) };
}

// ------------------------------------------------------------------------------------------------ zip writing

const u16 = (n: number) => [n & 0xff, (n >>> 8) & 0xff];
const u32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];

/** One zip entry: its name, raw DEFLATE (or stored) data, CRC-32 and uncompressed size as declared. */
export interface ZipEntry {
  readonly name: string;
  readonly data: Uint8Array;
  readonly method: 0 | 8;
  readonly crc: number;
  readonly size: number;
}

/** A plain zip writer (no zip64): local headers, central directory, end record. */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: number[][] = [];
  let offset = 0;
  for (const e of entries) {
    const name = new TextEncoder().encode(e.name);
    const common = [
      ...u16(20),
      ...u16(0),
      ...u16(e.method),
      ...u16(0),
      ...u16(0x21),
      ...u32(e.crc),
      ...u32(e.data.length),
      ...u32(e.size),
      ...u16(name.length),
      ...u16(0),
    ];
    const local = new Uint8Array([...u32(0x04034b50), ...common, ...name]);
    chunks.push(local, e.data);
    central.push([...u32(0x02014b50), ...u16(20), ...common, ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(offset), ...name]);
    offset += local.length + e.data.length;
  }
  const cd = new Uint8Array(central.flat());
  const end = new Uint8Array([
    ...u32(0x06054b50),
    ...u16(0),
    ...u16(0),
    ...u16(entries.length),
    ...u16(entries.length),
    ...u32(cd.length),
    ...u32(offset),
    ...u16(0),
  ]);
  const total = chunks.reduce((a, c) => a + c.length, 0) + cd.length + end.length;
  const out = new Uint8Array(total);
  let p = 0;
  for (const c of [...chunks, cd, end]) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}

/** A stored (uncompressed) entry. */
export function storedEntry(name: string, text: string | Uint8Array): ZipEntry {
  const data = typeof text === "string" ? new TextEncoder().encode(text) : text;
  return { name, data, method: 0, crc: crc32(data), size: data.length };
}

/** A little-endian bit writer for raw DEFLATE. */
class BitWriter {
  private buf: Uint8Array;
  private len = 0;
  private acc = 0;
  private n = 0;
  constructor(capacity: number) {
    this.buf = new Uint8Array(capacity);
  }
  /** Writes `len` (≤ 24) bits of `value`, least significant first. */
  bits(value: number, len: number) {
    this.acc |= (value & ((1 << len) - 1)) << this.n;
    this.n += len;
    while (this.n >= 8) {
      this.push(this.acc & 0xff);
      this.acc >>>= 8;
      this.n -= 8;
    }
  }
  /** Writes a Huffman code, most significant bit first. */
  code(value: number, len: number) {
    let r = 0;
    for (let i = 0; i < len; i++) r |= ((value >>> i) & 1) << (len - 1 - i);
    this.bits(r, len);
  }
  align() {
    if (this.n) this.bits(0, 8 - this.n);
  }
  private push(b: number) {
    if (this.len === this.buf.length) {
      const next = new Uint8Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.len++] = b;
  }
  bytes() {
    return this.buf.slice(0, this.len);
  }
}

const stored = (w: BitWriter, data: Uint8Array, final: boolean) => {
  w.bits(final ? 1 : 0, 1);
  w.bits(0, 2);
  w.align();
  w.bits(data.length, 16);
  w.bits(~data.length & 0xffff, 16);
  for (const b of data) w.bits(b, 8);
};

/**
 * A DEFLATE entry that inflates to `prefix`, then `repeat` spaces, then `suffix`, about 160 times smaller:
 * one literal space, then runs of <length 258, distance 1> in a fixed-Huffman block (13 bits per 258 bytes).
 */
export function bombEntry(name: string, prefix: string, repeat: number, suffix: string): ZipEntry {
  const enc = new TextEncoder();
  const pre = enc.encode(prefix);
  const suf = enc.encode(suffix);
  const matches = Math.floor((repeat - 1) / 258);
  const rest = repeat - 1 - matches * 258;
  const w = new BitWriter(Math.ceil((matches * 13) / 8) + pre.length + suf.length + rest + 64);
  stored(w, pre, false);
  w.bits(0, 1);
  w.bits(1, 2); // fixed Huffman
  w.code(0x30 + 0x20, 8); // literal ' '
  // length 258 = code 285 (8 bits 11000101, no extra bits); distance code 0 (5 bits) = distance 1
  let m = 0;
  for (let i = 7; i >= 0; i--) m |= ((0b11000101 >>> i) & 1) << (7 - i);
  for (let i = 0; i < matches; i++) w.bits(m, 13);
  for (let i = 0; i < rest; i++) w.code(0x30 + 0x20, 8);
  w.code(0, 7); // end of block (256)
  stored(w, suf, true);
  w.align();
  return finish(name, w.bytes(), pre, repeat, suf);
}

/** The fixed-Huffman code of a literal byte (RFC 1951 3.2.6), written most significant bit first. */
function literal(w: BitWriter, b: number) {
  if (b < 144) w.code(0x30 + b, 8);
  else w.code(0x190 + b - 144, 9);
}

/**
 * A zlib stream (RFC 1950, as PDF's FlateDecode reads it) that inflates to `prefix`, then `pattern` repeated to
 * `repeatBytes` bytes, then `suffix`; about 160 times smaller than what it inflates to. `pattern` is 1 or 16 bytes
 * long (one distance code each). The Adler-32 trailer is left zero: PDF readers do not check it.
 */
export function zlibBomb(prefix: string, pattern: string, repeatBytes: number, suffix: string): Uint8Array {
  const enc = new TextEncoder();
  const pat = enc.encode(pattern);
  if (pat.length !== 1 && pat.length !== 16) throw new Error("pattern must be 1 or 16 bytes");
  const matches = Math.floor((repeatBytes - pat.length) / 258);
  const w = new BitWriter(Math.ceil((matches * 15) / 8) + prefix.length * 3 + suffix.length * 3 + 1024);
  w.bits(0x78, 8);
  w.bits(0x01, 8); // CMF/FLG: deflate, 32K window, no dictionary; (0x7801 % 31 === 0)
  stored(w, enc.encode(prefix), false);
  w.bits(0, 1);
  w.bits(1, 2); // fixed Huffman
  for (const b of pat) literal(w, b);
  // length 258 = code 285; distance 1 = code 0, distance 16 = code 7 with 2 extra bits (3)
  for (let i = 0; i < matches; i++) {
    w.code(0b11000101, 8);
    if (pat.length === 1) w.code(0, 5);
    else {
      w.code(7, 5);
      w.bits(3, 2);
    }
  }
  w.code(0, 7); // end of block (256)
  stored(w, enc.encode(suffix), true);
  w.align();
  w.bits(0, 32);
  return w.bytes();
}

function finish(name: string, data: Uint8Array, pre: Uint8Array, repeat: number, suf: Uint8Array): ZipEntry {
  let crc = crc32(pre);
  const chunk = new Uint8Array(1 << 20).fill(32);
  let left = repeat;
  while (left > 0) {
    const n = Math.min(left, chunk.length);
    crc = crc32(n === chunk.length ? chunk : chunk.subarray(0, n), crc);
    left -= n;
  }
  crc = crc32(suf, crc);
  return { name, data, method: 8, crc, size: pre.length + repeat + suf.length };
}

// ------------------------------------------------------------------------------------------------ watched child

/** Imports a file in a child process whose resident memory is watched: killed past `rssLimitKb` or `timeoutMs`. */
export async function importInWatchedChild(
  file: string,
  filename: string,
  opts: { timeoutMs: number; rssLimitKb: number },
): Promise<ChildResult & { killedFor?: "time" | "memory"; peakRssKb: number }> {
  const { spawn } = await import("node:child_process");
  const { readFileSync } = await import("node:fs");
  const t = performance.now();
  // the heap is capped too (above the RSS limit): a runaway heap ends in V8's own out-of-memory, not in the machine's
  const child = spawn(
    process.execPath,
    ["--max-old-space-size=3072", "--conditions=@gov-disclosure/source", "--import", "tsx", join(here, "child/import-file.ts"), file, filename],
    { cwd: join(here, ".."), stdio: ["ignore", "pipe", "pipe"] },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr.on("data", (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  let killedFor: "time" | "memory" | undefined;
  let peakRssKb = 0;
  const watch = setInterval(() => {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))?.[1] ?? 0);
      peakRssKb = Math.max(peakRssKb, kb);
      if (kb > opts.rssLimitKb && !killedFor) {
        killedFor = "memory";
        child.kill("SIGKILL");
      }
    } catch {
      // the child has gone
    }
  }, 50);
  const timer = setTimeout(() => {
    if (!killedFor) killedFor = "time";
    child.kill("SIGKILL");
  }, opts.timeoutMs);
  const [status, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on("close", (c, s) => resolve([c, s])));
  clearInterval(watch);
  clearTimeout(timer);
  const ms = performance.now() - t;
  const line = stdout.trim().split("\n").pop();
  let out: ChildResult["out"];
  try {
    out = line ? JSON.parse(line) : undefined;
  } catch {
    out = undefined;
  }
  if (out) peakRssKb = Math.max(peakRssKb, out.maxRssKb);
  return { status, signal, ms, out, stderr: stderr.slice(-2000), peakRssKb, ...(killedFor ? { killedFor } : {}) };
}

// ------------------------------------------------------------------------------------------------ PDF writing

/** One indirect object of a hand-made PDF: its dictionary (or any object) and, for a stream, its (encoded) data. */
export interface PdfObject {
  readonly body: string;
  readonly stream?: Uint8Array;
}

/**
 * A PDF from numbered objects (object n is `objects[n - 1]`, object 1 the catalog), with a correct cross-reference
 * table and trailer. `cut` keeps only the first bytes of the xref table (and drops the trailer): a truncated xref.
 */
export function writePdf(objects: readonly PdfObject[], options: { cut?: number } = {}): Uint8Array {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [enc.encode("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(offset);
    const head = enc.encode(`${i + 1} 0 obj\n${o.body}\n${o.stream ? "stream\n" : ""}`);
    const tail = enc.encode(`${o.stream ? "\nendstream" : ""}\nendobj\n`);
    for (const p of o.stream ? [head, o.stream, tail] : [head, tail]) {
      parts.push(p);
      offset += p.length;
    }
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`)].join("");
  const trailer = `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`;
  parts.push(enc.encode(options.cut !== undefined ? xref.slice(0, options.cut) : xref + trailer));
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let p = 0;
  for (const part of parts) {
    out.set(part, p);
    p += part.length;
  }
  return out;
}

/** Catalog, page tree and `n` pages sharing one content stream and one font (Helvetica): objects 1–4, then pages. */
export function simplePdf(content: PdfObject, options: { count?: number; extraPageKeys?: string } = {}): PdfObject[] {
  return [
    { body: "<< /Type /Catalog /Pages 2 0 R >>" },
    { body: `<< /Type /Pages /Kids [5 0 R] /Count ${options.count ?? 1} >>` },
    { body: "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>" },
    content,
    { body: `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R ${options.extraPageKeys ?? ""}>>` },
  ];
}
