import type { Issue, Locale, Report, ValidationResult } from "@gov-disclosure/core";

/** Why a file could not be read at all, when the importer gave no answer (worded by the element, see `ElementStrings`). */
export interface ReadFailure {
  /**
   * `unavailable`: this build has no importer; `failed`: the importer threw (it never should); `cancelled`: the user
   * chose to keep the cells they typed, so nothing was read.
   */
  readonly kind: "unavailable" | "failed" | "cancelled";
  readonly detail?: string;
}

/** What reading a file or pasted text gave: the report (when one was found) and the issues met while reading it. */
export interface ReadResult {
  readonly report?: Report;
  /** Issues of phase `import` (from the importer) or `parse` (canonical JSON that core rejects). Locale-free. */
  readonly issues: readonly Issue[];
  /** How it was read: `json` by core, or the format the importer detected. */
  readonly format: string;
  /** Set when the importer could not be run or failed outright. */
  readonly failure?: ReadFailure;
}

/** The part of `@gov-disclosure/import`'s result this element uses. */
interface ImportResultLike {
  readonly report?: Report;
  readonly evidence?: { readonly format?: string };
  readonly issues?: readonly Issue[];
}

/** `ImportOptions.pdfData`: PDF.js's CMaps and standard fonts, from this bundle. */
type PdfData = (kind: "cmap" | "font", name: string) => Promise<Uint8Array | undefined>;

type ImportFn = (input: string | Uint8Array, options: { filename?: string; pdfData?: PdfData }) => Promise<ImportResultLike> | ImportResultLike;

/** Loads `@gov-disclosure/import` on demand (a separate chunk: its readers for Word and spreadsheets are heavy). */
async function importer(): Promise<ImportFn | undefined> {
  const mod: { importReport?: unknown } = await import("@gov-disclosure/import");
  return typeof mod.importReport === "function" ? (mod.importReport as ImportFn) : undefined;
}

/** True for a PDF: the `%PDF-` signature near the start, or a `.pdf` name. */
export function isPdf(bytes: Uint8Array | string, filename: string): boolean {
  if (typeof bytes === "string") return false;
  if (/\.pdf$/i.test(filename)) return true;
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  return head.includes("%PDF-");
}

/**
 * Readies a PDF read (loaded with the first PDF only): PDF.js gets a Web Worker of this bundle, and the CMaps and fonts
 * it asks for come from chunks of this bundle. Undefined when the module cannot be loaded (the importer then reads on
 * this thread, without the data).
 */
async function pdfOptions(): Promise<{ pdfData?: PdfData }> {
  try {
    const pdf = await import("./pdf");
    pdf.startPdfWorker();
    return { pdfData: pdf.pdfData };
  } catch {
    return {};
  }
}

const looksLikeJson = (text: string): boolean => /^\s*\{/.test(text);

/** Core's canonical JSON reader and writer, loaded on first use (see json.ts). */
const canonical = () => import("./json");

/** Reads canonical JSON with core; `undefined` when the text is not a report in canonical JSON. */
async function readJson(text: string): Promise<ReadResult | undefined> {
  if (!looksLikeJson(text)) return undefined;
  const parsed = (await canonical()).parseReportJson(text);
  if (parsed.success) return { report: parsed.report, issues: [], format: "json" };
  return { issues: parsed.issues.slice(0, 20), format: "json" };
}

/**
 * Reads a dropped or chosen file's bytes (or pasted text) (TXT, HTML, Markdown, DOCX, XLSX, PDF, JSON) in the browser:
 * canonical JSON with core, anything else with `@gov-disclosure/import`, loaded on first use (a PDF with PDF.js in a
 * Web Worker, its CMaps and fonts from this bundle). Nothing leaves the page.
 * The result is locale-free: its issues are worded where they are shown.
 */
export async function readBytes(bytes: Uint8Array | string, filename: string): Promise<ReadResult> {
  if (typeof bytes !== "string" && (/\.json$/i.test(filename) || (bytes[0] === 0x7b && !/\.(xlsx|docx)$/i.test(filename)))) {
    const json = await readJson(new TextDecoder("utf-8").decode(bytes));
    if (json?.report) return json;
  }
  const run = await importer();
  if (!run) return { issues: [], format: "unknown", failure: { kind: "unavailable" } };
  try {
    const r = await run(bytes, { filename, ...(isPdf(bytes, filename) ? await pdfOptions() : {}) });
    return { ...(r.report ? { report: r.report } : {}), issues: r.issues ?? [], format: r.evidence?.format ?? "unknown" };
  } catch (e) {
    return { issues: [], format: "unknown", failure: { kind: "failed", detail: e instanceof Error ? e.message : String(e) } };
  }
}

/** Reads pasted text: canonical JSON with core, anything else (flattened web text, HTML, Markdown) with the importer. */
export async function readText(text: string, filename?: string): Promise<ReadResult> {
  const json = await readJson(text);
  if (json?.report) return json;
  const name = filename ?? (/^\s*</.test(text) ? "pasted.html" : /^[ \t]*(#|\|)/m.test(text) && /\|\s*-{3}/.test(text) ? "pasted.md" : "pasted.txt");
  return readBytes(text, name);
}

/** The report as canonical JSON text (core's `stringifyReport`, loaded on first use: it is not in the first load). */
export const toJson = async (report: Report): Promise<string> => (await canonical()).stringifyReport(report);

// The writers are reached through a module of this package loaded on demand, never through `import("@gov-disclosure/render")`:
// the tables' layout comes from render statically, and a dynamic import of the same module would keep exceljs in the
// first load.

/** The report as an XLSX workbook in the official layout (render's `renderXlsx`, loaded on demand). */
export async function toXlsx(report: Report, locale: Locale = "zh-CN"): Promise<Uint8Array> {
  return (await import("./writers")).xlsx(report, locale);
}

/**
 * The report as a printable HTML document with its validation (render's `renderHtml`, loaded on demand): the issues,
 * the import's first, the corrections and the cells the import could not be sure of.
 */
export async function toHtml(
  report: Report,
  locale: Locale = "zh-CN",
  result?: Pick<ValidationResult, "findings" | "corrections" | "uncertainCells">,
): Promise<string> {
  return (await import("./writers")).html(report, locale, result);
}

/** A file name for an export: the body and year when known (`泰顺县人民政府-2018.json`), else `report.json`. */
export function exportName(report: Report, ext: string): string {
  const parts = [report.meta.body, report.meta.year].filter((p) => p !== undefined && p !== "");
  const base = parts.length ? parts.join("-").replace(/[\\/:*?"<>|\s]+/g, "_") : "report";
  return `${base}.${ext}`;
}
