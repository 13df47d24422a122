import { withoutFontPrograms } from "./fonts";
import { inflatedSize } from "./inflate";
import { layoutPdf, type RawItem, type RawPage } from "./layout";
import {
  dataFactories,
  type DataRequests,
  defaultDataLoader,
  loadPdfJs,
  type PdfJs,
  type PdfJsDocument,
  type PdfJsLoadingTask,
  type PdfJsPage,
  type PdfJsTextContent,
} from "./load";
import {
  MAX_PDF_BYTES,
  MAX_PDF_INFLATED_BYTES,
  MAX_PDF_PAGES,
  MAX_PDF_READ_MS,
  MAX_PDF_TEXT_ITEMS,
  type PdfDoc,
  type PdfFailure,
  type PdfReadOptions,
  type PdfWarning,
} from "./types";

const fail = <C extends PdfFailure["code"]>(code: C, params: Extract<PdfFailure, { code: C }>["params"]): PdfFailure =>
  ({ ok: false, code, params }) as PdfFailure;

const detailOf = (e: unknown): string => {
  const name = e instanceof Error || (typeof e === "object" && e && "name" in e) ? String((e as { name?: unknown }).name ?? "") : "";
  const msg = e instanceof Error || (typeof e === "object" && e && "message" in e) ? String((e as { message?: unknown }).message ?? "") : String(e);
  return `${name && name !== "Error" ? `${name}: ` : ""}${msg}`.slice(0, 200);
};

function mul(a: readonly number[], b: readonly number[]): number[] {
  const [a0 = 1, a1 = 0, a2 = 0, a3 = 1, a4 = 0, a5 = 0] = a;
  const [b0 = 1, b1 = 0, b2 = 0, b3 = 1, b4 = 0, b5 = 0] = b;
  return [a0 * b0 + a2 * b1, a1 * b0 + a3 * b1, a0 * b2 + a2 * b3, a1 * b2 + a3 * b3, a0 * b4 + a2 * b5 + a4, a1 * b4 + a3 * b5 + a5];
}

// Kangxi radicals, CJK radicals supplement and compatibility ideographs that some fonts map instead of the unified
// ideographs (⼀ for 一): the text extraction's mistake, not what was written. Also the vertical presentation forms
// (︑ for 、, ︵ for （) of text set vertically: the same characters, drawn turned (only those NFKC maps to one
// character: ︙, ︰ and the overlines would change the text's length).
const COMPAT = /[\u2e80-\u2fdf\uf900-\ufaff\ufe10-\ufe18\ufe31-\ufe48\ufe4d-\ufe4f]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

const PUA = /[\ue000-\uf8ff\ufffd]/;
const CJK_CHAR = /[\u3400-\u9fff]/;
const LETTER = /[A-Za-z]/;

/** Counts characters that say a font had no Unicode map. @internal */
export function garbleStats(text: string): { total: number; bad: number; cjk: number; letters: number } {
  let total = 0;
  let bad = 0;
  let cjk = 0;
  let letters = 0;
  for (const ch of text) {
    if (/\s/.test(ch)) continue;
    total++;
    const code = ch.codePointAt(0)!;
    if (PUA.test(ch) || code < 0x20 || (code >= 0xf0000 && code <= 0x10ffff)) bad++;
    else if (CJK_CHAR.test(ch)) cjk++;
    else if (LETTER.test(ch)) letters++;
  }
  return { total, bad, cjk, letters };
}

/** True when a page's text is mostly unmapped glyphs (or only symbols where a Chinese report has CJK). @internal */
export function looksGarbled(s: { total: number; bad: number; cjk: number; letters: number }): boolean {
  if (s.bad >= 20 && s.bad >= 0.1 * s.total) return true;
  return s.total >= 100 && s.cjk < 0.02 * s.total && s.letters < 0.3 * s.total;
}

