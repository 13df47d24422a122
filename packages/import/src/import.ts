import { analyze, failed, importJson } from "./analyze";
import { decodeText, looksBinary, sniffBytes, sniffText } from "./decode";
import { diag } from "./diagnostics";
import { readHtml } from "./html";
import { mappedReport, readDocx, readXlsx } from "./office";
import type { Diagnostic, ImportOptions, ImportResult, InputFormat } from "./types";
import { MAX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES, ZipLimitError } from "./zip";

/** Largest input read, in bytes (binary files) or characters (text). Larger input gets one `import.too-large` error. */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;
/** Deepest HTML nesting walked as structure; deeper content is read as plain text. */
export const MAX_HTML_DEPTH = 2000;

const locale = (o: ImportOptions) => o.locale ?? "zh-CN";

/** One diagnostic for an Office file that could not be read: over a zip limit, or damaged. */
function officeError(e: unknown, loc: "zh-CN" | "en"): Diagnostic {
  const detail = (e instanceof Error ? e.message : String(e)).slice(0, 200);
  if (e instanceof ZipLimitError) return diag("import.zip-limit", "error", { detail, entries: MAX_ZIP_ENTRIES, bytes: MAX_UNZIPPED_BYTES }, loc);
  return diag("import.truncated", "error", { detail }, loc);
}

function guard(format: InputFormat, options: ImportOptions, run: () => ImportResult): ImportResult {
  try {
    return run();
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return failed(format, [diag("import.truncated", "error", { detail: detail.slice(0, 200) }, locale(options))]);
  }
}

/**
 * Imports a report from text: flattened web text, HTML, Markdown or canonical JSON (synchronous).
 * Never throws: problems come back as diagnostics.
 */
export function importText(text: string, options: ImportOptions = {}): ImportResult {
  const loc = locale(options);
  if (typeof text !== "string") return failed("unknown", [diag("import.binary", "error", { detail: typeof text }, loc)]);
  if (text.length > MAX_INPUT_BYTES) return failed("unknown", [diag("import.too-large", "error", { size: text.length, limit: MAX_INPUT_BYTES }, loc)]);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const format = sniffText(body, options.filename, options.mediaType);
  return guard(format, options, () => {
    if (format === "json") return importJson(body, options);
    if (format === "html") {
      const h = readHtml(body, MAX_HTML_DEPTH);
      const extra = h.depthExceeded ? [diag("import.nesting", "warning", { limit: MAX_HTML_DEPTH }, loc)] : [];
      return analyze({ text: h.text, grids: h.grids, tableRanges: h.tableRanges, format, diagnostics: extra }, options);
    }
    if (looksBinary(body)) return failed("binary", [diag("import.binary", "error", { detail: "control characters" }, loc)]);
    return analyze({ text: body, grids: [], format }, options);
  });
}

/**
 * Imports a report from a string or bytes of any supported format: text, HTML, Markdown, JSON (UTF-8 with or without
 * BOM, UTF-16 with BOM, GB18030/GBK), Word (.docx) and Excel (.xlsx). PDFs and images get one clear diagnostic.
 * Never throws.
 */
export async function importReport(input: string | Uint8Array, options: ImportOptions = {}): Promise<ImportResult> {
  const loc = locale(options);
  try {
    if (typeof input === "string") return importText(input, options);
    if (!(input instanceof Uint8Array)) return failed("unknown", [diag("import.binary", "error", { detail: typeof input }, loc)]);
    if (input.length > MAX_INPUT_BYTES) return failed("unknown", [diag("import.too-large", "error", { size: input.length, limit: MAX_INPUT_BYTES }, loc)]);
    const kind = sniffBytes(input);
    if (kind === "pdf") return failed("pdf", [diag("import.unreadable-pdf", "error", {}, loc)]);
    if (kind === "image") return failed("image", [diag("import.unreadable-image", "error", {}, loc)]);
    if (kind === "doc-ole") return failed("binary", [diag("import.binary", "error", { detail: "legacy .doc/.xls (OLE2): save as .docx or .xlsx" }, loc)]);
    if (kind === "zip") return failed("binary", [diag("import.binary", "error", { detail: "zip archive that is neither .docx nor .xlsx" }, loc)]);
    if (kind === "docx") {
      try {
        const h = await readDocx(input);
        return guard("docx", options, () => analyze({ text: h.text, grids: h.grids, tableRanges: h.tableRanges, format: "docx" }, options));
      } catch (e) {
        return failed("docx", [officeError(e, loc)]);
      }
    }
    if (kind === "xlsx") {
      try {
        const x = await readXlsx(input);
        if (x.mapped) {
          const parsed = mappedReport(x.mapped);
          if (parsed.success)
            return {
              report: parsed.report,
              edition: parsed.report.edition,
              evidence: { format: "xlsx", editionLabels: ["_gov_disclosure"], rowsRecognised: {}, splits: [] },
              diagnostics: [diag("xlsx.id-map", "info", {}, loc)],
              ambiguous: {},
            };
          const detail = parsed.issues
            .slice(0, 5)
            .map((i) => `${i.path.join(".")}: ${i.message}`)
            .join("; ");
          return failed("xlsx", [diag("import.json-invalid", "error", { detail }, loc)]);
        }
        return guard("xlsx", options, () => analyze({ text: x.text, grids: x.grids, format: "xlsx" }, options));
      } catch (e) {
        return failed("xlsx", [officeError(e, loc)]);
      }
    }
    const { text, encoding } = decodeText(input);
    if (looksBinary(text)) return failed("binary", [diag("import.binary", "error", { detail: "not text" }, loc)], encoding);
    const r = importText(text, options);
    return { ...r, evidence: { ...r.evidence, encoding } };
  } catch (e) {
    return failed("unknown", [diag("import.truncated", "error", { detail: e instanceof Error ? e.message.slice(0, 200) : String(e) }, loc)]);
  }
}
