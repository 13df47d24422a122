import { type Correction, type Finding, type Locale, parseReportJson, type Report, stringifyReport } from "@gov-disclosure/core";

/** One note from reading a file: the importer's diagnostics, or why the file could not be read. */
export interface ReadNote {
  readonly code: string;
  readonly severity: "error" | "warning" | "info";
  readonly message: string;
  readonly cells?: readonly string[];
}

/** What reading a file or pasted text gave: the report (when one was found) and the notes. */
export interface ReadResult {
  readonly report?: Report;
  readonly notes: readonly ReadNote[];
  /** How it was read: `json` by core, or the format the importer detected. */
  readonly format: string;
}

/** The part of `@gov-disclosure/import`'s result this element uses. */
interface ImportResultLike {
  readonly report?: Report;
  readonly evidence?: { readonly format?: string };
  readonly diagnostics?: readonly {
    readonly code: string;
    readonly severity: "error" | "warning" | "info";
    readonly message: string;
    readonly messageZh?: string;
    readonly messageEn?: string;
    readonly cells?: readonly string[];
  }[];
}

type ImportFn = (input: string | Uint8Array, options: { filename?: string; locale?: Locale }) => Promise<ImportResultLike> | ImportResultLike;

const TEXT = { "zh-CN": "无法读取", en: "Could not read" };
const NO_IMPORTER = {
  "zh-CN": "此版本的导入模块尚不能读取该格式，请粘贴 JSON 或直接填表。",
  en: "The importer in this build cannot read this format yet: paste JSON or fill in the table.",
};

/** Loads `@gov-disclosure/import` on demand (a separate chunk: its readers for Word and spreadsheets are heavy). */
async function importer(): Promise<ImportFn | undefined> {
  const mod: { importReport?: unknown } = await import("@gov-disclosure/import");
  return typeof mod.importReport === "function" ? (mod.importReport as ImportFn) : undefined;
}

const looksLikeJson = (text: string): boolean => /^\s*\{/.test(text);

/** Reads canonical JSON with core; `undefined` when the text is not a report in canonical JSON. */
function readJson(text: string): ReadResult | undefined {
  if (!looksLikeJson(text)) return undefined;
  const parsed = parseReportJson(text);
  if (parsed.success) return { report: parsed.report, notes: [], format: "json" };
  const notes = parsed.issues.slice(0, 20).map((i): ReadNote => ({ code: "json.schema", severity: "error", message: `${i.path.join(".")}: ${i.message}` }));
  return { notes, format: "json" };
}

/**
 * Reads a dropped or chosen file's bytes (or pasted text) (TXT, HTML, Markdown, DOCX, XLSX, JSON) in the browser: canonical JSON with core,
 * anything else with `@gov-disclosure/import`, loaded on first use. Nothing leaves the page.
 */
export async function readBytes(bytes: Uint8Array | string, filename: string, locale: Locale = "zh-CN"): Promise<ReadResult> {
  if (typeof bytes !== "string" && (/\.json$/i.test(filename) || (bytes[0] === 0x7b && !/\.(xlsx|docx)$/i.test(filename)))) {
    const json = readJson(new TextDecoder("utf-8").decode(bytes));
    if (json?.report) return json;
  }
  const run = await importer();
  if (!run) return { notes: [{ code: "import.unavailable", severity: "error", message: NO_IMPORTER[locale] }], format: "unknown" };
  try {
    const r = await run(bytes, { filename, locale });
    const notes = (r.diagnostics ?? []).map(
      (d): ReadNote => ({
        code: d.code,
        severity: d.severity,
        message: (locale === "en" ? d.messageEn : d.messageZh) ?? d.message,
        ...(d.cells ? { cells: d.cells } : {}),
      }),
    );
    return { ...(r.report ? { report: r.report } : {}), notes, format: r.evidence?.format ?? "unknown" };
  } catch (e) {
    return {
      notes: [{ code: "import.failed", severity: "error", message: `${TEXT[locale]}: ${e instanceof Error ? e.message : String(e)}` }],
      format: "unknown",
    };
  }
}

/** Reads pasted text: canonical JSON with core, anything else (flattened web text, HTML, Markdown) with the importer. */
export async function readText(text: string, locale: Locale = "zh-CN", filename?: string): Promise<ReadResult> {
  const json = readJson(text);
  if (json?.report) return json;
  const name = filename ?? (/^\s*</.test(text) ? "pasted.html" : /^\s*(#|\|)/m.test(text) && /\|\s*-{3}/.test(text) ? "pasted.md" : "pasted.txt");
  return readBytes(text, name, locale);
}

/** The report as canonical JSON text (core's `stringifyReport`). */
export const toJson = (report: Report): string => stringifyReport(report);

/** The report as an XLSX workbook in the official layout (render's `renderXlsx`, loaded on demand). */
export async function toXlsx(report: Report, locale: Locale = "zh-CN"): Promise<Uint8Array> {
  const render = await import("@gov-disclosure/render");
  return render.renderXlsx(report, { locale });
}

/** The report as a printable HTML document with its findings (render's `renderHtml`, loaded on demand). */
export async function toHtml(report: Report, locale: Locale = "zh-CN", findings?: readonly Finding[], corrections?: readonly Correction[]): Promise<string> {
  const render = await import("@gov-disclosure/render");
  return render.renderHtml(report, { locale, ...(findings?.length ? { findings } : {}), ...(corrections?.length ? { corrections } : {}) });
}

/** A file name for an export: the body and year when known (`泰顺县人民政府-2018.json`), else `report.json`. */
export function exportName(report: Report, ext: string): string {
  const parts = [report.meta.body, report.meta.year].filter((p) => p !== undefined && p !== "");
  const base = parts.length ? parts.join("-").replace(/[\\/:*?"<>|\s]+/g, "_") : "report";
  return `${base}.${ext}`;
}