/** getDocument options for reading the text layer only: no fonts for display, no images, no eval, no network. @internal */
export const TEXT_ONLY = {
  isEvalSupported: false,
  disableFontFace: true,
  fontExtraProperties: false,
  useSystemFonts: false,
  useWorkerFetch: false,
  isOffscreenCanvasSupported: false,
  isImageDecoderSupported: false,
  enableXfa: false,
  disableAutoFetch: true,
  disableStream: true,
  disableRange: true,
  verbosity: 0,
} as const;

type Factories = ReturnType<typeof dataFactories>;

/** Opens a document in PDF.js (on a copy of the bytes: PDF.js takes ownership of, and may detach, its buffer). */
const open = (pdfjs: PdfJs, bytes: Uint8Array, factories: Factories, stopAtErrors: boolean): PdfJsLoadingTask =>
  pdfjs.getDocument({ ...TEXT_ONLY, data: bytes.slice(), stopAtErrors, ...factories });

/** What stopped a page's text early: the document's text items or its time ran out. */
type Stop = { readonly stop: "text-items"; readonly items: number } | { readonly stop: "milliseconds"; readonly ms: number };

/** A document's running totals against its caps. */
interface Budget {
  items: number;
  readonly maxItems: number;
  readonly started: number;
  readonly maxMs: number;
}

/**
 * Reads a page's text runs as PDF.js streams them (100 at a time), counting them against the document's caps: past
 * the item cap or the time budget the stream is cancelled, so that PDF.js stops working on the page.
 */
async function pageText(page: PdfJsPage, budget: Budget): Promise<PdfJsTextContent | Stop> {
  const reader = page.streamTextContent({ includeMarkedContent: false }).getReader();
  const items: PdfJsTextContent["items"][number][] = [];
  const styles: Record<string, { readonly vertical?: boolean }> = {};
  for (;;) {
    const { value, done } = await reader.read();
    if (done || !value) break;
    budget.items += value.items.length;
    const ms = Date.now() - budget.started;
    const stop: Stop | undefined =
      budget.items > budget.maxItems ? { stop: "text-items", items: budget.items } : ms > budget.maxMs ? { stop: "milliseconds", ms } : undefined;
    if (stop) {
      // PDF.js wants an Error as the reason; its worker stops at its next check
      reader.cancel(new Error(`text stopped: ${stop.stop}`)).catch(() => undefined);
      return stop;
    }
    for (const it of value.items) items.push(it);
    Object.assign(styles, value.styles);
  }
  return { items, styles };
}

/**
 * Pages that gave no text, read again with PDF.js's errors raised (`stopAtErrors`): a content stream PDF.js could not
 * parse (and dropped, reading leniently) is a damaged page, not a picture of one. The first such page, or undefined.
 */
async function unparsablePage(pdfjs: PdfJs, bytes: Uint8Array, factories: Factories, pages: readonly number[], budget: Budget) {
  const task = open(pdfjs, bytes, factories, true);
  try {
    const doc = await task.promise;
    for (const p of pages) {
      if (Date.now() - budget.started > budget.maxMs) break;
      try {
        const page = await doc.getPage(p);
        await page.getTextContent({ includeMarkedContent: false });
      } catch (e) {
        return { page: p, detail: detailOf(e) };
      }
    }
  } catch {
    // the strict open failed where the lenient one did not: that says nothing about a page
  } finally {
    await task.destroy().catch(() => undefined);
  }
  return undefined;
}

/**
 * Reads a PDF's text layer into reading-order text and table grids, with the page and position of every piece.
 * Never throws: a PDF that cannot be read comes back as `{ ok: false, code, params }` (see `PdfFailure`).
 * PDF.js is loaded on first use. In Node, CMaps and standard fonts come from the installed pdfjs-dist package.
 * Work is bounded: bytes, pages, inflated stream bytes, text items and time each have a cap (see `PdfReadOptions`).
 */
