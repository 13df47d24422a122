import iconv from "iconv-lite";
import type { InputFormat } from "./types";

declare const TextDecoder: { new (label?: string, options?: { fatal?: boolean }): { decode(input: Uint8Array): string } };

const startsWith = (b: Uint8Array, sig: readonly number[]) => sig.every((x, i) => b[i] === x);

function hasAscii(b: Uint8Array, s: string, limit = b.length): boolean {
  const codes = [...s].map((ch) => ch.charCodeAt(0));
  const end = Math.min(limit, b.length) - codes.length;
  outer: for (let i = 0; i <= end; i++) {
    for (let j = 0; j < codes.length; j++) if (b[i + j] !== codes[j]) continue outer;
    return true;
  }
  return false;
}

/** Recognises a binary container from its first bytes (PDF, images, ZIP-based Office files, OLE2). @internal */
export function sniffBytes(b: Uint8Array): InputFormat | "doc-ole" | "zip" | undefined {
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46])) return "pdf";
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47]) || startsWith(b, [0xff, 0xd8, 0xff]) || startsWith(b, [0x47, 0x49, 0x46, 0x38])) return "image";
  if (startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a]) || startsWith(b, [0x42, 0x4d])) return "image";
  if (startsWith(b, [0x52, 0x49, 0x46, 0x46]) && hasAscii(b.subarray(8, 12), "WEBP")) return "image";
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0])) return "doc-ole";
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06])) {
    if (hasAscii(b, "word/")) return "docx";
    if (hasAscii(b, "xl/")) return "xlsx";
    return "zip";
  }
  return undefined;
}

/** Decodes text bytes: BOMs, then strict UTF-8, then GB18030 (a superset of GBK and GB2312). */
export function decodeText(b: Uint8Array): { text: string; encoding: string } {
  if (startsWith(b, [0xef, 0xbb, 0xbf])) return { text: new TextDecoder("utf-8").decode(b.subarray(3)), encoding: "utf-8 (BOM)" };
  if (startsWith(b, [0xff, 0xfe])) return { text: iconv.decode(b.subarray(2), "utf16le"), encoding: "utf-16le" };
  if (startsWith(b, [0xfe, 0xff])) return { text: iconv.decode(b.subarray(2), "utf16be"), encoding: "utf-16be" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(b), encoding: "utf-8" };
  } catch {
    return { text: iconv.decode(b, "gb18030"), encoding: "gb18030" };
  }
}

/** True when decoded text looks like binary data (control characters, replacement characters). @internal */
export function looksBinary(text: string): boolean {
  // the first 4096 code units, read in place (a slice of the text is read through its parent at every character)
  const n = Math.min(text.length, 4096);
  if (!n) return false;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 ? c !== 9 && c !== 10 && c !== 13 && c !== 12 : c === 65533) bad++;
  }
  return bad / n > 0.05;
}

/** Guesses the format of text from its media type, file name and content. @internal */
export function sniffText(text: string, filename?: string, mediaType?: string): InputFormat {
  const name = (filename ?? "").toLowerCase();
  const mt = (mediaType ?? "").toLowerCase();
  if (mt.includes("json") || name.endsWith(".json")) return "json";
  if (mt.includes("html") || /\.(html?|xhtml)$/.test(name)) return "html";
  if (mt.includes("markdown") || /\.(md|markdown)$/.test(name)) return "markdown";
  const head = text.slice(0, 2000).trimStart();
  if (head.startsWith("{") && /"edition"|"version"|"cells"/.test(text.slice(0, 20000))) return "json";
  // (the tag pattern, case-insensitive, is slow to run over text without a "<", the most of what is read here)
  const head200k = text.slice(0, 200000);
  if (head200k.includes("<") && /<(html|body|table|p|div|tr|td|br)\b[^>]*>/i.test(head200k)) return "html";
  if (hasPipeTable(text)) return "markdown";
  return "text";
}

/**
 * True when some line, trimmed, starts and ends with "|" and some line is a pipe-table separator ("|---|").
 * Line by line (each line trimmed once): a multiline regex such as `^\s*\|.*\|\s*$` restarts `\s*` at every
 * line start of a run of blank lines and costs the square of the run.
 */
function hasPipeTable(text: string): boolean {
  // a row needs a "|": text without one has no pipe table (and is not read line by line)
  if (!text.includes("|")) return false;
  let row = false;
  let separator = false;
  for (let start = 0; start <= text.length && !(row && separator); ) {
    const nl = text.indexOf("\n", start);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(start, end).trim();
    if (line.startsWith("|")) {
      if (line.length > 1 && line.endsWith("|")) row = true;
      if (SEPARATOR_START.test(line)) separator = true;
    } else if (line.startsWith("-") || line.startsWith(":")) {
      if (SEPARATOR_START.test(line)) separator = true;
    }
    if (nl < 0) break;
    start = nl + 1;
  }
  return row && separator;
}
const SEPARATOR_START = /^\|?\s*:?-{3,}/;