export async function readPdf(bytes: Uint8Array, options: PdfReadOptions = {}): Promise<PdfDoc | PdfFailure> {
  const maxBytes = options.maxBytes ?? MAX_PDF_BYTES;
  const maxInflated = options.maxInflatedBytes ?? MAX_PDF_INFLATED_BYTES;
  if (!(bytes instanceof Uint8Array)) return fail("pdf-damaged", { detail: "not bytes" });
  if (bytes.length > maxBytes) return fail("pdf-too-large", { size: bytes.length, limit: maxBytes, unit: "bytes" });
  if (!hasHeader(bytes)) return fail("pdf-damaged", { detail: "no %PDF- header" });
  // decompression bombs are found before PDF.js inflates anything
  const inflated = await inflatedSize(bytes, maxInflated);
  if (inflated.over) return fail("pdf-too-large", { size: inflated.bytes, limit: maxInflated, unit: "inflated-bytes" });
  // Font programs the text does not need are left out (fonts.ts): most of PDF.js's time. A read that fails on its
  // text that way (garbled, none, damaged) is made again on the file as it is, with a time budget of its own.
  const lean = options.keepFontPrograms ? undefined : withoutFontPrograms(bytes);
  if (lean) {
    const r = await readWith(lean, options);
    if (r.ok || (r.code !== "pdf-garbled" && r.code !== "pdf-no-text" && r.code !== "pdf-damaged")) return r;
  }
  return readWith(bytes, options);
}

/** Reads a PDF (already checked against the byte and inflation caps) with PDF.js, within the other caps. */
async function readWith(given: Uint8Array, options: PdfReadOptions): Promise<PdfDoc | PdfFailure> {
  const started = Date.now();
  const maxPages = options.maxPages ?? MAX_PDF_PAGES;
  let pdfjs: PdfJs;
  try {
    pdfjs = await loadPdfJs();
  } catch (e) {
    return fail("pdf-damaged", { detail: `PDF.js could not be loaded: ${detailOf(e)}` });
  }
  const budget: Budget = { items: 0, maxItems: options.maxTextItems ?? MAX_PDF_TEXT_ITEMS, started, maxMs: options.maxMs ?? MAX_PDF_READ_MS };
  const overTime = (page?: number): PdfFailure =>
    fail("pdf-too-large", { size: Date.now() - budget.started, limit: budget.maxMs, unit: "milliseconds", ...(page ? { page } : {}) });
  const requests: DataRequests = { missing: [] };
  const loader = options.data ?? (await defaultDataLoader());
  const factories = dataFactories(loader, requests);
  let task: PdfJsLoadingTask | undefined;
  let doc: PdfJsDocument | undefined;
  try {
    task = open(pdfjs, given, factories, false);
    try {
      doc = await task.promise;
    } catch (e) {
      const name = typeof e === "object" && e && "name" in e ? String((e as { name: unknown }).name) : "";
      if (name === "PasswordException") return fail("pdf-encrypted", {});
      return fail("pdf-damaged", { detail: detailOf(e) });
    }
    const n = doc.numPages;
    if (n > maxPages) return fail("pdf-too-many-pages", { pages: n, limit: maxPages });
    if (n < 1) return fail("pdf-damaged", { detail: "no pages" });
    const pages: RawPage[] = [];
    const warnings: PdfWarning[] = [];
    for (let p = 1; p <= n; p++) {
      if (Date.now() - budget.started > budget.maxMs) return overTime(p);
      let raw: RawPage;
      try {
        const page = await doc.getPage(p);
        const vp = page.getViewport({ scale: 1 });
        const tc = await pageText(page, budget);
        if ("stop" in tc) {
          page.cleanup();
          return tc.stop === "text-items" ? fail("pdf-too-large", { size: tc.items, limit: budget.maxItems, unit: "text-items" }) : overTime(p);
        }
        const items: RawItem[] = [];
        let rotated = 0;
        for (const it of tc.items) {
          if (!("str" in it)) continue;
          const text = it.str.replace(CONTROL, "").replace(COMPAT, (c) => c.normalize("NFKC"));
          if (!text.trim()) continue;
          const m = mul(vp.transform, it.transform);
          const size = Math.hypot(m[2]!, m[3]!) || Math.hypot(m[0]!, m[1]!) || 1;
          const len = Math.hypot(m[0]!, m[1]!) || 1;
          const dx = m[0]! / len;
          const dy = m[1]! / len;
          const verticalFont = !!tc.styles[it.fontName]?.vertical;
          if (verticalFont) {
            // PDF.js's vertical runs: origin at the bottom of the first glyph, `height` the run's length downwards
            items.push({ text, page: p, x: m[4]!, y: m[5]! - size, width: size, size, font: it.fontName, dir: "vertical", length: Math.max(it.height, size) });
          } else if (Math.abs(dx) >= 0.95 && dx > 0) {
            items.push({ text, page: p, x: m[4]!, y: m[5]!, width: Math.max(0, it.width), size, font: it.fontName, dir: "horizontal", length: 0 });
          } else if (Math.abs(dy) >= 0.95) {
            // rotated by 90°: reads downwards (dy > 0) or upwards (dy < 0); x is the baseline
            const y0 = dy > 0 ? m[5]! : m[5]! - it.width;
            items.push({ text, page: p, x: m[4]! - size / 2, y: y0, width: size, size, font: it.fontName, dir: "vertical", length: Math.max(it.width, size) });
          } else {
            rotated++;
            items.push({ text, page: p, x: m[4]!, y: m[5]!, width: Math.max(0, it.width), size, font: it.fontName, dir: "horizontal", length: 0 });
          }
        }
        if (rotated) warnings.push({ code: "pdf-rotated-text", params: { page: p, count: rotated } });
        raw = { page: p, width: vp.width, height: vp.height, items };
        page.cleanup();
      } catch (e) {
        return fail("pdf-damaged", { detail: detailOf(e), page: p });
      }
      pages.push(raw);
    }
    const empty = pages.filter((pg) => pg.items.length === 0).map((pg) => pg.page);
    if (empty.length) {
      // no text: a picture of a page, a blank page, or a content stream PDF.js could not parse (damaged)
      const bad = await unparsablePage(pdfjs, given, factories, empty, budget);
      if (bad) return fail("pdf-damaged", bad);
      if (Date.now() - budget.started > budget.maxMs) return overTime();
    }
    if (empty.length === n) return fail("pdf-no-text", { pages: n });
    const garbledPages: number[] = [];
    let sample = "";
    let bad = 0;
    let total = 0;
    for (const pg of pages) {
      const t = pg.items.map((i) => i.text).join("");
      const s = garbleStats(t);
      bad += s.bad;
      total += s.total;
      if (looksGarbled(s)) {
        garbledPages.push(pg.page);
        if (!sample) sample = t.replace(/\s+/g, "").slice(0, 24);
      }
    }
    if (garbledPages.length) return fail("pdf-garbled", { pages: garbledPages, sample, garbled: bad, total });
    if (empty.length) warnings.push({ code: "pdf-pages-without-text", params: { pages: empty } });
    const seen = new Set<string>();
    for (const m of requests.missing) {
      const key = `${m.kind}:${m.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      warnings.push({ code: "pdf-missing-data", params: { kind: m.kind, name: m.name } });
    }
    let info: Record<string, string> = {};
    try {
      const meta = await doc.getMetadata();
      info = Object.fromEntries(
        Object.entries(meta.info ?? {})
          .filter(([k, v]) => typeof v === "string" && v.trim() && ["Title", "Author", "Subject", "Creator", "Producer", "CreationDate", "ModDate"].includes(k))
          .map(([k, v]) => [k, (v as string).slice(0, 200)]),
      );
    } catch {
      // metadata is optional
    }
    const laid = layoutPdf(pages);
    return { ok: true, ...laid, pages: n, info, warnings };
  } catch (e) {
    return fail("pdf-damaged", { detail: detailOf(e) });
  } finally {
    // free PDF.js's document, fonts and caches whatever happened
    await (doc ? doc.destroy() : task?.destroy())?.catch(() => undefined);
  }
}

function hasHeader(b: Uint8Array): boolean {
  const n = Math.min(b.length - 5, 1024);
  for (let i = 0; i < n; i++) if (b[i] === 0x25 && b[i + 1] === 0x50 && b[i + 2] === 0x44 && b[i + 3] === 0x46 && b[i + 4] === 0x2d) return true;
  return false;
}
